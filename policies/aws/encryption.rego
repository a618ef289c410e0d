# METADATA
# title: AWS encryption at rest
# description: Data stores and keys are encrypted at rest, with customer-managed KMS keys where the data's classification requires them.
package tfguard.aws.encryption

import data.tfguard.lib

_is_cmk_ref(r, path) if lib.refs.references_type(r, path, "aws_kms_key")

_is_cmk_ref(r, path) if lib.refs.references_type(r, path, "aws_kms_replica_key")

_is_cmk_ref(r, path) if lib.refs.references_type(r, path, "aws_kms_alias")

_aws_managed_key(v) if startswith(v, "alias/aws/")

_aws_managed_key(v) if contains(v, ":alias/aws/")

# "fail" | "unknown" unless the key attribute at `path` names a customer-managed key. A key created in the
# same plan is unknown until apply, but its configuration references an aws_kms_key: that is a CMK.
cmk_status(r, path) := "unknown" if {
	not _is_cmk_ref(r, path)
	not lib.values.is_set(r, path)
	lib.values.unknown(r, path)
} else := "fail" if {
	not _is_cmk_ref(r, path)
	not lib.values.is_set(r, path)
} else := "fail" if {
	_aws_managed_key(lib.values.get(r, path, ""))
}

# Whether the resource's data classification requires a customer-managed key (params.require_cmk).
cmk_required(r) if lib.params.require_cmk[lib.tags.classification(r)] == true

_s3_sse_resources := {"aws_s3_bucket_server_side_encryption_configuration"}

_s3_sse_configs(b) := lib.refs.linked_from(_s3_sse_resources, ["bucket"], b, ["bucket", "id"])

_s3_inline_rules(b) := [d |
	some c in lib.values.get(b, ["server_side_encryption_configuration"], [])
	some rule in c.rule
	some d in rule.apply_server_side_encryption_by_default
]

# METADATA
# title: S3 buckets are encrypted at rest
# description: Objects must be unreadable at rest (inline server_side_encryption_configuration, or an aws_s3_bucket_server_side_encryption_configuration referencing the bucket).
# custom:
#   id: AWS-ENC-001
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.1.1"]
#   remediation: |
#     resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
#       bucket = aws_s3_bucket.this.id
#       rule {
#         apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_s3_bucket")
	count(_s3_sse_configs(r)) == 0
	count(_s3_inline_rules(r)) == 0
	status := _unknown_or_fail(r, ["server_side_encryption_configuration"])
	finding := lib.finding.result(rego.metadata.rule(), r, "server_side_encryption_configuration", "S3 bucket has no server_side_encryption_configuration, inline or as an aws_s3_bucket_server_side_encryption_configuration referencing it", status)
}

_unknown_or_fail(r, path) := "unknown" if lib.values.unknown(r, path) else := "fail"

# METADATA
# title: EBS volumes are encrypted
# description: EBS volumes must set encrypted = true.
# custom:
#   id: AWS-ENC-002
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.2.1"]
#   remediation: |
#     resource "aws_ebs_volume" "this" {
#       encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_ebs_volume")
	not _ebs_default_encryption
	status := lib.values.status_not_true(r, ["encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encrypted", "EBS volume has encrypted unset or false", status)
}

# Encryption by default, enabled in this document, encrypts every new volume of the region.
_ebs_default_encryption if {
	some d in lib.resources.planned("aws_ebs_encryption_by_default")
	lib.values.get(d, ["enabled"], true) == true
}

# METADATA
# title: EBS encryption by default is not disabled
# description: aws_ebs_encryption_by_default must keep enabled = true.
# custom:
#   id: AWS-ENC-003
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.2.1"]
#   remediation: |
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_ebs_encryption_by_default")
	lib.values.is_false(r, ["enabled"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "enabled", "EBS encryption by default is disabled (enabled = false)")
}

