# METADATA
# title: AWS network isolation
# description: Nothing sensitive faces the internet; security groups, ACLs and endpoints stay closed to 0.0.0.0/0 and ::/0.
package tfguard.aws.network

import data.tfguard.lib

_world := {"0.0.0.0/0", "::/0"}

_all_protocols := {"-1", "all", -1}

_tcp := {"tcp", "6", 6}

# Every ingress rule open to the world, normalised:
# {resource, attribute, from, to, all (every protocol), cidr}. Unknown CIDRs (usually references to a
# VPC's block) are not treated as open.
world_ingress := array.concat(array.concat(_inline_rules, _sg_rules), _vpc_rules)

_inline_rules := [_rule(r, sprintf("ingress[%d]", [i]), rule, cidr) |
	some r in lib.resources.planned_any({"aws_security_group", "aws_default_security_group"})
	some i, rule in lib.values.get(r, ["ingress"], [])
	some cidr in _open_cidrs(rule)
]

_sg_rules := [_rule(r, "cidr_blocks", r.values, cidr) |
	some r in lib.resources.planned("aws_security_group_rule")
	r.values.type == "ingress"
	some cidr in _open_cidrs(r.values)
]

_vpc_rules := [{"resource": r, "attribute": attr, "from": from, "to": to, "all": all, "cidr": cidr} |
	some r in lib.resources.planned("aws_vpc_security_group_ingress_rule")
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := r.values[attr]
	cidr in _world
	all := r.values.ip_protocol in _all_protocols
	from := object.get(r.values, "from_port", 0)
	to := object.get(r.values, "to_port", 65535)
]

_open_cidrs(rule) := {c |
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in object.get(rule, attr, [])
	c in _world
}

_rule(r, attribute, rule, cidr) := {
	"resource": r,
	"attribute": attribute,
	"from": object.get(rule, "from_port", 0),
	"to": object.get(rule, "to_port", 65535),
	"all": object.get(rule, "protocol", "") in _all_protocols,
	"cidr": cidr,
}

# Whether a normalised rule admits TCP `port`.
opens_port(rule, port) if rule.all

opens_port(rule, port) if {
	not rule.all
	_tcp_rule(rule)
	rule.from <= port
	port <= rule.to
}

_tcp_rule(rule) if {
	rule.attribute in {"cidr_ipv4", "cidr_ipv6"}
	rule.resource.values.ip_protocol in _tcp
}

_tcp_rule(rule) if {
	startswith(rule.attribute, "ingress[")
	some i, r in lib.values.get(rule.resource, ["ingress"], [])
	sprintf("ingress[%d]", [i]) == rule.attribute
	r.protocol in _tcp
}

_tcp_rule(rule) if {
	rule.attribute == "cidr_blocks"
	rule.resource.values.protocol in _tcp
}

_every_port(rule) if rule.all

_every_port(rule) if {
	rule.from <= 0
	rule.to >= 65535
}

