package tfguard.google.encryption_test

import data.tfguard.google.encryption
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(encryption.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(encryption.deny, "unknown") with input as cfx.plan(changes)
}

_restricted := {"owner": "a", "data-classification": "restricted"}

# GCP-ENC-001
test_bucket_cmek_passes if not "GCP-ENC-001" in _ids([cfx.create("google_storage_bucket", "b", {"labels": _restricted, "encryption": [{"default_kms_key_name": "projects/p/locations/eu/keyRings/r/cryptoKeys/k"}]})])

test_bucket_without_cmek_for_restricted_data_fails if "GCP-ENC-001" in _ids([cfx.create("google_storage_bucket", "b", {"labels": _restricted, "encryption": []})])

test_bucket_internal_data_needs_no_cmek if not "GCP-ENC-001" in _ids([cfx.create("google_storage_bucket", "b", {"labels": cfx.good_tags, "encryption": []})])

test_bucket_cmek_by_reference_passes if {
	b := cfx.create_unknown("google_storage_bucket", "b", {"labels": _restricted, "encryption": [{}]}, {"encryption": [{"default_kms_key_name": true}]})
	conf := {"address": "google_storage_bucket.b", "mode": "managed", "type": "google_storage_bucket", "name": "b", "provider_config_key": "google", "expressions": {"encryption": [{"default_kms_key_name": {"references": ["google_kms_crypto_key.k.id", "google_kms_crypto_key.k"]}}]}}
	fs := encryption.deny with input as cfx.plan_with([b], [conf], {})
	count(fs) == 0
}

# GCP-ENC-002 (Cloud SQL labels live in settings.user_labels)
test_sql_cmek_passes if not "GCP-ENC-002" in _ids([cfx.create("google_sql_database_instance", "db", {"settings": [{"user_labels": _restricted}], "encryption_key_name": "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"})])

test_sql_without_cmek_fails if "GCP-ENC-002" in _ids([cfx.create("google_sql_database_instance", "db", {"settings": [{"user_labels": _restricted}], "encryption_key_name": null})])

# GCP-ENC-003
test_disk_cmek_passes if not "GCP-ENC-003" in _ids([cfx.create("google_compute_disk", "d", {"labels": _restricted, "disk_encryption_key": [{"kms_key_self_link": "projects/p/k"}]})])

test_instance_boot_disk_without_key_fails if {
	vm := cfx.create_unknown("google_compute_instance", "vm", {"labels": _restricted, "boot_disk": [{"disk_encryption_key_raw": null}], "attached_disk": []}, {"boot_disk": [{"kms_key_self_link": true}]})
	conf := {"address": "google_compute_instance.vm", "mode": "managed", "type": "google_compute_instance", "name": "vm", "provider_config_key": "google", "expressions": {"boot_disk": [{"initialize_params": [{"image": {"constant_value": "debian-cloud/debian-12"}}]}]}}
	fs := encryption.deny with input as cfx.plan_with([vm], [conf], {})
	{[f.id, f.attribute, f.status] | some f in fs} == {["GCP-ENC-003", "boot_disk[0]", "fail"]}
}

test_instance_configured_unknown_key_is_unknown if {
	"GCP-ENC-003" in _unknown_ids([cfx.create_unknown("google_compute_instance", "vm", {"labels": _restricted, "boot_disk": [{}]}, {"boot_disk": [{"kms_key_self_link": true}]})])
}

# GCP-ENC-004
test_gke_secrets_encrypted_passes if not "GCP-ENC-004" in _ids([cfx.create("google_container_cluster", "c", {"database_encryption": [{"state": "ENCRYPTED", "key_name": "k"}]})])

test_gke_secrets_unencrypted_fails if "GCP-ENC-004" in _ids([cfx.create("google_container_cluster", "c", {"database_encryption": [{"state": "DECRYPTED"}]})])

# GCP-ENC-005
test_key_rotated_every_90_days_passes if not "GCP-ENC-005" in _ids([cfx.create("google_kms_crypto_key", "k", {"rotation_period": "7776000s"})])

test_key_rotated_yearly_fails if "GCP-ENC-005" in _ids([cfx.create("google_kms_crypto_key", "k", {"rotation_period": "31536000s"})])

test_key_without_rotation_fails if "GCP-ENC-005" in _ids([cfx.create("google_kms_crypto_key", "k", {"rotation_period": null})])

test_asymmetric_key_is_skipped if not "GCP-ENC-005" in _ids([cfx.create("google_kms_crypto_key", "k", {"purpose": "ASYMMETRIC_SIGN"})])

# GCP-ENC-006
test_dataset_cmek_passes if not "GCP-ENC-006" in _ids([cfx.create("google_bigquery_dataset", "d", {"default_encryption_configuration": [{"kms_key_name": "k"}]})])

test_dataset_without_cmek_fails if "GCP-ENC-006" in _ids([cfx.create("google_bigquery_dataset", "d", {"default_encryption_configuration": []})])

# GCP-ENC-007
test_topic_cmek_passes if not "GCP-ENC-007" in _ids([cfx.create("google_pubsub_topic", "t", {"labels": _restricted, "kms_key_name": "k"})])

test_topic_without_cmek_fails if "GCP-ENC-007" in _ids([cfx.create("google_pubsub_topic", "t", {"labels": _restricted, "kms_key_name": null})])
