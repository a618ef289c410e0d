package tfguard.aws.network_test

import data.tfguard.aws.network
import data.tfguard.test.fixtures as fx

_ids(changes) := ids if {
	ids := fx.ids(network.deny, "fail") with input as fx.plan(changes)
}

_sg(ingress) := fx.create("aws_security_group", "sg", {"ingress": ingress, "egress": []})

_in(from, to, protocol, cidrs) := {"from_port": from, "to_port": to, "protocol": protocol, "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

# AWS-NET-001
test_ssh_from_vpn_passes if not "AWS-NET-001" in _ids([_sg([_in(22, 22, "tcp", ["10.0.0.0/8"])])])

test_ssh_from_world_fails if {
	findings := network.deny with input as fx.plan([_sg([_in(443, 443, "tcp", ["0.0.0.0/0"]), _in(22, 22, "tcp", ["0.0.0.0/0"])])])
	[f] := [f | some f in findings; f.id == "AWS-NET-001"]
	f.attribute == "ingress[1]"
}

test_rdp_rule_from_ipv6_world_fails if {
	"AWS-NET-001" in _ids([fx.create("aws_security_group_rule", "r", {"type": "ingress", "from_port": 3000, "to_port": 4000, "protocol": "tcp", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]})])
}

test_vpc_ingress_rule_ssh_fails if {
	"AWS-NET-001" in _ids([fx.create("aws_vpc_security_group_ingress_rule", "r", {"cidr_ipv4": "0.0.0.0/0", "from_port": 22, "to_port": 22, "ip_protocol": "tcp"})])
}

test_egress_rule_is_ignored if {
	not "AWS-NET-001" in _ids([fx.create("aws_security_group_rule", "r", {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})])
}

# AWS-NET-002
test_https_from_world_passes if not "AWS-NET-002" in _ids([_sg([_in(443, 443, "tcp", ["0.0.0.0/0"])])])

test_postgres_from_world_fails if "AWS-NET-002" in _ids([_sg([_in(5432, 5432, "tcp", ["0.0.0.0/0"])])])

# AWS-NET-003
test_port_range_passes if not "AWS-NET-003" in _ids([_sg([_in(8000, 8080, "tcp", ["0.0.0.0/0"])])])

test_all_protocols_fails if {
	findings := network.deny with input as fx.plan([_sg([_in(0, 0, "-1", ["0.0.0.0/0"])])])
	{f.id | some f in findings} == {"AWS-NET-003"}
}

# AWS-NET-004
test_default_sg_without_rules_passes if not "AWS-NET-004" in _ids([fx.create("aws_default_security_group", "d", {"ingress": [], "egress": []})])

test_default_sg_with_rules_fails if "AWS-NET-004" in _ids([fx.create("aws_default_security_group", "d", {"ingress": [_in(443, 443, "tcp", ["10.0.0.0/8"])], "egress": []})])

# AWS-NET-005 / 006
test_private_rds_passes if not "AWS-NET-005" in _ids([fx.create("aws_db_instance", "d", {"publicly_accessible": false})])

test_public_rds_fails if "AWS-NET-005" in _ids([fx.create("aws_rds_cluster_instance", "d", {"publicly_accessible": true})])

test_private_redshift_passes if not "AWS-NET-006" in _ids([fx.create("aws_redshift_cluster", "r", {"publicly_accessible": false})])

test_public_redshift_fails if "AWS-NET-006" in _ids([fx.create("aws_redshift_cluster", "r", {"publicly_accessible": true})])

# AWS-NET-007
test_private_acl_passes if not "AWS-NET-007" in _ids([fx.create("aws_s3_bucket_acl", "a", {"acl": "private"})])

test_public_read_acl_fails if "AWS-NET-007" in _ids([fx.create("aws_s3_bucket", "b", {"acl": "public-read"})])

test_all_users_grant_fails if {
	grant := {"permission": "READ", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}
	"AWS-NET-007" in _ids([fx.create("aws_s3_bucket_acl", "a", {"access_control_policy": [{"grant": [grant]}]})])
}

# AWS-NET-008 / 009
_pab(name, bucket, flag) := fx.create("aws_s3_bucket_public_access_block", name, {"bucket": bucket, "block_public_acls": flag, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true})

