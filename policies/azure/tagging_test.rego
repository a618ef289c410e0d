package tfguard.azure.tagging_test

import data.tfguard.azure.tagging
import data.tfguard.test.cloud_fixtures as cfx

_findings(changes, params) := fs if {
	fs := tagging.deny with input as cfx.plan(changes) with data.tfguard.params as params
}

_attrs(changes, params, id) := {f.attribute | some f in _findings(changes, params); f.id == id; f.status == "fail"}

_rg(tags) := cfx.create("azurerm_resource_group", "rg", {"location": "westeurope", "tags": tags})

# AZ-TAG-001
test_required_tags_present_passes if count(_findings([_rg(cfx.good_tags)], {})) == 0

test_tag_names_are_case_insensitive if count(_findings([_rg({"Owner": "a", "Data-Classification": "internal"})], {})) == 0

test_missing_tags_fail if _attrs([_rg({"owner": " "})], {}, "AZ-TAG-001") == {"tags.owner", "tags.data-classification"}

test_untaggable_resources_are_skipped if count(_findings([cfx.create("azurerm_network_security_rule", "r", {"name": "r"})], {})) == 0

test_unknown_tags_are_unknown if {
	fs := _findings([cfx.create_unknown("azurerm_resource_group", "rg", {}, {"tags": true})], {})
	{f.status | some f in fs} == {"unknown"}
}

# AZ-TAG-002 / 003
test_allowed_tag_value_passes if count(_attrs([_rg(cfx.good_tags)], {"tag_values": {"data-classification": ["internal"]}}, "AZ-TAG-002")) == 0

test_disallowed_tag_value_fails if _attrs([_rg(cfx.good_tags)], {"tag_values": {"data-classification": ["public"]}}, "AZ-TAG-002") == {"tags.data-classification"}

test_tag_pattern_match_passes if count(_attrs([_rg(cfx.good_tags)], {"tag_patterns": {"owner": "^team-"}}, "AZ-TAG-003")) == 0

test_tag_pattern_mismatch_fails if _attrs([_rg(cfx.good_tags)], {"tag_patterns": {"owner": "@example\\.com$"}}, "AZ-TAG-003") == {"tags.owner"}

# AZ-TAG-004
test_valid_tag_names_pass if count(_attrs([_rg(object.union(cfx.good_tags, {"cost-center": "1"}))], {}, "AZ-TAG-004")) == 0

test_forbidden_tag_name_characters_fail if _attrs([_rg(object.union(cfx.good_tags, {"a/b": "1"}))], {}, "AZ-TAG-004") == {"tags.a/b"}
