# METADATA
# title: AWS tagging
# description: Every taggable resource carries the required tags, with allowed values. Provider default_tags count.
package tfguard.aws.tagging

import data.tfguard.lib

# AWS resources whose schema has `tags`.
taggable := [r | some r in lib.resources.all; r.provider == "aws"; lib.tags.taggable(r)]

# METADATA
# title: Required tags are present
# description: Taggable resources must carry every tag of params.required_tags with a non-empty value (tags, or the provider's default_tags).
# custom:
#   id: AWS-TAG-001
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC6.1", "SOC2:CC2.1"]
#   remediation: |
#     provider "aws" {
#       default_tags { tags = { owner = "team-payments", data-classification = "confidential" } }
#     }
deny contains finding if {
	some r in taggable
	tags := lib.tags.effective(r)
	some key in lib.params.required_tags
	not _present(tags, key)
	status := _missing_status(r, key)
	finding := lib.finding.result(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("required tag %q is missing or empty", [key]), status)
}

_present(tags, key) if {
	is_string(tags[key])
	trim_space(tags[key]) != ""
}

_missing_status(r, key) := "unknown" if lib.tags.unknown(r, key) else := "fail"

# METADATA
# title: Tag values are allowed
# description: Tags listed in params.tag_values must hold one of the allowed values.
# custom:
#   id: AWS-TAG-002
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     tags = { environment = "prod" }   # one of params.tag_values.environment
deny contains finding if {
	some r in taggable
	some key, allowed in lib.params.tag_values
	value := lib.tags.value(r, key)
	not value in allowed
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("tag %q has value %q, not one of %v", [key, value, allowed]))
}

# METADATA
# title: Tag values match their pattern
# description: Tags listed in params.tag_patterns must match the regular expression.
# custom:
#   id: AWS-TAG-003
#   severity: low
#   controls: ["PCI-DSS-4.0:12.5.1", "SOC2:CC2.1"]
#   remediation: |
#     tags = { owner = "payments@example.com" }   # matching params.tag_patterns.owner
deny contains finding if {
	some r in taggable
	some key, pattern in lib.params.tag_patterns
	value := lib.tags.value(r, key)
	not regex.match(pattern, value)
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("tags.%s", [key]), sprintf("tag %q value %q does not match %s", [key, value, pattern]))
}