test_bucket_with_public_access_block_passes if not "AWS-NET-008" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b"}), _pab("p", "b", true)])

test_bucket_without_public_access_block_fails if "AWS-NET-008" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b"}), _pab("p", "other", true)])

test_account_block_covers_buckets if {
	account := fx.create("aws_s3_account_public_access_block", "a", {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true})
	not "AWS-NET-008" in _ids([fx.create("aws_s3_bucket", "b", {"bucket": "b"}), account])
}

test_full_public_access_block_passes if not "AWS-NET-009" in _ids([_pab("p", "b", true)])

test_partial_public_access_block_fails if {
	findings := network.deny with input as fx.plan([_pab("p", "b", false)])
	some f in findings
	f.id == "AWS-NET-009"
	f.attribute == "block_public_acls"
}

# AWS-NET-010 / 011
test_instance_private_ip_passes if not "AWS-NET-010" in _ids([fx.create("aws_instance", "i", {"associate_public_ip_address": false})])

test_instance_public_ip_fails if "AWS-NET-010" in _ids([fx.create("aws_instance", "i", {"associate_public_ip_address": true})])

test_private_subnet_passes if not "AWS-NET-011" in _ids([fx.create("aws_subnet", "s", {"map_public_ip_on_launch": false})])

test_public_subnet_fails if "AWS-NET-011" in _ids([fx.create("aws_subnet", "s", {"map_public_ip_on_launch": true})])

# AWS-NET-012
test_eks_private_endpoint_passes if not "AWS-NET-012" in _ids([fx.create("aws_eks_cluster", "c", {"vpc_config": [{"endpoint_public_access": false}]})])

test_eks_restricted_public_endpoint_passes if not "AWS-NET-012" in _ids([fx.create("aws_eks_cluster", "c", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}]})])

test_eks_world_endpoint_fails if "AWS-NET-012" in _ids([fx.create("aws_eks_cluster", "c", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}]})])

# AWS-NET-013
test_opensearch_in_vpc_passes if not "AWS-NET-013" in _ids([fx.create("aws_opensearch_domain", "d", {"vpc_options": [{"subnet_ids": ["s"]}]})])

test_opensearch_public_fails if "AWS-NET-013" in _ids([fx.create("aws_opensearch_domain", "d", {"vpc_options": []})])

# AWS-NET-014
test_lambda_outside_vpc_passes_by_default if not "AWS-NET-014" in _ids([fx.create("aws_lambda_function", "f", {"vpc_config": []})])

test_lambda_outside_vpc_fails_when_required if {
	ids := fx.ids(network.deny, "fail") with input as fx.plan([fx.create("aws_lambda_function", "f", {"vpc_config": []})])
		with data.tfguard.params as {"lambda_require_vpc": true}
	"AWS-NET-014" in ids
}

test_lambda_in_vpc_passes_when_required if {
	ids := fx.ids(network.deny, "fail") with input as fx.plan([fx.create("aws_lambda_function", "f", {"vpc_config": [{"subnet_ids": ["subnet-1"]}]})])
		with data.tfguard.params as {"lambda_require_vpc": true}
	not "AWS-NET-014" in ids
}

# AWS-NET-015
_nacl(entry) := fx.create("aws_network_acl", "n", {"ingress": [entry], "egress": []})

test_nacl_https_from_world_passes if not "AWS-NET-015" in _ids([_nacl({"action": "allow", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"})])

test_nacl_ssh_from_world_fails if "AWS-NET-015" in _ids([_nacl({"action": "allow", "protocol": "6", "from_port": 0, "to_port": 1024, "cidr_block": "0.0.0.0/0"})])

test_nacl_rule_all_traffic_fails if {
	"AWS-NET-015" in _ids([fx.create("aws_network_acl_rule", "r", {"egress": false, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})])
}

test_nacl_deny_entry_passes if not "AWS-NET-015" in _ids([_nacl({"action": "deny", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"})])

# AWS-NET-016
test_launch_template_private_passes if not "AWS-NET-016" in _ids([fx.create("aws_launch_template", "t", {"network_interfaces": [{"associate_public_ip_address": "false"}]})])

test_launch_template_public_ip_fails if "AWS-NET-016" in _ids([fx.create("aws_launch_template", "t", {"network_interfaces": [{"associate_public_ip_address": "true"}]})])
