package tfguard.aws.encryption_test

import data.tfguard.aws.encryption
import data.tfguard.test.fixtures as fx

_ids(changes) := ids if {
	ids := fx.ids(encryption.deny, "fail") with input as fx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := fx.ids(encryption.deny, "unknown") with input as fx.plan(changes)
}

_restricted := {"owner": "a", "data-classification": "restricted"}

# AWS-ENC-001
test_s3_inline_encryption_passes if {
	not "AWS-ENC-001" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b", "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})])
}

test_s3_linked_encryption_resource_passes if {
	sse := fx.create_unknown("aws_s3_bucket_server_side_encryption_configuration", "s", {}, {"bucket": true})
	doc := fx.plan_with([fx.create("aws_s3_bucket", "b", {}), sse], [fx.conf("aws_s3_bucket_server_side_encryption_configuration", "s", {"bucket": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}, "aws")], {})
	not "AWS-ENC-001" in fx.ids(encryption.deny, "fail") with input as doc
}

test_s3_linked_by_bucket_name_passes if {
	not "AWS-ENC-001" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "logs"}), fx.create("aws_s3_bucket_server_side_encryption_configuration", "s", {"bucket": "logs"})])
}

test_s3_unencrypted_fails if {
	findings := encryption.deny with input as fx.plan([fx.create("aws_s3_bucket", "b", {"bucket": "b", "server_side_encryption_configuration": []})])
	some f in findings
	f.id == "AWS-ENC-001"
	f.status == "fail"
	f.resource == "aws_s3_bucket.b"
	f.attribute == "server_side_encryption_configuration"
}

test_s3_unknown_encryption_is_unknown if {
	"AWS-ENC-001" in _unknown_ids([fx.create_unknown("aws_s3_bucket", "b", {"bucket": "b"}, {"server_side_encryption_configuration": true})])
	not "AWS-ENC-001" in _ids([fx.create_unknown("aws_s3_bucket", "b", {"bucket": "b"}, {"server_side_encryption_configuration": true})])
}

test_deleted_bucket_is_not_judged if {
	not "AWS-ENC-001" in _ids([fx.change("aws_s3_bucket", "b", ["delete"], null, {})])
}

# AWS-ENC-002 / 003
test_ebs_encrypted_passes if not "AWS-ENC-002" in _ids([fx.create("aws_ebs_volume", "v", {"encrypted": true})])

test_ebs_unencrypted_fails if "AWS-ENC-002" in _ids([fx.create("aws_ebs_volume", "v", {"encrypted": false})])

test_ebs_default_encryption_covers_volumes if {
	not "AWS-ENC-002" in _ids([fx.create("aws_ebs_volume", "v", {"encrypted": null}), fx.create("aws_ebs_encryption_by_default", "d", {"enabled": true})])
}

test_ebs_default_encryption_enabled_passes if not "AWS-ENC-003" in _ids([fx.create("aws_ebs_encryption_by_default", "d", {"enabled": true})])

test_ebs_default_encryption_disabled_fails if "AWS-ENC-003" in _ids([fx.create("aws_ebs_encryption_by_default", "d", {"enabled": false})])

# AWS-ENC-004
test_instance_encrypted_root_passes if not "AWS-ENC-004" in _ids([fx.create("aws_instance", "i", {"root_block_device": [{"encrypted": true}], "ebs_block_device": []})])

test_instance_unencrypted_ebs_fails if {
	findings := encryption.deny with input as fx.plan([fx.create("aws_instance", "i", {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"encrypted": false}]})])
	{f.attribute | some f in findings} == {"ebs_block_device[0].encrypted"}
}

test_instance_default_root_device_is_unknown if {
	"AWS-ENC-004" in _unknown_ids([fx.create_unknown("aws_instance", "i", {"ebs_block_device": []}, {"root_block_device": true})])
}

# AWS-ENC-005 / 006 / 007
test_rds_encrypted_passes if not "AWS-ENC-005" in _ids([fx.create("aws_db_instance", "d", {"storage_encrypted": true})])

test_rds_unencrypted_fails if "AWS-ENC-005" in _ids([fx.create("aws_db_instance", "d", {"storage_encrypted": false})])

test_rds_cluster_encrypted_passes if not "AWS-ENC-006" in _ids([fx.create("aws_rds_cluster", "c", {"storage_encrypted": true})])

test_rds_cluster_unencrypted_fails if "AWS-ENC-006" in _ids([fx.create("aws_rds_cluster", "c", {"storage_encrypted": false})])

test_docdb_encrypted_passes if not "AWS-ENC-007" in _ids([fx.create("aws_docdb_cluster", "c", {"storage_encrypted": true})])

