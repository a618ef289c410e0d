# METADATA
# title: AWS data residency
# description: Resources, and the copies of their data, stay in the regions params.allowed_regions (and params.classification_regions) allow.
package tfguard.aws.residency

import data.tfguard.lib

# Types with no region (account-wide or global services).
_global_prefixes := [
	"aws_iam_", "aws_route53_", "aws_cloudfront_", "aws_organizations_", "aws_budgets_",
	"aws_shield_", "aws_globalaccelerator_", "aws_s3_account_", "aws_account_", "aws_waf_",
]

regional(r) if {
	r.provider == "aws"
	not _global(r)
}

_global(r) if {
	some p in _global_prefixes
	startswith(r.type, p)
	not startswith(r.type, "aws_route53_resolver")
}

_aws_resources := [r | some r in lib.resources.all; regional(r)]

# METADATA
# title: Resources are in allowed regions
# description: Every regional AWS resource's region (v6 per-resource region, else its provider's) must be in params.allowed_regions.
# custom:
#   id: AWS-RES-001
#   severity: high
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44"]
#   remediation: |
#     provider "aws" {
#       region = "eu-central-1"   # one of params.allowed_regions
#     }
deny contains finding if {
	lib.regions.restricted("aws")
	some r in _aws_resources
	some p in _region_problem(r, lib.regions.allowed("aws"), "allowed_regions")
	finding := lib.finding.result(rego.metadata.rule(), r, "region", p.msg, p.status)
}

_region_problem(r, allowed, source) := [{"status": "fail", "msg": sprintf("region %q is not in %s %v", [region, source, allowed])}] if {
	region := lib.regions.region(r)
	not region in allowed
} else := [{"status": "unknown", "msg": "the provider's region is not in the plan"}] if {
	not lib.regions.region(r)
} else := []

# METADATA
# title: Classified data stays in its regions
# description: A resource tagged with a classification listed in params.classification_regions must be in one of that classification's regions.
# custom:
#   id: AWS-RES-002
#   severity: critical
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44", "PCI-DSS-4.0:3.2.1"]
#   remediation: |
#     Move the resource to a provider configured for an allowed region:
#       provider "aws" { alias = "eu", region = "eu-central-1" }
#       resource "aws_s3_bucket" "records" { provider = aws.eu }
deny contains finding if {
	some r in _aws_resources
	classification := lib.tags.classification(r)
	allowed := lib.regions.classification_allowed(classification)
	some p in _region_problem(r, allowed, sprintf("classification_regions[%q]", [classification]))
	finding := lib.finding.result(rego.metadata.rule(), r, "region", p.msg, p.status)
}

# The regions a resource's data may go to: its classification's, else the allowed regions ([]: anywhere).
copy_regions(r) := list if {
	list := lib.regions.classification_allowed(lib.tags.classification(r))
} else := lib.regions.allowed("aws")

# "fail" | "unknown" for a copy of `r`'s data going to `region` (undefined: allowed or unrestricted).
_copy_status(r, region) := "fail" if {
	allowed := copy_regions(r)
	count(allowed) > 0
	is_string(region)
	not region in allowed
}

# METADATA
# title: S3 replication stays in allowed regions
# description: aws_s3_bucket_replication_configuration destinations must be buckets in allowed regions.
# custom:
#   id: AWS-RES-003
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     rule {
#       destination { bucket = aws_s3_bucket.replica_eu.arn }   # a bucket in an allowed region
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_s3_bucket_replication_configuration")
	count(copy_regions(r)) > 0
	some i, rule in lib.values.get(r, ["rule"], [])
	path := ["rule", i, "destination", 0, "bucket"]
	attribute := sprintf("rule[%d].destination[0].bucket", [i])
	some p in _s3_destination_problem(r, path)
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, sprintf("%s %s", [attribute, p.msg]), p.status)
}

_s3_destination_problem(r, path) := [{"status": status, "msg": sprintf("replicates to %s in region %q", [dest.address, region])}] if {
	some dest in lib.resources.planned("aws_s3_bucket")
	_s3_destination(r, path, dest)
	region := lib.regions.region(dest)
	status := _copy_status(r, region)
} else := [] if {
	some dest in lib.resources.planned("aws_s3_bucket")
	_s3_destination(r, path, dest)
	lib.regions.region(dest)
} else := [{"status": "unknown", "msg": "names a bucket whose region is not in the plan"}]

_s3_destination(r, path, dest) if lib.refs.refers_to(r, path, dest)

_s3_destination(r, path, dest) if lib.values.get(r, path, "") == concat("", ["arn:aws:s3:::", dest.values.bucket])

