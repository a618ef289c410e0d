# METADATA
# title: Google Cloud labels
# description: Every labelled google resource carries the required labels (params.required_tags), with allowed values, in Google's label syntax. Labels include the provider's default_labels; Cloud SQL keeps them in settings.user_labels, GKE in resource_labels.
package tfguard.google.tagging

import data.tfguard.lib

# google resources whose schema has labels.
labelled := [r | some r in lib.resources.all; lib.google.is_google(r); lib.google.labelled(r)]

_attribute(r, key) := concat(".", array.concat([p | some p in lib.google.label_path(r); is_string(p)], [key]))

# METADATA
# title: Required labels are present
# description: Labelled resources must carry every label of params.required_tags with a non-empty value (own labels, or the provider's default_labels).
# custom:
#   id: GCP-TAG-001
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC6.1", "SOC2:CC2.1"]
#   remediation: |
#     provider "google" {
#       default_labels = { owner = "team-payments", data-classification = "confidential" }
#     }
deny contains finding if {
	some r in labelled
	some key in lib.params.required_tags
	not lib.google.label(r, key)
	status := _missing_status(r, key)
	finding := lib.finding.result(rego.metadata.rule(), r, _attribute(r, key), sprintf("required label %q is missing or empty", [key]), status)
}

_missing_status(r, key) := "unknown" if lib.google.label_unknown(r, key) else := "fail"

# METADATA
# title: Label values are allowed
# description: Labels listed in params.tag_values must hold one of the allowed values.
# custom:
#   id: GCP-TAG-002
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     labels = { environment = "prod" }   # one of params.tag_values.environment
deny contains finding if {
	some r in labelled
	some key, allowed in lib.params.tag_values
	value := lib.google.label(r, key)
	not value in allowed
	finding := lib.finding.fail(rego.metadata.rule(), r, _attribute(r, key), sprintf("label %q has value %q, not one of %v", [key, value, allowed]))
}

# METADATA
# title: Label values match their pattern
# description: Labels listed in params.tag_patterns must match the regular expression.
# custom:
#   id: GCP-TAG-003
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     labels = { owner = "team-payments" }   # matching params.tag_patterns.owner
deny contains finding if {
	some r in labelled
	some key, pattern in lib.params.tag_patterns
	value := lib.google.label(r, key)
	not regex.match(pattern, value)
	finding := lib.finding.fail(rego.metadata.rule(), r, _attribute(r, key), sprintf("label %q value %q does not match %s", [key, value, pattern]))
}

# Google's label syntax: keys start with a lowercase letter; keys and values hold lowercase letters,
# digits, "_" and "-" (international lowercase letters too), 63 characters at most.
_key_pattern := `^\p{Ll}[\p{Ll}\p{Lo}0-9_-]{0,62}$`

_value_pattern := `^[\p{Ll}\p{Lo}0-9_-]{0,63}$`

# METADATA
# title: Labels follow Google's syntax
# description: Label keys must start with a lowercase letter and, like values, hold only lowercase letters, digits, underscores and dashes (63 characters at most); the API rejects others at apply. At most 64 labels.
# custom:
#   id: GCP-TAG-004
#   severity: low
#   controls: ["SOC2:CC2.1"]
#   remediation: |
#     labels = { cost-center = "cc-1234" }   # not "Cost Center" = "CC 1234"
deny contains finding if {
	some r in labelled
	some p in _syntax_problems(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, p.attribute, p.msg)
}

_syntax_problems(r) := array.concat(
	[{"attribute": _attribute(r, k), "msg": msg} |
		some k, v in lib.google.labels(r)
		some msg in _label_problems(k, v)
	],
	[{"attribute": _attribute(r, ""), "msg": sprintf("resource has %d labels, more than Google's 64", [n])} |
		n := count(lib.google.labels(r))
		n > 64
	],
)

_label_problems(k, v) := array.concat(
	[sprintf("label key %q is not lowercase letters, digits, _ or - starting with a letter (63 characters at most)", [k]) | not regex.match(_key_pattern, k)],
	[sprintf("label %q value %q is not lowercase letters, digits, _ or - (63 characters at most)", [k, v]) |
		is_string(v)
		not regex.match(_value_pattern, v)
	],
)
