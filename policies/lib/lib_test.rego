package tfguard.lib.lib_test

import data.tfguard.lib
import data.tfguard.test.fixtures as fx

_bucket := fx.create("aws_s3_bucket", "b", {"bucket": "b", "tags": {"a": "1"}})

test_resources_skip_deletes_forgets_and_data if {
	doc := fx.plan([
		_bucket,
		fx.change("aws_s3_bucket", "gone", ["delete"], null, {}),
		fx.change("aws_s3_bucket", "forgotten", ["forget"], null, {}),
		object.union(fx.create("aws_s3_bucket", "d", {}), {"mode": "data", "address": "data.aws_s3_bucket.d"}),
		fx.change("aws_s3_bucket", "replaced", ["delete", "create"], {}, {}),
		fx.change("aws_s3_bucket", "same", ["no-op"], {}, {}),
	])
	addrs := {r.address | some r in lib.resources.planned("aws_s3_bucket")} with input as doc
	addrs == {"aws_s3_bucket.b", "aws_s3_bucket.replaced", "aws_s3_bucket.same"}
}

test_resources_by_type_and_missing_type if {
	count(lib.resources.planned("aws_ebs_volume")) == 0 with input as fx.plan([_bucket])
	count(lib.resources.resources_by_type.aws_s3_bucket) == 1 with input as fx.plan([_bucket])
}

test_state_documents_with_child_modules if {
	state := {"format_version": "1.0", "values": {"root_module": {
		"resources": [{"address": "aws_s3_bucket.a", "mode": "managed", "type": "aws_s3_bucket", "name": "a", "provider_name": fx.aws, "values": {"bucket": "a"}}],
		"child_modules": [{"address": "module.m", "child_modules": [{"address": "module.m.module.n", "resources": [{"address": "module.m.module.n.aws_s3_bucket.c", "mode": "managed", "type": "aws_s3_bucket", "name": "c", "provider_name": fx.aws, "values": {"bucket": "c"}}]}]}],
	}}}
	rs := lib.resources.planned("aws_s3_bucket") with input as state
	{[r.address, r.module, r.config_address] | some r in rs} == {
		["aws_s3_bucket.a", "", "aws_s3_bucket.a"],
		["module.m.module.n.aws_s3_bucket.c", "module.m.module.n", "module.m.module.n.aws_s3_bucket.c"],
	}
}

test_region_from_provider_alias_in_module if {
	rc := object.union(fx.create("aws_s3_bucket", "b", {"bucket": "b"}), {"address": "module.m[0].aws_s3_bucket.b", "module_address": "module.m[0]"})
	doc := {
		"resource_changes": [rc],
		"configuration": {
			"provider_config": {
				"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
				"aws.us": {"name": "aws", "alias": "us", "expressions": {"region": {"constant_value": "us-east-1"}}},
			},
			"root_module": {"module_calls": {"m": {"module": {"resources": [fx.conf("aws_s3_bucket", "b", {}, "aws.us")]}}}},
		},
	}
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.regions.region(r) == "us-east-1" with input as doc
}

test_region_v6_resource_argument_wins if {
	doc := fx.plan([fx.create("aws_s3_bucket", "b", {"region": "ap-south-1"})])
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.regions.region(r) == "ap-south-1" with input as doc
}

test_region_from_root_variable if {
	doc := {
		"variables": {"region": {"value": "eu-north-1"}},
		"resource_changes": [_bucket],
		"configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}}}},
	}
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.regions.region(r) == "eu-north-1" with input as doc
}

test_region_legacy_module_key_falls_back_to_root_provider if {
	lib.resources._provider_config_for_key("child:aws") == {"r": 1} with input as {"configuration": {"provider_config": {"aws": {"r": 1}}}}
	lib.resources._provider_config_for_key("child:aws") == {"r": 2} with input as {"configuration": {"provider_config": {"aws": {"r": 1}, "module.child:aws": {"r": 2}}}}
}

test_effective_tags_merge_default_tags if {
	doc := fx.plan_with([_bucket], [], {"aws": {"name": "aws", "expressions": {"default_tags": [{"tags": {"constant_value": {"owner": "p", "a": "0"}}}]}}})
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.tags.effective(r) == {"owner": "p", "a": "1"} with input as doc
}

test_effective_tags_prefer_tags_all if {
	doc := fx.plan([fx.create("aws_s3_bucket", "b", {"tags": {"a": "1"}, "tags_all": {"a": "1", "z": "2"}})])
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.tags.effective(r) == {"a": "1", "z": "2"} with input as doc
}

test_unknown_through_enclosing_block if {
	r := {"values": {}, "unknown": {"encryption_config": true}}
	lib.values.unknown(r, ["encryption_config", 0, "resources"])
	lib.values.status_not_set(r, ["encryption_config", 0, "resources"]) == "unknown"
	not lib.values.unknown({"values": {}, "unknown": {}}, ["x"])
}

test_references_link_resources_in_same_module if {
	sse := fx.create_unknown("aws_s3_bucket_server_side_encryption_configuration", "s", {}, {"bucket": true})
	doc := fx.plan_with([_bucket, sse], [fx.conf("aws_s3_bucket_server_side_encryption_configuration", "s", {"bucket": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}, "aws")], {})
	[b] := lib.resources.planned("aws_s3_bucket") with input as doc
	count(lib.refs.linked_from({"aws_s3_bucket_server_side_encryption_configuration"}, ["bucket"], b, ["bucket"])) == 1 with input as doc
}

test_finding_shape if {
	meta := {"title": "T", "custom": {"id": "X-1", "severity": "low"}}
	f := lib.finding.unknown(meta, {"address": "a.b", "module": ""}, "x", "x is off")
	f == {"id": "X-1", "severity": "low", "title": "T", "msg": "a.b: x is only known after apply, cannot verify yet (x is off)", "resource": "a.b", "module": "", "attribute": "x", "status": "unknown"}
}

test_params_defaults_and_overrides if {
	lib.params.lambda_require_vpc == false
	lib.params.lambda_require_vpc == true with data.tfguard.params as {"lambda_require_vpc": true}
	lib.regions.allowed("aws") == ["eu-west-1"] with data.tfguard.params as {"allowed_regions": {"aws": ["eu-west-1"]}}
	lib.regions.allowed("google") == [] with data.tfguard.params as {"allowed_regions": {"aws": ["eu-west-1"]}}
}

test_arn_region if {
	lib.regions.arn_region("arn:aws:backup:eu-west-2:123:backup-vault:v") == "eu-west-2"
	not lib.regions.arn_region("arn:aws:s3:::bucket")
}

test_region_from_root_when_module_provider_is_empty if {
	rc := object.union(fx.create("aws_s3_bucket", "b", {}), {"address": "module.m.aws_s3_bucket.b", "module_address": "module.m"})
	doc := {"resource_changes": [rc], "configuration": {
		"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-3"}}}, "module.m:aws": {"name": "aws", "module_address": "module.m"}},
		"root_module": {"module_calls": {"m": {"module": {"resources": [fx.conf("aws_s3_bucket", "b", {}, "m:aws")]}}}},
	}}
	[r] := lib.resources.planned("aws_s3_bucket") with input as doc
	lib.regions.region(r) == "eu-west-3" with input as doc
}

test_region_from_arn_in_state if {
	lib.regions.region({"provider": "aws", "values": {"arn": "arn:aws:rds:eu-south-1:1:db:x"}, "config_address": "x"}) == "eu-south-1"
}
