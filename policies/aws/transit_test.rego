package tfguard.aws.transit_test

import data.tfguard.aws.transit
import data.tfguard.test.fixtures as fx

_ids(changes) := ids if {
	ids := fx.ids(transit.deny, "fail") with input as fx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := fx.ids(transit.deny, "unknown") with input as fx.plan(changes)
}

_redirect := [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443"}]}]

# AWS-TRN-001
test_http_listener_redirecting_passes if not "AWS-TRN-001" in _ids([fx.create("aws_lb_listener", "l", {"protocol": "HTTP", "default_action": _redirect})])

test_http_listener_forwarding_fails if "AWS-TRN-001" in _ids([fx.create("aws_alb_listener", "l", {"protocol": "HTTP", "default_action": [{"type": "forward"}]})])

# AWS-TRN-002
test_https_listener_modern_policy_passes if not "AWS-TRN-002" in _ids([fx.create("aws_lb_listener", "l", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})])

test_https_listener_old_policy_fails if "AWS-TRN-002" in _ids([fx.create("aws_lb_listener", "l", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"})])

test_https_listener_computed_policy_is_unknown if "AWS-TRN-002" in _unknown_ids([fx.create_unknown("aws_lb_listener", "l", {"protocol": "TLS"}, {"ssl_policy": true})])

test_min_tls_13_param if {
	ids := fx.ids(transit.deny, "fail") with input as fx.plan([fx.create("aws_lb_listener", "l", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})])
		with data.tfguard.params as {"min_tls_policy": "1.3"}
	"AWS-TRN-002" in ids
}

# AWS-TRN-003 / 004
test_cloudfront_https_passes if not "AWS-TRN-003" in _ids([fx.create("aws_cloudfront_distribution", "d", {"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}], "ordered_cache_behavior": []})])

test_cloudfront_allow_all_fails if {
	findings := transit.deny with input as fx.plan([fx.create("aws_cloudfront_distribution", "d", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}], "ordered_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]})])
	{f.attribute | some f in findings} == {"ordered_cache_behavior[0].viewer_protocol_policy"}
}

test_cloudfront_modern_tls_passes if not "AWS-TRN-004" in _ids([fx.create("aws_cloudfront_distribution", "d", {"viewer_certificate": [{"minimum_protocol_version": "TLSv1.2_2021"}]})])

test_cloudfront_old_tls_fails if "AWS-TRN-004" in _ids([fx.create("aws_cloudfront_distribution", "d", {"viewer_certificate": [{"minimum_protocol_version": "TLSv1_2016"}]})])

# AWS-TRN-005 / 006
test_elasticache_transit_passes if not "AWS-TRN-005" in _ids([fx.create("aws_elasticache_replication_group", "g", {"transit_encryption_enabled": true})])

test_elasticache_no_transit_fails if "AWS-TRN-005" in _ids([fx.create("aws_elasticache_replication_group", "g", {"transit_encryption_enabled": false})])

test_msk_tls_passes if not "AWS-TRN-006" in _ids([fx.create("aws_msk_cluster", "m", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]}]})])

test_msk_plaintext_fails if "AWS-TRN-006" in _ids([fx.create("aws_msk_cluster", "m", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT", "in_cluster": true}]}]})])

# AWS-TRN-007 / 008
_domain(endpoint, n2n) := fx.create("aws_opensearch_domain", "d", {"domain_endpoint_options": [endpoint], "node_to_node_encryption": [{"enabled": n2n}]})

test_opensearch_https_passes if not "AWS-TRN-007" in _ids([_domain({"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}, true)])

test_opensearch_no_https_fails if "AWS-TRN-007" in _ids([_domain({"enforce_https": false}, true)])

test_opensearch_old_tls_fails if {
	findings := transit.deny with input as fx.plan([_domain({"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}, true)])
	some f in findings
	f.id == "AWS-TRN-007"
	f.attribute == "domain_endpoint_options[0].tls_security_policy"
}

test_opensearch_node_to_node_passes if not "AWS-TRN-008" in _ids([_domain({"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}, true)])

test_opensearch_node_to_node_off_fails if "AWS-TRN-008" in _ids([_domain({"enforce_https": true}, false)])

# AWS-TRN-009 / 010
test_postgres_force_ssl_passes if not "AWS-TRN-009" in _ids([fx.create("aws_db_parameter_group", "p", {"family": "postgres14", "parameter": [{"name": "rds.force_ssl", "value": "1"}]})])

test_postgres15_default_passes if not "AWS-TRN-009" in _ids([fx.create("aws_db_parameter_group", "p", {"family": "postgres16", "parameter": []})])

test_mysql_without_secure_transport_fails if "AWS-TRN-009" in _ids([fx.create("aws_rds_cluster_parameter_group", "p", {"family": "aurora-mysql8.0", "parameter": []})])

test_postgres15_explicitly_off_fails if "AWS-TRN-009" in _ids([fx.create("aws_db_parameter_group", "p", {"family": "postgres15", "parameter": [{"name": "rds.force_ssl", "value": "0"}]})])

test_redshift_require_ssl_passes if not "AWS-TRN-010" in _ids([fx.create("aws_redshift_parameter_group", "p", {"parameter": [{"name": "require_ssl", "value": "true"}]})])

test_redshift_no_require_ssl_fails if "AWS-TRN-010" in _ids([fx.create("aws_redshift_parameter_group", "p", {"parameter": []})])
