# METADATA
# title: Google Cloud data residency
# description: Resources, and the copies of their data (multi-region and dual-region storage, Cloud SQL replicas and backups), stay in the locations params.allowed_regions (and params.classification_regions) allow. A zone counts as its region; multi-regions (EU, US, ASIA) must be allowed by name; dual-regions by name or both of their regions.
package tfguard.google.residency

import data.tfguard.lib

# google resources that have a place: region, location or zone in their schema.
located := [r | some r in lib.resources.all; lib.google.is_google(r); lib.google.located(r); not _global(r)]

_global(r) if lib.google.location(r) == "global"

# [{status, msg}] when the resource's location is outside `allowed` (a set of lower-cased locations).
_location_problem(r, allowed, source) := [] if {
	# A configurable dual-region bucket keeps its data in data_locations (GCP-RES-003), not in `location`.
	count(lib.values.get(r, ["custom_placement_config", 0, "data_locations"], [])) > 0
} else := [{"status": "fail", "msg": sprintf("location %q is not in %s %v", [location, source, sort(allowed)])}] if {
	location := lib.google.location(r)
	not lib.google.inside(location, allowed)
} else := [{"status": "unknown", "msg": "location is not in the plan (and the provider sets no region)"}] if {
	not lib.google.location(r)
} else := []

# METADATA
# title: Resources are in allowed locations
# description: Every google resource's region (its region, location, or zone's region; else its provider's region or zone) must be in params.allowed_regions (a list, or its "google" entry).
# custom:
#   id: GCP-RES-001
#   severity: high
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44"]
#   remediation: |
#     provider "google" {
#       region = "europe-west1"   # one of params.allowed_regions
#     }
deny contains finding if {
	lib.google.restricted
	some r in located
	some p in _location_problem(r, lib.google.allowed, "allowed_regions")
	finding := lib.finding.result(rego.metadata.rule(), r, "location", p.msg, p.status)
}

# METADATA
# title: Classified data stays in its locations
# description: A resource labelled with a classification listed in params.classification_regions must be in one of that classification's locations.
# custom:
#   id: GCP-RES-002
#   severity: critical
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44", "PCI-DSS-4.0:3.2.1"]
#   remediation: |
#     resource "google_storage_bucket" "records" {
#       location = "EUROPE-WEST3"   # one of the classification's regions
#     }
deny contains finding if {
	some r in located
	classification := lib.google.classification(r)
	allowed := lib.google.classification_allowed(classification)
	count(allowed) > 0
	some p in _location_problem(r, allowed, sprintf("classification_regions[%q]", [classification]))
	finding := lib.finding.result(rego.metadata.rule(), r, "location", p.msg, p.status)
}

# [{status, msg}] for a copy of `r`'s data going to `location` outside its copy locations ([] when allowed).
_copy_problem(r, location, what) := [{"status": "fail", "msg": sprintf("%s %q, outside %v", [what, location, sort(allowed)])}] if {
	allowed := lib.google.copy_locations(r)
	count(allowed) > 0
	not lib.google.inside(location, allowed)
} else := []