# METADATA
# title: No administration ports open to the internet
# description: Security groups must not allow ingress from 0.0.0.0/0 or ::/0 to SSH, RDP or WinRM (params.admin_ports).
# custom:
#   id: AWS-NET-001
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AWS-3.0:5.2", "CIS-AWS-3.0:5.3"]
#   remediation: |
#     ingress {
#       from_port   = 22
#       to_port     = 22
#       protocol    = "tcp"
#       cidr_blocks = ["10.0.0.0/8"]   # a bastion or VPN range, never 0.0.0.0/0
#     }
deny contains finding if {
	some rule in world_ingress
	not _every_port(rule)
	ports := [p | some p in lib.params.admin_ports; opens_port(rule, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows ingress from %s to administration port(s) %v", [rule.attribute, rule.cidr, ports]))
}

# METADATA
# title: No database or cache ports open to the internet
# description: Security groups must not allow ingress from 0.0.0.0/0 or ::/0 to database, cache or search ports (params.sensitive_ports).
# custom:
#   id: AWS-NET-002
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     ingress {
#       from_port       = 5432
#       to_port         = 5432
#       protocol        = "tcp"
#       security_groups = [aws_security_group.app.id]
#     }
deny contains finding if {
	some rule in world_ingress
	not _every_port(rule)
	ports := [p | some p in lib.params.sensitive_ports; opens_port(rule, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows ingress from %s to database port(s) %v", [rule.attribute, rule.cidr, ports]))
}

# METADATA
# title: No security group opens every port to the internet
# description: Security groups must not allow all protocols or the whole port range from 0.0.0.0/0 or ::/0.
# custom:
#   id: AWS-NET-003
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AWS-3.0:5.2"]
#   remediation: |
#     Replace the rule with the ports the service needs, from the sources that need them.
deny contains finding if {
	some rule in world_ingress
	_every_port(rule)
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows all ports from %s", [rule.attribute, rule.cidr]))
}

# METADATA
# title: Default security groups have no rules
# description: aws_default_security_group must not define ingress or egress rules, so nothing lands in it by accident.
# custom:
#   id: AWS-NET-004
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.2.1", "SOC2:CC6.6", "CIS-AWS-3.0:5.4"]
#   remediation: |
#     resource "aws_default_security_group" "default" {
#       vpc_id = aws_vpc.this.id   # no ingress or egress blocks
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_default_security_group")
	some attr in ["ingress", "egress"]
	count(lib.values.get(r, [attr], [])) > 0
	finding := lib.finding.fail(rego.metadata.rule(), r, attr, sprintf("default security group defines %s rules", [attr]))
}

# METADATA
# title: RDS instances are not publicly accessible
# description: aws_db_instance and aws_rds_cluster_instance must not set publicly_accessible = true.
# custom:
#   id: AWS-NET-005
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.4", "SOC2:CC6.6", "CIS-AWS-3.0:2.3.3"]
#   remediation: |
#     resource "aws_db_instance" "this" {
#       publicly_accessible = false
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_db_instance", "aws_rds_cluster_instance"})
	status := lib.values.status_true(r, ["publicly_accessible"])
	finding := lib.finding.result(rego.metadata.rule(), r, "publicly_accessible", "database instance sets publicly_accessible = true", status)
}

# METADATA
# title: Redshift clusters are not publicly accessible
# description: aws_redshift_cluster must set publicly_accessible = false.
# custom:
#   id: AWS-NET-006
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.4", "SOC2:CC6.6"]
#   remediation: |
#     resource "aws_redshift_cluster" "this" {
#       publicly_accessible = false
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_redshift_cluster")
	status := lib.values.status_true(r, ["publicly_accessible"])
	finding := lib.finding.result(rego.metadata.rule(), r, "publicly_accessible", "Redshift cluster sets publicly_accessible = true", status)
}

_public_acls := {"public-read", "public-read-write", "authenticated-read"}

_public_grantees := {"http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}

# METADATA
# title: S3 buckets have no public ACL
# description: Buckets must not use a public canned ACL or grant AllUsers / AuthenticatedUsers.
# custom:
#   id: AWS-NET-007
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "SOC2:CC6.6"]
#   remediation: |
#     resource "aws_s3_bucket_ownership_controls" "this" {
#       bucket = aws_s3_bucket.this.id
#       rule { object_ownership = "BucketOwnerEnforced" }   # disables ACLs
#     }
deny contains finding if {
	some p in _public_acl_problems
	finding := lib.finding.fail(rego.metadata.rule(), p.resource, p.attribute, p.msg)
}

_public_acl_problems := array.concat(
	[{"resource": r, "attribute": "acl", "msg": sprintf("acl is %q", [acl])} |
		some r in lib.resources.planned_any({"aws_s3_bucket", "aws_s3_bucket_acl"})
		acl := lib.values.get(r, ["acl"], "")
		acl in _public_acls
	],
	[{"resource": r, "attribute": "access_control_policy", "msg": sprintf("access_control_policy grants %s to %s", [g.permission, grantee.uri])} |
		some r in lib.resources.planned("aws_s3_bucket_acl")
		some policy in lib.values.get(r, ["access_control_policy"], [])
		some g in policy.grant
		some grantee in g.grantee
		grantee.uri in _public_grantees
	],
)

_pab_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

_account_blocks_public if {
	some a in lib.resources.planned("aws_s3_account_public_access_block")
	every flag in _pab_flags {
		lib.values.is_true(a, [flag])
	}
}

# METADATA
# title: S3 buckets have a public access block
# description: Every bucket needs an aws_s3_bucket_public_access_block referencing it (or an account-wide block with all four settings on).
# custom:
#   id: AWS-NET-008
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6", "CIS-AWS-3.0:2.1.4"]
#   remediation: |
#     resource "aws_s3_bucket_public_access_block" "this" {
#       bucket                  = aws_s3_bucket.this.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_s3_bucket")
	not _account_blocks_public
	count(lib.refs.linked_from({"aws_s3_bucket_public_access_block"}, ["bucket"], r, ["bucket", "id"])) == 0
	finding := lib.finding.fail(rego.metadata.rule(), r, "aws_s3_bucket_public_access_block", "bucket has no aws_s3_bucket_public_access_block referencing it")
}

# METADATA
# title: S3 public access blocks block everything
# description: Bucket and account public access blocks must set all four settings to true.
# custom:
#   id: AWS-NET-009
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6", "CIS-AWS-3.0:2.1.4"]
#   remediation: |
#     block_public_acls       = true
#     block_public_policy     = true
#     ignore_public_acls      = true
#     restrict_public_buckets = true
deny contains finding if {
	some r in lib.resources.planned_any({"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"})
	some flag in _pab_flags
	status := lib.values.status_not_true(r, [flag])
	finding := lib.finding.result(rego.metadata.rule(), r, flag, sprintf("public access block has %s unset or false", [flag]), status)
}

# METADATA
# title: EC2 instances get no public IP address
# description: aws_instance must not set associate_public_ip_address = true; expose services through a load balancer.
# custom:
#   id: AWS-NET-010
#   severity: high
#   controls: ["PCI-DSS-4.0:1.4.4", "SOC2:CC6.6"]
#   remediation: |
#     resource "aws_instance" "this" {
#       associate_public_ip_address = false
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_instance")
	lib.values.is_true(r, ["associate_public_ip_address"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "associate_public_ip_address", "instance sets associate_public_ip_address = true")
}

# METADATA
# title: Subnets do not assign public IP addresses
# description: aws_subnet must not set map_public_ip_on_launch = true.
# custom:
#   id: AWS-NET-011
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.4.4", "SOC2:CC6.6"]
#   remediation: |
#     resource "aws_subnet" "this" {
#       map_public_ip_on_launch = false
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_subnet")
	lib.values.is_true(r, ["map_public_ip_on_launch"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "map_public_ip_on_launch", "subnet sets map_public_ip_on_launch = true")
}

# METADATA
# title: EKS API endpoints are not open to the world
# description: With endpoint_public_access on (the default), vpc_config.public_access_cidrs must not include 0.0.0.0/0 (the default).
# custom:
#   id: AWS-NET-012
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6"]
#   remediation: |
#     vpc_config {
#       endpoint_private_access = true
#       endpoint_public_access  = false   # or public_access_cidrs = ["203.0.113.0/24"]
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_eks_cluster")
	not lib.values.is_false(r, ["vpc_config", 0, "endpoint_public_access"])
	cidrs := lib.values.get(r, ["vpc_config", 0, "public_access_cidrs"], ["0.0.0.0/0"])
	"0.0.0.0/0" in cidrs
	finding := lib.finding.fail(rego.metadata.rule(), r, "vpc_config[0].public_access_cidrs", "cluster endpoint is public and vpc_config.public_access_cidrs includes 0.0.0.0/0")
}