test_neptune_unencrypted_fails if "AWS-ENC-007" in _ids([fx.create("aws_neptune_cluster", "c", {"storage_encrypted": null})])

# AWS-ENC-008
test_dynamodb_cmk_passes if {
	not "AWS-ENC-008" in _ids([fx.create("aws_dynamodb_table", "t", {"tags": _restricted, "server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:1:key/k"}]})])
}

test_dynamodb_default_key_for_restricted_data_fails if {
	"AWS-ENC-008" in _ids([fx.create("aws_dynamodb_table", "t", {"tags": _restricted, "server_side_encryption": []})])
}

test_dynamodb_internal_data_needs_no_cmk if {
	not "AWS-ENC-008" in _ids([fx.create("aws_dynamodb_table", "t", {"tags": fx.good_tags, "server_side_encryption": []})])
}

# AWS-ENC-009 / 010
test_efs_encrypted_passes if not "AWS-ENC-009" in _ids([fx.create("aws_efs_file_system", "f", {"encrypted": true})])

test_efs_unencrypted_fails if "AWS-ENC-009" in _ids([fx.create("aws_efs_file_system", "f", {"encrypted": false})])

test_elasticache_string_true_passes if not "AWS-ENC-010" in _ids([fx.create("aws_elasticache_replication_group", "g", {"at_rest_encryption_enabled": "true"})])

test_elasticache_unencrypted_fails if "AWS-ENC-010" in _ids([fx.create("aws_elasticache_replication_group", "g", {"at_rest_encryption_enabled": false})])

# AWS-ENC-011
test_msk_cmk_referenced_in_config_passes if {
	msk := fx.create_unknown("aws_msk_cluster", "m", {"tags": _restricted, "encryption_info": [{}]}, {"encryption_info": [{"encryption_at_rest_kms_key_arn": true}]})
	conf := {"address": "aws_msk_cluster.m", "mode": "managed", "type": "aws_msk_cluster", "name": "m", "provider_config_key": "aws", "expressions": {"encryption_info": [{"encryption_at_rest_kms_key_arn": {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]}}]}}
	findings := encryption.deny with input as fx.plan_with([msk], [conf], {})
	every f in findings { f.id != "AWS-ENC-011" }
}

test_msk_unknown_key_without_reference_is_unknown if {
	"AWS-ENC-011" in _unknown_ids([fx.create_unknown("aws_msk_cluster", "m", {"tags": _restricted, "encryption_info": [{}]}, {"encryption_info": [{"encryption_at_rest_kms_key_arn": true}]})])
}

test_msk_without_cmk_for_restricted_data_fails if {
	"AWS-ENC-011" in _ids([fx.create("aws_msk_cluster", "m", {"tags": _restricted, "encryption_info": [{"encryption_at_rest_kms_key_arn": ""}]})])
}

# AWS-ENC-012 / 013 / 014 / 015
test_sqs_managed_sse_passes if not "AWS-ENC-012" in _ids([fx.create("aws_sqs_queue", "q", {"sqs_managed_sse_enabled": true})])

test_sqs_unencrypted_fails if "AWS-ENC-012" in _ids([fx.create("aws_sqs_queue", "q", {"sqs_managed_sse_enabled": false, "kms_master_key_id": null})])

test_sqs_computed_sse_is_unknown if "AWS-ENC-012" in _unknown_ids([fx.create_unknown("aws_sqs_queue", "q", {}, {"sqs_managed_sse_enabled": true})])

test_sns_encrypted_passes if not "AWS-ENC-013" in _ids([fx.create("aws_sns_topic", "t", {"kms_master_key_id": "alias/aws/sns"})])

test_sns_unencrypted_fails if "AWS-ENC-013" in _ids([fx.create("aws_sns_topic", "t", {"kms_master_key_id": null})])

test_kinesis_kms_passes if not "AWS-ENC-014" in _ids([fx.create("aws_kinesis_stream", "s", {"encryption_type": "KMS"})])

test_kinesis_none_fails if "AWS-ENC-014" in _ids([fx.create("aws_kinesis_stream", "s", {"encryption_type": "NONE"})])

test_redshift_encrypted_passes if not "AWS-ENC-015" in _ids([fx.create("aws_redshift_cluster", "r", {"encrypted": true})])

test_redshift_unencrypted_fails if "AWS-ENC-015" in _ids([fx.create("aws_redshift_cluster", "r", {"encrypted": false})])

# AWS-ENC-016 / 017 / 018 / 019 / 020 / 021 / 022
test_opensearch_encrypted_passes if not "AWS-ENC-016" in _ids([fx.create("aws_opensearch_domain", "d", {"encrypt_at_rest": [{"enabled": true}]})])

