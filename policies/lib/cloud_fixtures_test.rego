# Builders of small azurerm and google plan-shaped inputs for the policy tests (test-only).
package tfguard.test.cloud_fixtures

import data.tfguard.test.fixtures as fx

azurerm := "registry.terraform.io/hashicorp/azurerm"

google := "registry.terraform.io/hashicorp/google"

_provider_of(type) := azurerm if startswith(type, "azurerm_")

_provider_of(type) := google if startswith(type, "google_")

# A plan holding `changes`, with an azurerm provider and a google provider in europe-west1.
plan(changes) := plan_with(changes, [], {})

plan_with(changes, config_resources, extra_providers) := {
	"format_version": "1.2",
	"resource_changes": changes,
	"configuration": {
		"provider_config": object.union(
			{
				"azurerm": {"name": "azurerm", "full_name": azurerm, "expressions": {"features": [{}]}},
				"google": {"name": "google", "full_name": google, "expressions": {"region": {"constant_value": "europe-west1"}}},
			},
			extra_providers,
		),
		"root_module": {"resources": config_resources},
	},
}

# A resource being created in the root module (provider from the type's prefix).
create(type, name, after) := create_unknown(type, name, after, {})

# A resource being created, some of whose attributes are only known after apply.
create_unknown(type, name, after, unknown) := object.union(
	fx.change(type, name, ["create"], after, unknown),
	{"provider_name": _provider_of(type)},
)

# A configuration block whose attributes (`refs`: attribute → [references]) reference other blocks.
conf(type, name, refs) := fx.conf(type, name, refs, split(_provider_of(type), "/")[2])

# Tags / labels that satisfy the default tagging rules.
good_tags := fx.good_tags

# The ids of a deny set's findings with a given status.
ids(findings, status) := fx.ids(findings, status)