# METADATA
# title: OpenSearch domains run inside a VPC
# description: aws_opensearch_domain / aws_elasticsearch_domain must set vpc_options.
# custom:
#   id: AWS-NET-013
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6"]
#   remediation: |
#     vpc_options {
#       subnet_ids         = [aws_subnet.private.id]
#       security_group_ids = [aws_security_group.search.id]
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	count(lib.values.get(r, ["vpc_options"], [])) == 0
	not lib.values.unknown(r, ["vpc_options"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "vpc_options", "domain has no vpc_options, so its endpoint is public")
}

# METADATA
# title: Lambda functions run inside a VPC
# description: When params.lambda_require_vpc is true, aws_lambda_function must set vpc_config with subnets.
# custom:
#   id: AWS-NET-014
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6"]
#   remediation: |
#     vpc_config {
#       subnet_ids         = [aws_subnet.private.id]
#       security_group_ids = [aws_security_group.lambda.id]
#     }
deny contains finding if {
	lib.params.lambda_require_vpc == true
	some r in lib.resources.planned("aws_lambda_function")
	not _lambda_in_vpc(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, "vpc_config", "function has no vpc_config with subnet_ids")
}

_lambda_in_vpc(r) if {
	some c in lib.values.get(r, ["vpc_config"], [])
	count(object.get(c, "subnet_ids", [])) > 0
}