test_elasticsearch_unencrypted_fails if "AWS-ENC-016" in _ids([fx.create("aws_elasticsearch_domain", "d", {"encrypt_at_rest": []})])

test_log_group_kms_passes if not "AWS-ENC-017" in _ids([fx.create("aws_cloudwatch_log_group", "l", {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})])

test_log_group_without_kms_fails if "AWS-ENC-017" in _ids([fx.create("aws_cloudwatch_log_group", "l", {"kms_key_id": null})])

test_secret_cmk_passes if not "AWS-ENC-018" in _ids([fx.create("aws_secretsmanager_secret", "s", {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})])

test_secret_aws_managed_key_fails if "AWS-ENC-018" in _ids([fx.create("aws_secretsmanager_secret", "s", {"kms_key_id": "alias/aws/secretsmanager"})])

test_ecr_kms_passes if not "AWS-ENC-019" in _ids([fx.create("aws_ecr_repository", "r", {"encryption_configuration": [{"encryption_type": "KMS"}]})])

test_ecr_aes_fails if "AWS-ENC-019" in _ids([fx.create("aws_ecr_repository", "r", {"encryption_configuration": [{"encryption_type": "AES256"}]})])

test_eks_secrets_encrypted_passes if not "AWS-ENC-020" in _ids([fx.create("aws_eks_cluster", "c", {"encryption_config": [{"resources": ["secrets"]}]})])

test_eks_without_secrets_encryption_fails if "AWS-ENC-020" in _ids([fx.create("aws_eks_cluster", "c", {"encryption_config": []})])

test_backup_vault_cmk_passes if not "AWS-ENC-021" in _ids([fx.create("aws_backup_vault", "v", {"kms_key_arn": "arn:aws:kms:eu-west-1:1:key/k"})])

test_backup_vault_default_key_fails if "AWS-ENC-021" in _ids([fx.create("aws_backup_vault", "v", {"kms_key_arn": null})])

test_kms_rotation_passes if not "AWS-ENC-022" in _ids([fx.create("aws_kms_key", "k", {"enable_key_rotation": true})])

test_kms_no_rotation_fails if "AWS-ENC-022" in _ids([fx.create("aws_kms_key", "k", {"enable_key_rotation": false})])

test_kms_asymmetric_key_needs_no_rotation if not "AWS-ENC-022" in _ids([fx.create("aws_kms_key", "k", {"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048"})])

# AWS-ENC-023
test_restricted_ebs_with_cmk_passes if not "AWS-ENC-023" in _ids([fx.create("aws_ebs_volume", "v", {"encrypted": true, "kms_key_id": "arn:aws:kms:eu-west-1:1:key/k", "tags": _restricted})])

test_restricted_ebs_without_cmk_fails if {
	findings := encryption.deny with input as fx.plan([fx.create("aws_ebs_volume", "v", {"encrypted": true, "kms_key_id": null, "tags": _restricted})])
	some f in findings
	f.id == "AWS-ENC-023"
	f.attribute == "kms_key_id"
}

test_restricted_opensearch_attribute_path if {
	findings := encryption.deny with input as fx.plan([fx.create("aws_opensearch_domain", "d", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": ""}], "tags": _restricted})])
	some f in findings
	f.id == "AWS-ENC-023"
	f.attribute == "encrypt_at_rest[0].kms_key_id"
}

test_restricted_bucket_without_kms_fails if {
	"AWS-ENC-023" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b", "tags": _restricted, "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})])
}

test_restricted_bucket_with_linked_cmk_passes if {
	sse := fx.create("aws_s3_bucket_server_side_encryption_configuration", "s", {"bucket": "b", "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:1:key/k"}]}]})
	not "AWS-ENC-023" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b", "tags": _restricted}), sse])
}

test_require_cmk_param_can_be_disabled if {
	ids := fx.ids(encryption.deny, "fail") with input as fx.plan([fx.create("aws_ebs_volume", "v", {"encrypted": true, "tags": _restricted})])
		with data.tfguard.params as {"require_cmk": {}}
	not "AWS-ENC-023" in ids
}

# AWS-ENC-024
test_launch_template_encrypted_passes if not "AWS-ENC-024" in _ids([fx.create("aws_launch_template", "t", {"block_device_mappings": [{"ebs": [{"encrypted": "true"}]}]})])

test_launch_template_unencrypted_fails if "AWS-ENC-024" in _ids([fx.create("aws_launch_template", "t", {"block_device_mappings": [{"ebs": [{"encrypted": ""}]}]})])
