# METADATA
# title: Azure tagging
# description: Every taggable azurerm resource carries the required tags, with allowed values, and tag names Azure accepts. Azure tag names are case-insensitive.
package tfguard.azure.tagging

import data.tfguard.lib

# azurerm resources whose schema has `tags`.
taggable := [r | some r in lib.resources.all; r.provider == "azurerm"; lib.tags.taggable(r)]

# METADATA
# title: Required tags are present
# description: Taggable azurerm resources must carry every tag of params.required_tags (names matched case-insensitively) with a non-empty value.
# custom:
#   id: AZ-TAG-001
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC6.1", "SOC2:CC2.1"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       tags = { owner = "team-payments", data-classification = "confidential" }
#     }
deny contains finding if {
	some r in taggable
	some key in lib.params.required_tags
	not lib.azure.tag_value(r, key)
	status := _missing_status(r, key)
	finding := lib.finding.result(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("required tag %q is missing or empty", [key]), status)
}

_missing_status(r, key) := "unknown" if {
	lib.values.unknown(r, ["tags"])
} else := "unknown" if {
	some k, _ in r.values.tags
	lower(k) == lower(key)
	lib.values.unknown(r, ["tags", k])
} else := "fail"

# METADATA
# title: Tag values are allowed
# description: Tags listed in params.tag_values must hold one of the allowed values.
# custom:
#   id: AZ-TAG-002
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     tags = { environment = "prod" }   # one of params.tag_values.environment
deny contains finding if {
	some r in taggable
	some key, allowed in lib.params.tag_values
	value := lib.azure.tag_value(r, key)
	not value in allowed
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("tag %q has value %q, not one of %v", [key, value, allowed]))
}

# METADATA
# title: Tag values match their pattern
# description: Tags listed in params.tag_patterns must match the regular expression.
# custom:
#   id: AZ-TAG-003
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     tags = { owner = "payments@example.com" }   # matching params.tag_patterns.owner
deny contains finding if {
	some r in taggable
	some key, pattern in lib.params.tag_patterns
	value := lib.azure.tag_value(r, key)
	not regex.match(pattern, value)
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("tag %q value %q does not match %s", [key, value, pattern]))
}

# METADATA
# title: Tags follow Azure's limits
# description: Azure rejects tag names with < > % & \ ? / or longer than 512 characters (128 on storage accounts), values longer than 256 characters, and more than 50 tags; such a plan fails at apply.
# custom:
#   id: AZ-TAG-004
#   severity: low
#   controls: ["SOC2:CC2.1"]
#   remediation: |
#     tags = { cost-center = "cc-1234" }   # no < > % & \ ? / in names
deny contains finding if {
	some r in taggable
	some p in _limit_problems(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, p.attribute, p.msg)
}

_name_limit(r) := 128 if r.type == "azurerm_storage_account"

_name_limit(r) := 512 if r.type != "azurerm_storage_account"

_limit_problems(r) := array.concat(
	array.concat(
		[{"attribute": sprintf("tags.%s", [k]), "msg": sprintf("tag name %q contains a character Azure rejects (< > %% & \\ ? /)", [k])} |
			some k, _ in _own_tags(r)
			regex.match(`[<>%&\\?/]`, k)
		],
		[{"attribute": sprintf("tags.%s", [k]), "msg": sprintf("tag name or value of %q is too long (names %d, values 256 characters at most)", [k, _name_limit(r)])} |
			some k, v in _own_tags(r)
			_too_long(r, k, v)
		],
	),
	[{"attribute": "tags", "msg": sprintf("resource has %d tags, more than Azure's 50", [n])} |
		n := count(_own_tags(r))
		n > 50
	],
)

_too_long(r, k, _) if count(k) > _name_limit(r)

_too_long(_, _, v) if {
	is_string(v)
	count(v) > 256
}

_own_tags(r) := t if {
	t := r.values.tags
	is_object(t)
} else := {}
