package tfguard.google.residency_test

import data.tfguard.google.residency
import data.tfguard.test.cloud_fixtures as cfx

_eu := {"allowed_regions": {"google": ["europe-west1", "europe-west4", "europe-north1"]}}

_findings(changes, params) := fs if {
	fs := residency.deny with input as cfx.plan(changes) with data.tfguard.params as params
}

_ids(changes, params, status) := {f.id | some f in _findings(changes, params); f.status == status}

# GCP-RES-001
test_unrestricted_by_default if count(_findings([cfx.create("google_storage_bucket", "b", {"location": "US"})], {})) == 0

test_zone_counts_as_its_region if not "GCP-RES-001" in _ids([cfx.create("google_compute_instance", "vm", {"zone": "europe-west4-b"})], _eu, "fail")

test_zone_outside_allowed_fails if "GCP-RES-001" in _ids([cfx.create("google_compute_instance", "vm", {"zone": "us-central1-a"})], _eu, "fail")

test_provider_region_is_used if {
	not "GCP-RES-001" in _ids([cfx.create_unknown("google_compute_subnetwork", "s", {}, {"region": true})], _eu, "unknown")
	"GCP-RES-001" in _ids([cfx.create_unknown("google_compute_subnetwork", "s", {}, {"region": true})], {"allowed_regions": ["europe-west3"]}, "fail")
}

test_configured_unknown_region_is_unknown if {
	doc := cfx.plan_with([cfx.create_unknown("google_compute_subnetwork", "s", {}, {"region": true})], [cfx.conf("google_compute_subnetwork", "s", {"region": ["var.region"]})], {})
	fs := residency.deny with input as doc with data.tfguard.params as _eu
	{[f.id, f.status] | some f in fs} == {["GCP-RES-001", "unknown"]}
}

test_multi_region_must_be_allowed_by_name if {
	"GCP-RES-001" in _ids([cfx.create("google_storage_bucket", "b", {"location": "EU"})], _eu, "fail")
	not "GCP-RES-001" in _ids([cfx.create("google_storage_bucket", "b", {"location": "EU"})], {"allowed_regions": ["EU"]}, "fail")
}

test_dual_region_allowed_by_its_regions if {
	not "GCP-RES-001" in _ids([cfx.create("google_storage_bucket", "b", {"location": "EUR4"})], _eu, "fail")
	"GCP-RES-001" in _ids([cfx.create("google_storage_bucket", "b", {"location": "NAM4"})], _eu, "fail")
}

test_global_and_unlocated_resources_are_skipped if {
	count(_findings([cfx.create("google_compute_firewall", "f", {"name": "f"}), cfx.create("google_kms_key_ring", "k", {"location": "global"})], _eu)) == 0
}

# GCP-RES-002
_cls := {"classification_regions": {"restricted": ["europe-west3"]}}

_restricted := {"data-classification": "restricted"}

test_classified_bucket_in_its_region_passes if not "GCP-RES-002" in _ids([cfx.create("google_storage_bucket", "b", {"location": "EUROPE-WEST3", "labels": _restricted})], _cls, "fail")

test_classified_bucket_in_multi_region_fails if "GCP-RES-002" in _ids([cfx.create("google_storage_bucket", "b", {"location": "EU", "labels": _restricted})], _cls, "fail")

# GCP-RES-003
_custom(locations) := cfx.create("google_storage_bucket", "b", {"location": "EU", "custom_placement_config": [{"data_locations": locations}]})

test_custom_dual_region_in_allowed_regions_passes if count(_findings([_custom(["EUROPE-WEST1", "EUROPE-WEST4"])], _eu)) == 0

test_custom_dual_region_outside_allowed_fails if {
	fs := _findings([_custom(["EUROPE-WEST1", "EUROPE-WEST3"])], _eu)
	{[f.id, f.attribute] | some f in fs} == {["GCP-RES-003", "custom_placement_config[0].data_locations[1]"]}
}

# GCP-RES-004
_replica_doc(region) := cfx.plan_with(
	[
		cfx.create("google_sql_database_instance", "primary", {"name": "primary", "region": "europe-west3", "settings": [{"user_labels": _restricted, "backup_configuration": [{"enabled": true, "location": "europe-west3"}]}]}),
		cfx.create_unknown("google_sql_database_instance", "replica", {"region": region, "settings": [{}]}, {"master_instance_name": true}),
	],
	[cfx.conf("google_sql_database_instance", "replica", {"master_instance_name": ["google_sql_database_instance.primary.name", "google_sql_database_instance.primary"]})],
	{},
)

test_replica_in_classification_region_passes if {
	fs := residency.deny with input as _replica_doc("europe-west3") with data.tfguard.params as _cls
	count([f | some f in fs; f.id == "GCP-RES-004"]) == 0
}

test_replica_outside_classification_region_fails if {
	fs := residency.deny with input as _replica_doc("europe-west1") with data.tfguard.params as _cls
	{[f.id, f.resource] | some f in fs; f.id == "GCP-RES-004"} == {["GCP-RES-004", "google_sql_database_instance.replica"]}
}

# GCP-RES-005 / 006
_sql(backup) := cfx.create("google_sql_database_instance", "db", {"region": "europe-west1", "settings": [{"backup_configuration": [backup]}]})

test_backups_in_allowed_region_pass if count(_findings([_sql({"enabled": true, "location": "europe-west1"})], _eu)) == 0

test_default_backup_multi_region_fails if {
	fs := _findings([_sql({"enabled": true, "location": null})], _eu)
	some f in fs
	f.id == "GCP-RES-005"
	contains(f.msg, "\"eu\"")
}

test_backups_enabled_passes if not "GCP-RES-006" in _ids([_sql({"enabled": true})], {}, "fail")

test_backups_disabled_fails if "GCP-RES-006" in _ids([_sql({"enabled": false})], {}, "fail")
