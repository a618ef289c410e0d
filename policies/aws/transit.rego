# METADATA
# title: AWS encryption in transit
# description: Endpoints speak TLS only, with a modern minimum version (params.min_tls_policy).
package tfguard.aws.transit

import data.tfguard.lib

# ELB policy names and the lowest TLS version each allows, by name pattern.
_elb_policy_pattern := {
	"1.2": `TLS13-1-[23]-|TLS-1-2-|FS-1-2-`,
	"1.3": `TLS13-1-3-`,
}

modern_ssl_policy(p) if p in lib.params.allowed_ssl_policies

modern_ssl_policy(p) if regex.match(_elb_policy_pattern[lib.params.min_tls_policy], p)

_cloudfront_versions := {"1.2": `^TLSv1\.[23]`, "1.3": `^TLSv1\.3`}

_opensearch_versions := {"1.2": `TLS-1-[23]`, "1.3": `TLS-1-3`}

_listeners := {"aws_lb_listener", "aws_alb_listener"}

_redirects_to_https(r) if {
	some a in lib.values.get(r, ["default_action"], [])
	a.type == "redirect"
	some rd in a.redirect
	rd.protocol == "HTTPS"
}

# METADATA
# title: Load balancer HTTP listeners redirect to HTTPS
# description: An HTTP listener must only redirect to HTTPS; serving plain HTTP exposes data in transit.
# custom:
#   id: AWS-TRN-001
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "aws_lb_listener" "http" {
#       protocol = "HTTP"
#       default_action {
#         type = "redirect"
#         redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_listeners)
	lib.values.get(r, ["protocol"], "") == "HTTP"
	not _redirects_to_https(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, "default_action", "listener uses protocol HTTP and its default_action does not redirect to HTTPS")
}

# METADATA
# title: HTTPS and TLS listeners use a modern TLS policy
# description: HTTPS/TLS listeners must set an ssl_policy whose minimum TLS version meets params.min_tls_policy (or is in params.allowed_ssl_policies).
# custom:
#   id: AWS-TRN-002
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "aws_lb_listener" "https" {
#       protocol   = "HTTPS"
#       ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_listeners)
	lib.values.get(r, ["protocol"], "") in {"HTTPS", "TLS"}
	policy := lib.values.get(r, ["ssl_policy"], "")
	not modern_ssl_policy(policy)
	status := _unknown_or_fail(r, ["ssl_policy"])
	finding := lib.finding.result(rego.metadata.rule(), r, "ssl_policy", sprintf("listener ssl_policy %q allows TLS older than %s", [policy, lib.params.min_tls_policy]), status)
}

_unknown_or_fail(r, path) := "unknown" if lib.values.unknown(r, path) else := "fail"

# METADATA
# title: CloudFront distributions require HTTPS from viewers
# description: No cache behavior may set viewer_protocol_policy = "allow-all".
# custom:
#   id: AWS-TRN-003
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     default_cache_behavior {
#       viewer_protocol_policy = "redirect-to-https"
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_cloudfront_distribution")
	some block in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in lib.values.get(r, [block], [])
	b.viewer_protocol_policy == "allow-all"
	attribute := sprintf("%s[%d].viewer_protocol_policy", [block, i])
	finding := lib.finding.fail(rego.metadata.rule(), r, attribute, sprintf("%s is \"allow-all\" (plain HTTP)", [attribute]))
}

# METADATA
# title: CloudFront distributions use a modern TLS version
# description: With a custom certificate, viewer_certificate.minimum_protocol_version must meet params.min_tls_policy.
# custom:
#   id: AWS-TRN-004
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     viewer_certificate {
#       acm_certificate_arn      = aws_acm_certificate.this.arn
#       minimum_protocol_version = "TLSv1.2_2021"
#       ssl_support_method       = "sni-only"
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_cloudfront_distribution")
	some cert in lib.values.get(r, ["viewer_certificate"], [])
	not cert.cloudfront_default_certificate == true
	version := object.get(cert, "minimum_protocol_version", "")
	not regex.match(_cloudfront_versions[lib.params.min_tls_policy], version)
	finding := lib.finding.fail(rego.metadata.rule(), r, "viewer_certificate[0].minimum_protocol_version", sprintf("minimum_protocol_version %q allows TLS older than %s", [version, lib.params.min_tls_policy]))
}

