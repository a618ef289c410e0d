# Builders of small plan-shaped inputs for the policy tests (test-only: `_test.rego` files are not scanned).
package tfguard.test.fixtures

aws := "registry.terraform.io/hashicorp/aws"

# A plan holding `changes`, with a root `aws` provider in eu-west-1 and optional configuration blocks.
plan(changes) := plan_with(changes, [], {})

plan_with(changes, config_resources, extra_providers) := {
	"format_version": "1.2",
	"resource_changes": changes,
	"configuration": {
		"provider_config": object.union(
			{"aws": {"name": "aws", "full_name": aws, "expressions": {"region": {"constant_value": "eu-west-1"}}}},
			extra_providers,
		),
		"root_module": {"resources": config_resources},
	},
}

# A resource being created in the root module.
create(type, name, after) := change(type, name, ["create"], after, {})

# A resource being created, some of whose attributes are only known after apply.
create_unknown(type, name, after, unknown) := change(type, name, ["create"], after, unknown)

change(type, name, actions, after, unknown) := {
	"address": concat(".", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"provider_name": aws,
	"change": {"actions": actions, "before": null, "after": after, "after_unknown": unknown},
}

# A configuration block whose attributes (`refs`: attribute → [references]) reference other blocks.
conf(type, name, refs, provider_key) := {
	"address": concat(".", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"provider_config_key": provider_key,
	"expressions": {attr: {"references": list} | some attr, list in refs},
}

# Tags that satisfy the default tagging rules.
good_tags := {"owner": "team-a", "data-classification": "internal"}

# The ids of a deny set's findings with a given status.
ids(findings, status) := {f.id | some f in findings; f.status == status}