# METADATA
# title: Bucket data copies stay in allowed locations
# description: A google_storage_bucket in a configurable dual-region (custom_placement_config.data_locations) keeps a copy of its data in each listed region, which must be allowed (classification_regions, else allowed_regions). Predefined dual-regions and multi-regions are judged by GCP-RES-001/002.
# custom:
#   id: GCP-RES-003
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     custom_placement_config {
#       data_locations = ["EUROPE-WEST1", "EUROPE-WEST4"]   # allowed regions only
#     }
deny contains finding if {
	some r in lib.resources.planned("google_storage_bucket")
	some i, l in lib.values.get(r, ["custom_placement_config", 0, "data_locations"], [])
	some p in _copy_problem(r, lower(l), "custom_placement_config copies the data to")
	finding := lib.finding.result(rego.metadata.rule(), r, sprintf("custom_placement_config[0].data_locations[%d]", [i]), p.msg, p.status)
}

# The Cloud SQL instance a replica copies (by reference, or by name).
_master(r) := masters[0] if {
	masters := [m |
		some m in lib.resources.planned("google_sql_database_instance")
		m.address != r.address
		lib.refs.linked(r, ["master_instance_name"], m, ["name", "id"])
	]
	count(masters) > 0
}

# The resource whose classification governs a replica: the replica when classified, else its master.
_copy_source(r) := r if lib.google.classification(r)

_copy_source(r) := m if {
	not lib.google.classification(r)
	m := _master(r)
} else := r if not lib.google.classification(r)

# METADATA
# title: Cloud SQL replicas stay in allowed locations
# description: A google_sql_database_instance with master_instance_name copies its master's data; its region must be allowed for the master's classification (else allowed_regions).
# custom:
#   id: GCP-RES-004
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     resource "google_sql_database_instance" "replica" {
#       master_instance_name = google_sql_database_instance.primary.name
#       region               = "europe-west3"   # an allowed region
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	_is_replica(r)
	some p in _replica_problem(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "region", p.msg, p.status)
}

_is_replica(r) if lib.values.is_set(r, ["master_instance_name"])

_is_replica(r) if lib.refs.references(r, ["master_instance_name"]) != []

_replica_problem(r) := _copy_problem(_copy_source(r), location, "replica copies the data to") if {
	location := lib.google.location(r)
} else := [{"status": "unknown", "msg": "the replica's region is not in the plan"}] if {
	count(lib.google.copy_locations(_copy_source(r))) > 0
} else := []

_backup := ["settings", 0, "backup_configuration", 0]

# The multi-region Cloud SQL picks for backups when no location is set: the one containing the instance.
_default_backup_location(region) := "eu" if startswith(region, "europe-")

_default_backup_location(region) := "us" if {
	some prefix in ["us-", "northamerica-", "southamerica-"]
	startswith(region, prefix)
}

_default_backup_location(region) := "asia" if {
	some prefix in ["asia-", "australia-", "me-", "africa-"]
	startswith(region, prefix)
}

# METADATA
# title: Cloud SQL backups stay in allowed locations
# description: Cloud SQL backups go to settings.backup_configuration.location, or by default to the multi-region containing the instance (EU, US, ASIA); that location must be allowed. Set an allowed region.
# custom:
#   id: GCP-RES-005
#   severity: medium
#   controls: ["SOC2:C1.1", "SOC2:A1.2", "GDPR:44"]
#   remediation: |
#     backup_configuration {
#       enabled  = true
#       location = "europe-west1"   # an allowed region
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	not _is_replica(r)
	lib.values.is_true(r, array.concat(_backup, ["enabled"]))
	some p in _backup_problem(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "settings[0].backup_configuration[0].location", p.msg, p.status)
}

_backup_problem(r) := _copy_problem(r, lower(l), "backups go to") if {
	l := lib.values.get(r, array.concat(_backup, ["location"]), "")
	l != ""
} else := _copy_problem(r, _default_backup_location(lib.google.location(r)), "with no backup location, backups go to the multi-region")

# METADATA
# title: Cloud SQL instances keep automated backups
# description: google_sql_database_instance (not replicas) must enable settings.backup_configuration, so the data survives loss or corruption.
# custom:
#   id: GCP-RES-006
#   severity: medium
#   controls: ["PCI-DSS-4.0:12.10.1", "SOC2:A1.2", "CIS-GCP-2.0:6.7"]
#   remediation: |
#     settings {
#       backup_configuration {
#         enabled                        = true
#         point_in_time_recovery_enabled = true
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	not _is_replica(r)
	status := lib.values.status_not_true(r, array.concat(_backup, ["enabled"]))
	finding := lib.finding.result(rego.metadata.rule(), r, "settings[0].backup_configuration[0].enabled", "instance has no automated backups (backup_configuration.enabled unset or false)", status)
}