# METADATA
# title: ElastiCache replication groups encrypt in transit
# description: aws_elasticache_replication_group must set transit_encryption_enabled = true.
# custom:
#   id: AWS-TRN-005
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "aws_elasticache_replication_group" "this" {
#       transit_encryption_enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_elasticache_replication_group")
	status := lib.values.status_not_true(r, ["transit_encryption_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "transit_encryption_enabled", "replication group has transit_encryption_enabled unset or false", status)
}

# METADATA
# title: MSK clusters encrypt in transit
# description: encryption_in_transit must keep client_broker = "TLS" and in_cluster = true (the defaults).
# custom:
#   id: AWS-TRN-006
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     encryption_info {
#       encryption_in_transit { client_broker = "TLS", in_cluster = true }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_msk_cluster")
	some t in lib.values.get(r, ["encryption_info", 0, "encryption_in_transit"], [])
	some problem in _msk_transit_problems(t)
	finding := lib.finding.fail(rego.metadata.rule(), r, concat("", ["encryption_info[0].encryption_in_transit[0].", problem[0]]), problem[1])
}

_msk_transit_problems(t) := array.concat(
	[["client_broker", sprintf("client_broker is %q, not \"TLS\"", [t.client_broker])] | object.get(t, "client_broker", "TLS") in {"PLAINTEXT", "TLS_PLAINTEXT"}],
	[["in_cluster", "in_cluster is false"] | object.get(t, "in_cluster", true) == false],
)

# METADATA
# title: OpenSearch domains enforce HTTPS with modern TLS
# description: domain_endpoint_options must set enforce_https = true and a tls_security_policy meeting params.min_tls_policy.
# custom:
#   id: AWS-TRN-007
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     domain_endpoint_options {
#       enforce_https       = true
#       tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	some p in _https_problems(r)
	finding := lib.finding.result(rego.metadata.rule(), r, p.attribute, p.msg, p.status)
}

_endpoint := ["domain_endpoint_options", 0]

_https_problems(r) := [{"attribute": "domain_endpoint_options[0].enforce_https", "msg": "domain does not set domain_endpoint_options.enforce_https = true", "status": status} |
	status := lib.values.status_not_true(r, array.concat(_endpoint, ["enforce_https"]))
] if not lib.values.is_true(r, array.concat(_endpoint, ["enforce_https"]))

_https_problems(r) := [{"attribute": "domain_endpoint_options[0].tls_security_policy", "msg": sprintf("tls_security_policy %q allows TLS older than %s", [policy, lib.params.min_tls_policy]), "status": status} |
	policy := lib.values.get(r, array.concat(_endpoint, ["tls_security_policy"]), "")
	not regex.match(_opensearch_versions[lib.params.min_tls_policy], policy)
	status := _unknown_or_fail(r, array.concat(_endpoint, ["tls_security_policy"]))
] if lib.values.is_true(r, array.concat(_endpoint, ["enforce_https"]))

# METADATA
# title: OpenSearch domains encrypt node-to-node traffic
# description: node_to_node_encryption must be enabled.
# custom:
#   id: AWS-TRN-008
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     node_to_node_encryption { enabled = true }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	status := lib.values.status_not_true(r, ["node_to_node_encryption", 0, "enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "node_to_node_encryption[0].enabled", "domain does not enable node_to_node_encryption", status)
}

# The parameter forcing TLS per engine family, and whether the engine forces it by default.
_ssl_parameter(family) := {"name": "rds.force_ssl", "default_on": regex.match(`^postgres(1[5-9]|[2-9][0-9])`, family)} if {
	regex.match(`^(postgres|aurora-postgresql|sqlserver)`, family)
}

_ssl_parameter(family) := {"name": "require_secure_transport", "default_on": false} if {
	regex.match(`^(mysql|mariadb|aurora-mysql|aurora5)`, family)
}

_on_values := {"1", "on", "true"}

# METADATA
# title: RDS parameter groups force TLS connections
# description: PostgreSQL/SQL Server groups must set rds.force_ssl = 1; MySQL/MariaDB groups require_secure_transport = ON.
# custom:
#   id: AWS-TRN-009
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "aws_db_parameter_group" "pg" {
#       family = "postgres14"
#       parameter {
#         name  = "rds.force_ssl"
#         value = "1"
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_db_parameter_group", "aws_rds_cluster_parameter_group"})
	param := _ssl_parameter(lib.values.get(r, ["family"], ""))
	not _forces_tls(r, param)
	finding := lib.finding.fail(rego.metadata.rule(), r, "parameter", sprintf("parameter group does not set %s to force TLS", [param.name]))
}

_forces_tls(r, param) if {
	some p in lib.values.get(r, ["parameter"], [])
	p.name == param.name
	lower(p.value) in _on_values
}

_forces_tls(r, param) if {
	param.default_on
	not _sets_parameter(r, param.name)
}

_sets_parameter(r, name) if {
	some p in lib.values.get(r, ["parameter"], [])
	p.name == name
}

# METADATA
# title: Redshift parameter groups require SSL
# description: aws_redshift_parameter_group must set require_ssl = true.
# custom:
#   id: AWS-TRN-010
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "aws_redshift_parameter_group" "this" {
#       parameter {
#         name  = "require_ssl"
#         value = "true"
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_redshift_parameter_group")
	not _forces_tls(r, {"name": "require_ssl", "default_on": false})
	finding := lib.finding.fail(rego.metadata.rule(), r, "parameter", "parameter group does not set require_ssl = true")
}