_lambda_in_vpc(r) if lib.values.unknown(r, ["vpc_config", 0, "subnet_ids"])

# Network ACL entries admitting traffic from the world, normalised like world_ingress.
_nacl_entries := array.concat(
	[{"resource": r, "attribute": sprintf("ingress[%d]", [i]), "entry": e} |
		some r in lib.resources.planned("aws_network_acl")
		some i, e in lib.values.get(r, ["ingress"], [])
	],
	[{"resource": r, "attribute": "cidr_block", "entry": object.union(r.values, {"action": object.get(r.values, "rule_action", "")})} |
		some r in lib.resources.planned("aws_network_acl_rule")
		lib.values.get(r, ["egress"], false) == false
	],
)

_nacl_world(e) if object.get(e, "cidr_block", "") == "0.0.0.0/0"

_nacl_world(e) if object.get(e, "ipv6_cidr_block", "") == "::/0"

_nacl_opens(e, port) if e.protocol in _all_protocols

_nacl_opens(e, port) if {
	e.protocol in _tcp
	e.from_port <= port
	port <= e.to_port
}

# METADATA
# title: Network ACLs do not admit administration ports from the internet
# description: NACL allow entries from 0.0.0.0/0 or ::/0 must not cover SSH, RDP or WinRM (params.admin_ports).
# custom:
#   id: AWS-NET-015
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6", "CIS-AWS-3.0:5.1"]
#   remediation: |
#     ingress {
#       rule_no    = 100
#       action     = "allow"
#       protocol   = "tcp"
#       from_port  = 443
#       to_port    = 443
#       cidr_block = "0.0.0.0/0"
#     }
deny contains finding if {
	some n in _nacl_entries
	lower(n.entry.action) == "allow"
	_nacl_world(n.entry)
	ports := [p | some p in lib.params.admin_ports; _nacl_opens(n.entry, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), n.resource, n.attribute, sprintf("%s allows traffic from the internet to administration port(s) %v", [n.attribute, ports]))
}

# METADATA
# title: Launch templates assign no public IP address
# description: aws_launch_template network_interfaces must not set associate_public_ip_address = true.
# custom:
#   id: AWS-NET-016
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.4.4", "SOC2:CC6.6"]
#   remediation: |
#     network_interfaces {
#       associate_public_ip_address = false
#     }
deny contains finding if {
	some r in lib.resources.planned("aws_launch_template")
	some i, _ in lib.values.get(r, ["network_interfaces"], [])
	lib.values.is_true(r, ["network_interfaces", i, "associate_public_ip_address"])
	attribute := sprintf("network_interfaces[%d].associate_public_ip_address", [i])
	finding := lib.finding.fail(rego.metadata.rule(), r, attribute, sprintf("launch template sets %s = true", [attribute]))
}
