# METADATA
# title: Google Cloud encryption at rest
# description: Data stores use customer-managed Cloud KMS keys (CMEK) where the data's classification requires them; keys rotate; GKE secrets are encrypted at the application layer.
package tfguard.google.encryption

import data.tfguard.lib

# Whether the resource's data classification (label) requires a customer-managed key (params.require_cmk).
cmk_required(r) if lib.params.require_cmk[lib.google.classification(r)] == true

# "fail" | "unknown" unless the attribute at `path` names a KMS key. A key created in the same plan is
# unknown until apply, but the configuration references a google_kms_crypto_key: that is a CMEK. An
# unknown key the configuration does not set is Google's default key: "fail".
cmk_status(r, path) := "unknown" if {
	not _references_key(r, path)
	not lib.values.is_set(r, path)
	lib.values.unknown(r, path)
	lib.google.may_be_set(r, path)
} else := "fail" if {
	not _references_key(r, path)
	not lib.values.is_set(r, path)
}

_references_key(r, path) if lib.refs.references_type(r, path, "google_kms_crypto_key")

_references_key(r, path) if lib.refs.references_type(r, path, "data.google_kms_crypto_key")

_cmk_msg(r, what) := sprintf("data classification %q requires a customer-managed key but %s", [lib.google.classification(r), what])

