# METADATA
# title: tfguard parameters
# description: |
#   Every tunable of the built-in policies, read from `data.tfguard.params` (`.tfguard.yml` `params:`),
#   each with a safe default. Policies read `lib.params.<name>`, never `data.tfguard.params` directly.
package tfguard.lib.params

# The user's parameters object ({} when none were given or they are not an object).
default user := {}

user := p if {
	p := data.tfguard.params
	is_object(p)
}

_get(name, fallback) := v if {
	v := user[name]
	v != null
} else := fallback

# Tag keys every taggable resource must carry with a non-empty value.
required_tags := _get("required_tags", ["owner", "data-classification"])

# Allowed values per tag key: {"environment": ["dev", "staging", "prod"]}.
tag_values := _get("tag_values", {})

# A regular expression (RE2, matched anywhere unless anchored) per tag key: {"owner": "^[a-z.]+@example\\.com$"}.
tag_patterns := _get("tag_patterns", {})

# The tag key holding a resource's data classification.
classification_tag := _get("classification_tag", "data-classification")

# Regions resources may live in: a list for every provider (["eu-west-1", "eu-central-1"]) or a map per
# provider ({"aws": [...], "azurerm": [...]}). Empty or absent: no restriction.
allowed_regions := _get("allowed_regions", [])

# Stricter regions per data classification: {"restricted": ["eu-central-1"]}. A resource tagged with one of
# these classifications (and everything that copies its data) must stay inside that list.
classification_regions := _get("classification_regions", {})

# Classifications whose data must be encrypted with a customer-managed KMS key.
require_cmk := _get("require_cmk", {"restricted": true, "confidential": true})

# Ports reachable only by administrators.
admin_ports := _get("admin_ports", [22, 3389, 5985, 5986])

# Database, cache and search ports that must never face the internet.
sensitive_ports := _get("sensitive_ports", [
	1433, 1521, 2375, 2376, 3306, 5432, 5439, 5601, 6379,
	7000, 7001, 8020, 9042, 9092, 9200, 9300, 11211, 27017, 50070,
])

# The oldest TLS version a listener or endpoint may negotiate: "1.2" or "1.3".
min_tls_policy := _get("min_tls_policy", "1.2")

# Explicitly allowed ELB ssl_policy names (in addition to those meeting min_tls_policy).
allowed_ssl_policies := _get("allowed_ssl_policies", [])

# Whether every Lambda function must run inside a VPC.
lambda_require_vpc := _get("lambda_require_vpc", false)
