package tfguard.aws.tagging_test

import data.tfguard.aws.tagging
import data.tfguard.test.fixtures as fx

_findings(changes, params) := fs if {
	fs := tagging.deny with input as fx.plan(changes) with data.tfguard.params as params
}

_attrs(changes, params, id) := {f.attribute | some f in _findings(changes, params); f.id == id; f.status == "fail"}

# AWS-TAG-001
test_required_tags_present_passes if count(_findings([fx.create("aws_s3_bucket", "b", {"tags": fx.good_tags})], {})) == 0

test_missing_and_blank_tags_fail if {
	_attrs([fx.create("aws_s3_bucket", "b", {"tags": {"owner": " "}})], {}, "AWS-TAG-001") == {"tags.owner", "tags.data-classification"}
}

test_untaggable_resources_are_skipped if count(_findings([fx.create("aws_s3_bucket_policy", "p", {"policy": "{}"})], {})) == 0

test_provider_default_tags_count if {
	doc := fx.plan_with([fx.create("aws_s3_bucket", "b", {"tags": {"owner": "a"}})], [], {"aws": {"name": "aws", "expressions": {"default_tags": [{"tags": {"constant_value": {"data-classification": "internal"}}}]}}})
	count(tagging.deny) == 0 with input as doc
}

test_unknown_tag_value_is_unknown if {
	fs := _findings([fx.create_unknown("aws_s3_bucket", "b", {"tags": {"owner": "a"}}, {"tags": {"data-classification": true}})], {})
	{[f.attribute, f.status] | some f in fs} == {["tags.data-classification", "unknown"]}
}

# AWS-TAG-002
test_allowed_tag_value_passes if {
	count(_attrs([fx.create("aws_s3_bucket", "b", {"tags": fx.good_tags})], {"tag_values": {"data-classification": ["internal", "restricted"]}}, "AWS-TAG-002")) == 0
}

test_disallowed_tag_value_fails if {
	_attrs([fx.create("aws_s3_bucket", "b", {"tags": fx.good_tags})], {"tag_values": {"data-classification": ["public"]}}, "AWS-TAG-002") == {"tags.data-classification"}
}

# AWS-TAG-003
test_tag_pattern_match_passes if {
	count(_attrs([fx.create("aws_s3_bucket", "b", {"tags": fx.good_tags})], {"tag_patterns": {"owner": "^team-[a-z]+$"}}, "AWS-TAG-003")) == 0
}

test_tag_pattern_mismatch_fails if {
	_attrs([fx.create("aws_s3_bucket", "b", {"tags": fx.good_tags})], {"tag_patterns": {"owner": "@example\\.com$"}}, "AWS-TAG-003") == {"tags.owner"}
}