# METADATA
# title: DynamoDB replicas stay in allowed regions
# description: aws_dynamodb_table replica blocks (global tables) must name allowed regions.
# custom:
#   id: AWS-RES-004
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     replica { region_name = "eu-central-1" }   # an allowed region
deny contains finding if {
	some r in lib.resources.planned_any({"aws_dynamodb_table", "aws_dynamodb_global_table"})
	some i, replica in lib.values.get(r, ["replica"], [])
	status := _copy_status(r, replica.region_name)
	attribute := sprintf("replica[%d].region_name", [i])
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, sprintf("%s replicates the table to %q", [attribute, replica.region_name]), status)
}

_rds_sources := {
	"aws_db_instance": "replicate_source_db",
	"aws_rds_cluster": "replication_source_identifier",
	"aws_db_instance_automated_backups_replication": "source_db_instance_arn",
}

# METADATA
# title: RDS cross-region replication stays in allowed regions
# description: Cross-region read replicas, cluster replicas and automated-backup replication must connect allowed regions only (source and copy).
# custom:
#   id: AWS-RES-005
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     resource "aws_db_instance" "replica" {
#       provider            = aws.eu_central   # an allowed region
#       replicate_source_db = aws_db_instance.primary.arn
#     }
deny contains finding if {
	some type, attr in _rds_sources
	some r in lib.resources.planned(type)
	source_region := lib.regions.arn_region(lib.values.get(r, [attr], ""))
	region := lib.regions.region(r)
	source_region != region
	some copy in [source_region, region]
	status := _copy_status(r, copy)
	finding := lib.finding.result(rego.metadata.rule(), r, attr, sprintf("%s replicates between %q and %q; %q is not allowed", [attr, source_region, region, copy]), status)
}

# METADATA
# title: Backup copies stay in allowed regions
# description: aws_backup_plan copy_action destination vaults must be in allowed regions.
# custom:
#   id: AWS-RES-006
#   severity: high
#   controls: ["SOC2:C1.1", "SOC2:A1.2", "GDPR:44"]
#   remediation: |
#     copy_action {
#       destination_vault_arn = aws_backup_vault.eu_central.arn   # a vault in an allowed region
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_backup_plan")
	count(copy_regions(r)) > 0
	some i, rule in lib.values.get(r, ["rule"], [])
	some j, _ in object.get(rule, "copy_action", [])
	path := ["rule", i, "copy_action", j, "destination_vault_arn"]
	attribute := sprintf("rule[%d].copy_action[%d].destination_vault_arn", [i, j])
	some p in _vault_problem(r, path)
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, sprintf("%s %s", [attribute, p.msg]), p.status)
}

_vault_problem(r, path) := [{"status": status, "msg": sprintf("copies backups to region %q", [region])} |
	region := _vault_region(r, path)
	status := _copy_status(r, region)
] if _vault_region(r, path) else := [{"status": "unknown", "msg": "names a vault whose region is not in the plan"}]

_vault_region(r, path) := region if {
	region := lib.regions.arn_region(lib.values.get(r, path, ""))
} else := region if {
	some vault in lib.resources.planned("aws_backup_vault")
	lib.refs.refers_to(r, path, vault)
	region := lib.regions.region(vault)
}

# METADATA
# title: ECR replication stays in allowed regions
# description: aws_ecr_replication_configuration destinations must name allowed regions.
# custom:
#   id: AWS-RES-007
#   severity: medium
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     destination {
#       region      = "eu-central-1"   # an allowed region
#       registry_id = data.aws_caller_identity.current.account_id
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_ecr_replication_configuration")
	some i, rule in lib.values.get(r, ["replication_configuration", 0, "rule"], [])
	some j, dest in rule.destination
	status := _copy_status(r, dest.region)
	attribute := sprintf("replication_configuration[0].rule[%d].destination[%d].region", [i, j])
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, sprintf("%s replicates images to %q", [attribute, dest.region]), status)
}

# METADATA
# title: No multi-region KMS keys where regions are restricted
# description: With a region restriction, aws_kms_key must not set multi_region = true (its replicas can be created anywhere).
# custom:
#   id: AWS-RES-008
#   severity: medium
#   controls: ["SOC2:C1.1", "PCI-DSS-4.0:3.6.1", "GDPR:44"]
#   remediation: |
#     resource "aws_kms_key" "this" {
#       multi_region = false
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_kms_key")
	count(copy_regions(r)) > 0
	lib.values.is_true(r, ["multi_region"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "multi_region", "KMS key sets multi_region = true while regions are restricted")
}
