package tfguard.aws.residency_test

import data.tfguard.aws.residency
import data.tfguard.test.fixtures as fx

_eu := {"allowed_regions": ["eu-west-1", "eu-central-1"]}

_findings(changes, params) := fs if {
	fs := residency.deny with input as fx.plan(changes) with data.tfguard.params as params
}

_ids(changes, params, status) := {f.id | some f in _findings(changes, params); f.status == status}

_us := {"aws.us": {"name": "aws", "alias": "us", "expressions": {"region": {"constant_value": "us-east-1"}}}}

# AWS-RES-001
test_unrestricted_by_default if count(_findings([fx.create("aws_s3_bucket", "b", {"region": "us-east-1"})], {})) == 0

test_allowed_region_passes if not "AWS-RES-001" in _ids([fx.create("aws_s3_bucket", "b", {})], _eu, "fail")

test_aliased_provider_outside_allowed_regions_fails if {
	doc := fx.plan_with([fx.create("aws_s3_bucket", "b", {})], [fx.conf("aws_s3_bucket", "b", {}, "aws.us")], _us)
	fs := residency.deny with input as doc with data.tfguard.params as _eu
	some f in fs
	f.id == "AWS-RES-001"
	f.status == "fail"
	contains(f.msg, "us-east-1")
}

test_unresolvable_region_is_unknown if {
	doc := {"resource_changes": [fx.create("aws_s3_bucket", "b", {})], "configuration": {"provider_config": {"aws": {"name": "aws"}}}}
	fs := residency.deny with input as doc with data.tfguard.params as _eu
	{[f.id, f.status] | some f in fs} == {["AWS-RES-001", "unknown"]}
}

test_global_resources_are_skipped if not "AWS-RES-001" in _ids([fx.create("aws_iam_role", "r", {"region": "us-east-1"})], _eu, "fail")

# AWS-RES-002
_cls := {"classification_regions": {"restricted": ["eu-central-1"]}}

test_classified_resource_in_its_region_passes if {
	not "AWS-RES-002" in _ids([fx.create("aws_s3_bucket", "b", {"region": "eu-central-1", "tags": {"data-classification": "Restricted"}})], _cls, "fail")
}

test_classified_resource_outside_its_region_fails if {
	"AWS-RES-002" in _ids([fx.create("aws_s3_bucket", "b", {"tags": {"data-classification": "restricted"}})], _cls, "fail")
}

# AWS-RES-003
_replication(dest_arn) := fx.create("aws_s3_bucket_replication_configuration", "r", {"rule": [{"destination": [{"bucket": dest_arn}]}]})

test_s3_replication_to_allowed_region_passes if {
	not "AWS-RES-003" in _ids([fx.create("aws_s3_bucket", "dst", {"bucket": "dst", "region": "eu-central-1"}), _replication("arn:aws:s3:::dst")], _eu, "fail")
}

test_s3_replication_out_of_region_fails if {
	"AWS-RES-003" in _ids([fx.create("aws_s3_bucket", "dst", {"bucket": "dst", "region": "us-west-2"}), _replication("arn:aws:s3:::dst")], _eu, "fail")
}

test_s3_replication_by_reference_fails if {
	rep := fx.create_unknown("aws_s3_bucket_replication_configuration", "r", {"rule": [{"destination": [{}]}]}, {"rule": [{"destination": [{"bucket": true}]}]})
	conf := {"address": "aws_s3_bucket_replication_configuration.r", "mode": "managed", "type": "aws_s3_bucket_replication_configuration", "name": "r", "provider_config_key": "aws", "expressions": {"rule": [{"destination": [{"bucket": {"references": ["aws_s3_bucket.dst.arn", "aws_s3_bucket.dst"]}}]}]}}
	doc := fx.plan_with([fx.create("aws_s3_bucket", "dst", {}), rep], [conf, fx.conf("aws_s3_bucket", "dst", {}, "aws.us")], _us)
	fs := residency.deny with input as doc with data.tfguard.params as _eu
	some f in fs
	f.id == "AWS-RES-003"
	f.status == "fail"
}

test_s3_replication_to_unknown_bucket_is_unknown if {
	"AWS-RES-003" in _ids([_replication("arn:aws:s3:::elsewhere")], _eu, "unknown")
}

# AWS-RES-004
test_dynamodb_replica_in_allowed_region_passes if not "AWS-RES-004" in _ids([fx.create("aws_dynamodb_table", "t", {"replica": [{"region_name": "eu-central-1"}]})], _eu, "fail")

test_dynamodb_replica_outside_fails if "AWS-RES-004" in _ids([fx.create("aws_dynamodb_table", "t", {"replica": [{"region_name": "us-east-1"}]})], _eu, "fail")

# AWS-RES-005
test_rds_replica_of_allowed_source_passes if {
	not "AWS-RES-005" in _ids([fx.create("aws_db_instance", "r", {"replicate_source_db": "arn:aws:rds:eu-central-1:1:db:primary"})], _eu, "fail")
}

test_rds_replica_of_foreign_source_fails if {
	"AWS-RES-005" in _ids([fx.create("aws_db_instance", "r", {"replicate_source_db": "arn:aws:rds:us-east-1:1:db:primary"})], _eu, "fail")
}

# AWS-RES-006
_plan_copy(arn) := fx.create("aws_backup_plan", "p", {"rule": [{"copy_action": [{"destination_vault_arn": arn}]}]})

test_backup_copy_to_allowed_region_passes if not "AWS-RES-006" in _ids([_plan_copy("arn:aws:backup:eu-central-1:1:backup-vault:v")], _eu, "fail")

test_backup_copy_out_of_region_fails if "AWS-RES-006" in _ids([_plan_copy("arn:aws:backup:us-east-1:1:backup-vault:v")], _eu, "fail")

# AWS-RES-007
_ecr(region) := fx.create("aws_ecr_replication_configuration", "e", {"replication_configuration": [{"rule": [{"destination": [{"region": region, "registry_id": "1"}]}]}]})

test_ecr_replication_allowed_passes if not "AWS-RES-007" in _ids([_ecr("eu-central-1")], _eu, "fail")

test_ecr_replication_outside_fails if "AWS-RES-007" in _ids([_ecr("ap-south-1")], _eu, "fail")

# AWS-RES-008
test_single_region_key_passes if not "AWS-RES-008" in _ids([fx.create("aws_kms_key", "k", {"multi_region": false})], _eu, "fail")

test_multi_region_key_fails_when_restricted if "AWS-RES-008" in _ids([fx.create("aws_kms_key", "k", {"multi_region": true})], _eu, "fail")

test_multi_region_key_passes_unrestricted if not "AWS-RES-008" in _ids([fx.create("aws_kms_key", "k", {"multi_region": true})], {}, "fail")