# METADATA
# title: Buckets with regulated data use a customer-managed key
# description: google_storage_bucket whose classification label requires a CMK (params.require_cmk) must set encryption.default_kms_key_name.
# custom:
#   id: GCP-ENC-001
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "google_storage_bucket" "this" {
#       encryption {
#         default_kms_key_name = google_kms_crypto_key.bucket.id
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("google_storage_bucket")
	cmk_required(r)
	status := cmk_status(r, ["encryption", 0, "default_kms_key_name"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption[0].default_kms_key_name", _cmk_msg(r, "the bucket has no encryption.default_kms_key_name"), status)
}

# METADATA
# title: Cloud SQL instances with regulated data use a customer-managed key
# description: google_sql_database_instance whose classification (settings.user_labels) requires a CMK must set encryption_key_name.
# custom:
#   id: GCP-ENC-002
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "google_sql_database_instance" "this" {
#       encryption_key_name = google_kms_crypto_key.sql.id
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	cmk_required(r)
	status := cmk_status(r, ["encryption_key_name"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_key_name", _cmk_msg(r, "the instance has no encryption_key_name"), status)
}

# METADATA
# title: Compute disks with regulated data use a customer-managed key
# description: google_compute_disk (disk_encryption_key) and google_compute_instance (boot_disk, attached_disk) whose classification requires a CMK must name a KMS key (kms_key_self_link) or a customer-supplied key.
# custom:
#   id: GCP-ENC-003
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-GCP-2.0:4.7"]
#   remediation: |
#     resource "google_compute_instance" "this" {
#       boot_disk {
#         kms_key_self_link = google_kms_crypto_key.disk.id
#       }
#     }
deny contains finding if {
	some p in _disk_problems
	finding := lib.finding.result(rego.metadata.rule(), p.resource, p.attribute, _cmk_msg(p.resource, sprintf("%s names no key", [p.attribute])), p.status)
}

_disk_problems := array.concat(
	[{"resource": r, "attribute": "disk_encryption_key", "status": status} |
		some r in lib.resources.planned_any({"google_compute_disk", "google_compute_region_disk"})
		cmk_required(r)
		status := _key_status(r, ["disk_encryption_key", 0])
	],
	[{"resource": r, "attribute": attribute, "status": status} |
		some r in lib.resources.planned("google_compute_instance")
		cmk_required(r)
		some block in _instance_disks(r)
		status := _key_status(r, block)
		attribute := sprintf("%s[%d]", block)
	],
)

_instance_disks(r) := array.concat(
	[["boot_disk", 0]],
	[["attached_disk", i] | some i, _ in lib.values.get(r, ["attached_disk"], [])],
)

# A disk block names a key: a KMS key, or a customer-supplied (raw or RSA-wrapped) key.
_key_attrs := ["kms_key_self_link", "disk_encryption_key_raw", "raw_key", "rsa_encrypted_key", "disk_encryption_key_rsa"]

_key_status(r, block) := "unknown" if {
	not _names_key(r, block)
	some attr in _key_attrs
	cmk_status(r, array.concat(block, [attr])) == "unknown"
} else := "fail" if {
	not _names_key(r, block)
}

_names_key(r, block) if {
	some attr in _key_attrs
	not cmk_status(r, array.concat(block, [attr]))
}

# METADATA
# title: GKE encrypts Kubernetes secrets with Cloud KMS
# description: google_container_cluster must set database_encryption { state = "ENCRYPTED", key_name = … } (application-layer secrets encryption).
# custom:
#   id: GCP-ENC-004
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-GKE-1.5:5.3.1"]
#   remediation: |
#     database_encryption {
#       state    = "ENCRYPTED"
#       key_name = google_kms_crypto_key.gke.id
#     }
deny contains finding if {
	some r in lib.resources.planned("google_container_cluster")
	status := lib.values.status_not_in(r, ["database_encryption", 0, "state"], ["ENCRYPTED"])
	finding := lib.finding.result(rego.metadata.rule(), r, "database_encryption[0].state", "cluster does not encrypt Kubernetes secrets with a Cloud KMS key (database_encryption.state is not \"ENCRYPTED\")", status)
}

# 90 days, the longest rotation period CIS allows.
_max_rotation_seconds := 7776000

_rotation_seconds(v) := to_number(trim_suffix(v, "s")) if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, v)
}

# METADATA
# title: KMS keys rotate at least every 90 days
# description: Symmetric google_kms_crypto_key (purpose ENCRYPT_DECRYPT) must set rotation_period to 7776000s (90 days) or less.
# custom:
#   id: GCP-ENC-005
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.7.4", "SOC2:CC6.1", "CIS-GCP-2.0:1.10"]
#   remediation: |
#     resource "google_kms_crypto_key" "this" {
#       rotation_period = "7776000s"
#     }
deny contains finding if {
	some r in lib.resources.planned("google_kms_crypto_key")
	lib.values.get(r, ["purpose"], "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	some p in _rotation_problem(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "rotation_period", p.msg, p.status)
}

_rotation_problem(r) := [{"status": "fail", "msg": sprintf("key rotates every %v, longer than 90 days (7776000s)", [r.values.rotation_period])}] if {
	_rotation_seconds(r.values.rotation_period) > _max_rotation_seconds
} else := [] if {
	_rotation_seconds(r.values.rotation_period)
} else := [{"status": status, "msg": "key has no rotation_period"}] if {
	status := lib.values.status_not_set(r, ["rotation_period"])
} else := []

# METADATA
# title: BigQuery datasets use a customer-managed key
# description: google_bigquery_dataset must set default_encryption_configuration.kms_key_name, so new tables are encrypted with a CMEK.
# custom:
#   id: GCP-ENC-006
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-GCP-2.0:7.3"]
#   remediation: |
#     default_encryption_configuration {
#       kms_key_name = google_kms_crypto_key.bq.id
#     }
deny contains finding if {
	some r in lib.resources.planned("google_bigquery_dataset")
	status := cmk_status(r, ["default_encryption_configuration", 0, "kms_key_name"])
	finding := lib.finding.result(rego.metadata.rule(), r, "default_encryption_configuration[0].kms_key_name", "dataset has no default customer-managed key (default_encryption_configuration.kms_key_name)", status)
}

# METADATA
# title: Pub/Sub topics with regulated data use a customer-managed key
# description: google_pubsub_topic whose classification requires a CMK must set kms_key_name.
# custom:
#   id: GCP-ENC-007
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "google_pubsub_topic" "this" {
#       kms_key_name = google_kms_crypto_key.pubsub.id
#     }
deny contains finding if {
	some r in lib.resources.planned("google_pubsub_topic")
	cmk_required(r)
	status := cmk_status(r, ["kms_key_name"])
	finding := lib.finding.result(rego.metadata.rule(), r, "kms_key_name", _cmk_msg(r, "the topic has no kms_key_name"), status)
}