# METADATA
# title: EC2 instance block devices are encrypted
# description: Root and EBS block devices of instances must be encrypted.
# custom:
#   id: AWS-ENC-004
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.2.1"]
#   remediation: |
#     resource "aws_instance" "this" {
#       root_block_device { encrypted = true }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_instance")
	not _ebs_default_encryption
	some p in _instance_disk_problems(r)
	finding := lib.finding.result(rego.metadata.rule(), r, p.attribute, p.msg, p.status)
}

_instance_disk_problems(r) := array.concat(
	[{"attribute": attribute, "msg": sprintf("instance %s is not true", [attribute]), "status": status} |
		some block in ["root_block_device", "ebs_block_device"]
		some i, _ in lib.values.get(r, [block], [])
		status := lib.values.status_not_true(r, [block, i, "encrypted"])
		attribute := sprintf("%s[%d].encrypted", [block, i])
	],
	# No root_block_device configured: its encryption follows the account default, known after apply.
	[{"attribute": "root_block_device", "msg": "instance root_block_device encryption is not set", "status": "unknown"} |
		lib.values.unknown(r, ["root_block_device"])
		count(lib.values.get(r, ["root_block_device"], [])) == 0
	],
)

# METADATA
# title: RDS instances are encrypted at rest
# description: aws_db_instance must set storage_encrypted = true (read replicas inherit their source's encryption).
# custom:
#   id: AWS-ENC-005
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.3.1"]
#   remediation: |
#     resource "aws_db_instance" "this" {
#       storage_encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_db_instance")
	not lib.values.is_set(r, ["replicate_source_db"])
	status := lib.values.status_not_true(r, ["storage_encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "storage_encrypted", "RDS instance has storage_encrypted unset or false", status)
}

# METADATA
# title: Aurora and RDS clusters are encrypted at rest
# description: aws_rds_cluster must set storage_encrypted = true (Aurora Serverless v1 is always encrypted).
# custom:
#   id: AWS-ENC-006
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.3.1"]
#   remediation: |
#     resource "aws_rds_cluster" "this" {
#       storage_encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_rds_cluster")
	lib.values.get(r, ["engine_mode"], "provisioned") != "serverless"
	status := lib.values.status_not_true(r, ["storage_encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "storage_encrypted", "RDS cluster has storage_encrypted unset or false", status)
}

# METADATA
# title: DocumentDB and Neptune clusters are encrypted at rest
# description: aws_docdb_cluster and aws_neptune_cluster must set storage_encrypted = true.
# custom:
#   id: AWS-ENC-007
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_docdb_cluster" "this" {
#       storage_encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_docdb_cluster", "aws_neptune_cluster"})
	status := lib.values.status_not_true(r, ["storage_encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "storage_encrypted", "cluster has storage_encrypted unset or false", status)
}

# METADATA
# title: DynamoDB tables with regulated data use a customer-managed key
# description: Tables whose classification requires a CMK (params.require_cmk) must enable server_side_encryption with kms_key_arn.
# custom:
#   id: AWS-ENC-008
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_dynamodb_table" "this" {
#       server_side_encryption {
#         enabled     = true
#         kms_key_arn = aws_kms_key.this.arn
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_dynamodb_table")
	cmk_required(r)
	some f in _dynamodb_findings(rego.metadata.rule(), r)
	finding := f
}

_dynamodb_findings(meta, r) := {lib.finding.result(meta, r, "server_side_encryption[0].enabled", "table's classification requires a CMK but server_side_encryption is not enabled", status)} if {
	status := lib.values.status_not_true(r, ["server_side_encryption", 0, "enabled"])
} else := {lib.finding.result(meta, r, "server_side_encryption[0].kms_key_arn", "table's classification requires a CMK but server_side_encryption.kms_key_arn is not a customer-managed key", status)} if {
	status := cmk_status(r, ["server_side_encryption", 0, "kms_key_arn"])
}

# METADATA
# title: EFS file systems are encrypted
# description: aws_efs_file_system must set encrypted = true.
# custom:
#   id: AWS-ENC-009
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.4.1"]
#   remediation: |
#     resource "aws_efs_file_system" "this" {
#       encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_efs_file_system")
	status := lib.values.status_not_true(r, ["encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encrypted", "EFS file system has encrypted unset or false", status)
}

# METADATA
# title: ElastiCache replication groups are encrypted at rest
# description: aws_elasticache_replication_group must set at_rest_encryption_enabled = true.
# custom:
#   id: AWS-ENC-010
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_elasticache_replication_group" "this" {
#       at_rest_encryption_enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_elasticache_replication_group")
	status := lib.values.status_not_true(r, ["at_rest_encryption_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "at_rest_encryption_enabled", "replication group has at_rest_encryption_enabled unset or false", status)
}

# METADATA
# title: MSK clusters with regulated data use a customer-managed key
# description: MSK always encrypts at rest; clusters whose classification requires a CMK must set encryption_info.encryption_at_rest_kms_key_arn.
# custom:
#   id: AWS-ENC-011
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_msk_cluster" "this" {
#       encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.this.arn }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_msk_cluster")
	cmk_required(r)
	status := cmk_status(r, ["encryption_info", 0, "encryption_at_rest_kms_key_arn"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_info[0].encryption_at_rest_kms_key_arn", "cluster's classification requires a CMK but encryption_at_rest_kms_key_arn is not a customer-managed key", status)
}

# METADATA
# title: SQS queues are encrypted
# description: aws_sqs_queue must set sqs_managed_sse_enabled = true or a kms_master_key_id.
# custom:
#   id: AWS-ENC-012
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_sqs_queue" "this" {
#       sqs_managed_sse_enabled = true   # or kms_master_key_id = aws_kms_key.this.id
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_sqs_queue")
	not lib.values.is_true(r, ["sqs_managed_sse_enabled"])
	not lib.values.is_set(r, ["kms_master_key_id"])
	not _is_cmk_ref(r, ["kms_master_key_id"])
	status := _sqs_status(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "sqs_managed_sse_enabled", "queue has neither sqs_managed_sse_enabled = true nor kms_master_key_id", status)
}

_sqs_status(r) := "unknown" if lib.values.unknown(r, ["sqs_managed_sse_enabled"]) else := "unknown" if lib.values.unknown(r, ["kms_master_key_id"]) else := "fail"

# METADATA
# title: SNS topics are encrypted
# description: aws_sns_topic must set kms_master_key_id.
# custom:
#   id: AWS-ENC-013
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_sns_topic" "this" {
#       kms_master_key_id = "alias/aws/sns"   # or a customer-managed key
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_sns_topic")
	not _is_cmk_ref(r, ["kms_master_key_id"])
	status := lib.values.status_not_set(r, ["kms_master_key_id"])
	finding := lib.finding.result(rego.metadata.rule(), r, "kms_master_key_id", "SNS topic has no kms_master_key_id", status)
}

# METADATA
# title: Kinesis streams are encrypted
# description: aws_kinesis_stream must set encryption_type = "KMS".
# custom:
#   id: AWS-ENC-014
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_kinesis_stream" "this" {
#       encryption_type = "KMS"
#       kms_key_id      = "alias/aws/kinesis"
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_kinesis_stream")
	status := lib.values.status_not_in(r, ["encryption_type"], ["KMS"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_type", sprintf("Kinesis stream has encryption_type %v, not \"KMS\"", [lib.values.get(r, ["encryption_type"], "NONE")]), status)
}

# METADATA
# title: Redshift clusters are encrypted
# description: aws_redshift_cluster must set encrypted = true.
# custom:
#   id: AWS-ENC-015
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_redshift_cluster" "this" {
#       encrypted = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_redshift_cluster")
	status := lib.values.status_not_true(r, ["encrypted"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encrypted", "Redshift cluster has encrypted unset or false", status)
}

# METADATA
# title: OpenSearch domains are encrypted at rest
# description: aws_opensearch_domain / aws_elasticsearch_domain must enable encrypt_at_rest.
# custom:
#   id: AWS-ENC-016
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_opensearch_domain" "this" {
#       encrypt_at_rest { enabled = true }
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	status := lib.values.status_not_true(r, ["encrypt_at_rest", 0, "enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encrypt_at_rest[0].enabled", "domain does not enable encrypt_at_rest", status)
}

# METADATA
# title: CloudWatch log groups are encrypted with KMS
# description: aws_cloudwatch_log_group must set kms_key_id (logs often carry sensitive data).
# custom:
#   id: AWS-ENC-017
#   severity: low
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:10.3.2", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_cloudwatch_log_group" "this" {
#       kms_key_id = aws_kms_key.logs.arn
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_cloudwatch_log_group")
	not _is_cmk_ref(r, ["kms_key_id"])
	status := lib.values.status_not_set(r, ["kms_key_id"])
	finding := lib.finding.result(rego.metadata.rule(), r, "kms_key_id", "log group has no kms_key_id", status)
}

# METADATA
# title: Secrets Manager secrets use a customer-managed key
# description: aws_secretsmanager_secret must set kms_key_id to a customer-managed key (not aws/secretsmanager).
# custom:
#   id: AWS-ENC-018
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_secretsmanager_secret" "this" {
#       kms_key_id = aws_kms_key.secrets.arn
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_secretsmanager_secret")
	status := cmk_status(r, ["kms_key_id"])
	finding := lib.finding.result(rego.metadata.rule(), r, "kms_key_id", "secret's kms_key_id is not a customer-managed key", status)
}

# METADATA
# title: ECR repositories are encrypted with KMS
# description: aws_ecr_repository must set encryption_configuration.encryption_type = "KMS".
# custom:
#   id: AWS-ENC-019
#   severity: low
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_ecr_repository" "this" {
#       encryption_configuration { encryption_type = "KMS" }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_ecr_repository")
	status := lib.values.status_not_in(r, ["encryption_configuration", 0, "encryption_type"], ["KMS"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_configuration[0].encryption_type", "repository's encryption_configuration.encryption_type is not \"KMS\"", status)
}

# METADATA
# title: EKS clusters encrypt Kubernetes secrets
# description: aws_eks_cluster must have an encryption_config whose resources include "secrets".
# custom:
#   id: AWS-ENC-020
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "aws_eks_cluster" "this" {
#       encryption_config {
#         resources = ["secrets"]
#         provider { key_arn = aws_kms_key.eks.arn }
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_eks_cluster")
	not _eks_secrets_encrypted(r)
	status := _unknown_or_fail(r, ["encryption_config"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_config", "cluster has no encryption_config covering \"secrets\"", status)
}

_eks_secrets_encrypted(r) if {
	some c in lib.values.get(r, ["encryption_config"], [])
	"secrets" in c.resources
}

# METADATA
# title: Backup vaults use a customer-managed key
# description: aws_backup_vault must set kms_key_arn to a customer-managed key.
# custom:
#   id: AWS-ENC-021
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "SOC2:A1.2"]
#   remediation: |
#     resource "aws_backup_vault" "this" {
#       kms_key_arn = aws_kms_key.backup.arn
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_backup_vault")
	status := cmk_status(r, ["kms_key_arn"])
	finding := lib.finding.result(rego.metadata.rule(), r, "kms_key_arn", "backup vault's kms_key_arn is not a customer-managed key", status)
}

# METADATA
# title: KMS keys are rotated
# description: Symmetric aws_kms_key must set enable_key_rotation = true.
# custom:
#   id: AWS-ENC-022
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.7.4", "SOC2:CC6.1", "CIS-AWS-3.0:3.6"]
#   remediation: |
#     resource "aws_kms_key" "this" {
#       enable_key_rotation = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_kms_key")
	lib.values.get(r, ["customer_master_key_spec"], "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	status := lib.values.status_not_true(r, ["enable_key_rotation"])
	finding := lib.finding.result(rego.metadata.rule(), r, "enable_key_rotation", "KMS key has enable_key_rotation unset or false", status)
}

# Where each type names its KMS key (for AWS-ENC-023).
cmk_attributes := {
	"aws_ebs_volume": ["kms_key_id"],
	"aws_db_instance": ["kms_key_id"],
	"aws_rds_cluster": ["kms_key_id"],
	"aws_docdb_cluster": ["kms_key_id"],
	"aws_neptune_cluster": ["kms_key_arn"],
	"aws_efs_file_system": ["kms_key_id"],
	"aws_elasticache_replication_group": ["kms_key_id"],
	"aws_sqs_queue": ["kms_master_key_id"],
	"aws_sns_topic": ["kms_master_key_id"],
	"aws_kinesis_stream": ["kms_key_id"],
	"aws_redshift_cluster": ["kms_key_id"],
	"aws_opensearch_domain": ["encrypt_at_rest", 0, "kms_key_id"],
	"aws_cloudwatch_log_group": ["kms_key_id"],
	"aws_ecr_repository": ["encryption_configuration", 0, "kms_key"],
	"aws_eks_cluster": ["encryption_config", 0, "provider", 0, "key_arn"],
	"aws_s3_bucket_server_side_encryption_configuration": ["rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id"],
}

# METADATA
# title: Regulated data is encrypted with a customer-managed key
# description: Resources whose data classification requires a CMK (params.require_cmk) must name a customer-managed KMS key. S3 buckets are judged through their encryption configuration.
# custom:
#   id: AWS-ENC-023
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "SOC2:C1.1"]
#   remediation: |
#     resource "aws_ebs_volume" "this" {
#       encrypted  = true
#       kms_key_id = aws_kms_key.restricted.arn
#     }
deny contains finding if {
	some v in _cmk_violations
	finding := lib.finding.result(rego.metadata.rule(), v.resource, v.attribute, sprintf("data classification %q requires a customer-managed key but %s", [lib.tags.classification(v.resource), v.problem]), v.status)
}

