package tfguard.google.tagging_test

import data.tfguard.google.tagging
import data.tfguard.test.cloud_fixtures as cfx

_findings(changes, params) := fs if {
	fs := tagging.deny with input as cfx.plan(changes) with data.tfguard.params as params
}

_attrs(changes, params, id) := {f.attribute | some f in _findings(changes, params); f.id == id; f.status == "fail"}

_bucket(labels) := cfx.create("google_storage_bucket", "b", {"location": "EU", "labels": labels})

# GCP-TAG-001
test_required_labels_present_passes if count(_findings([_bucket(cfx.good_tags)], {})) == 0

test_missing_labels_fail if _attrs([_bucket({"owner": ""})], {}, "GCP-TAG-001") == {"labels.owner", "labels.data-classification"}

test_provider_default_labels_count if {
	doc := cfx.plan_with([_bucket({"owner": "a"})], [], {"google": {"name": "google", "expressions": {"default_labels": {"constant_value": {"data-classification": "internal"}}}}})
	count(tagging.deny) == 0 with input as doc
}

test_cloud_sql_user_labels if {
	_attrs([cfx.create("google_sql_database_instance", "db", {"settings": [{"user_labels": {"owner": "a"}}]})], {}, "GCP-TAG-001") == {"settings.user_labels.data-classification"}
}

test_unlabelled_types_are_skipped if count(_findings([cfx.create("google_compute_firewall", "f", {"name": "f"})], {})) == 0

test_unknown_label_is_unknown if {
	fs := _findings([cfx.create_unknown("google_storage_bucket", "b", {"labels": {"owner": "a"}}, {"labels": {"data-classification": true}})], {})
	{[f.attribute, f.status] | some f in fs} == {["labels.data-classification", "unknown"]}
}

# GCP-TAG-002 / 003
test_allowed_label_value_passes if count(_attrs([_bucket(cfx.good_tags)], {"tag_values": {"data-classification": ["internal"]}}, "GCP-TAG-002")) == 0

test_disallowed_label_value_fails if _attrs([_bucket(cfx.good_tags)], {"tag_values": {"data-classification": ["public"]}}, "GCP-TAG-002") == {"labels.data-classification"}

test_label_pattern_match_passes if count(_attrs([_bucket(cfx.good_tags)], {"tag_patterns": {"owner": "^team-"}}, "GCP-TAG-003")) == 0

test_label_pattern_mismatch_fails if _attrs([_bucket(cfx.good_tags)], {"tag_patterns": {"owner": "^ops-"}}, "GCP-TAG-003") == {"labels.owner"}

# GCP-TAG-004
test_lowercase_labels_pass if count(_attrs([_bucket(object.union(cfx.good_tags, {"cost_center": "cc-1", "é": "ü"}))], {}, "GCP-TAG-004")) == 0

test_uppercase_and_spaces_fail if {
	_attrs([_bucket(object.union(cfx.good_tags, {"Team": "a", "env": "Prod Env", "1st": "x"}))], {}, "GCP-TAG-004") == {"labels.Team", "labels.env", "labels.1st"}
}