_cmk_violations := array.concat(
	[{"resource": r, "attribute": attribute, "problem": sprintf("%s is not one", [attribute]), "status": status} |
		some type, path in cmk_attributes
		some r in lib.resources.planned(type)
		cmk_required(r)
		status := cmk_status(r, path)
		attribute := _dotted(path)
	],
	[{"resource": r, "attribute": "server_side_encryption_configuration", "problem": "the bucket's server_side_encryption_configuration names none", "status": "fail"} |
		some r in lib.resources.planned("aws_s3_bucket")
		cmk_required(r)
		not _s3_bucket_uses_cmk(r)
	],
)

_s3_bucket_uses_cmk(b) if {
	some c in _s3_sse_configs(b)
	not cmk_status(c, ["rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id"]) == "fail"
}

_s3_bucket_uses_cmk(b) if {
	some d in _s3_inline_rules(b)
	is_string(d.kms_master_key_id)
	d.kms_master_key_id != ""
	not _aws_managed_key(d.kms_master_key_id)
}

# ["a", 0, "b"] → "a[0].b"
_dotted(path) := concat("", [_segment(i, p) | some i, p in path])

_segment(0, p) := p if is_string(p)

_segment(i, p) := concat("", [".", p]) if {
	is_string(p)
	i > 0
}

_segment(_, p) := sprintf("[%d]", [p]) if is_number(p)

# METADATA
# title: Launch templates encrypt their EBS volumes
# description: aws_launch_template block_device_mappings must set ebs.encrypted = true.
# custom:
#   id: AWS-ENC-024
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AWS-3.0:2.2.1"]
#   remediation: |
#     resource "aws_launch_template" "this" {
#       block_device_mappings {
#         device_name = "/dev/xvda"
#         ebs { encrypted = true }
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_launch_template")
	not _ebs_default_encryption
	some i, m in lib.values.get(r, ["block_device_mappings"], [])
	count(object.get(m, "ebs", [])) > 0
	status := lib.values.status_not_true(r, ["block_device_mappings", i, "ebs", 0, "encrypted"])
	attribute := sprintf("block_device_mappings[%d].ebs[0].encrypted", [i])
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, sprintf("launch template %s is not true", [attribute]), status)
}
