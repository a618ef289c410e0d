# METADATA
# title: Google Cloud network isolation
# description: Nothing sensitive faces the internet; firewalls, buckets, Cloud SQL, instances and GKE control planes stay closed to 0.0.0.0/0, allUsers and allAuthenticatedUsers.
package tfguard.google.network

import data.tfguard.lib

# Every enabled INGRESS allow rule of a firewall open to the world, normalised:
# {resource, attribute, cidr, protocol, ports (specifications; [] is every port)}.
world_ingress := [{"resource": r, "attribute": sprintf("allow[%d]", [i]), "cidr": cidr, "protocol": lower(sprintf("%v", [allow.protocol])), "ports": object.get(allow, "ports", [])} |
	some r in lib.resources.planned("google_compute_firewall")
	upper(lib.values.get(r, ["direction"], "INGRESS")) == "INGRESS"
	not lib.values.is_true(r, ["disabled"])
	some cidr in _world_sources(r)
	some i, allow in lib.values.get(r, ["allow"], [])
]

_world_sources(r) := {c | some c in lib.values.get(r, ["source_ranges"], []); c in lib.google.world}

_tcp_protocols := {"tcp", "all", "6"}

# Whether a normalised rule admits TCP `port`.
opens_port(rule, port) if {
	rule.protocol in _tcp_protocols
	_covers(rule.ports, port)
}

_covers(ports, _) if count(ports) == 0

_covers(ports, port) if {
	some spec in ports
	lib.ports.covers(spec, port)
}

_every_port(rule) if {
	rule.protocol == "all"
	count(rule.ports) == 0
}

_every_port(rule) if {
	rule.protocol in {"tcp", "udp", "6", "17", "all"}
	count(rule.ports) == 0
}

_every_port(rule) if {
	some spec in rule.ports
	lib.ports.covers_all(spec)
}

# METADATA
# title: No administration ports open to the internet
# description: google_compute_firewall INGRESS rules must not allow 0.0.0.0/0 to SSH, RDP or WinRM (params.admin_ports).
# custom:
#   id: GCP-NET-001
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GCP-2.0:3.6", "CIS-GCP-2.0:3.7"]
#   remediation: |
#     resource "google_compute_firewall" "ssh" {
#       allow {
#         protocol = "tcp"
#         ports    = ["22"]
#       }
#       source_ranges = ["35.235.240.0/20"]   # IAP for TCP forwarding, never 0.0.0.0/0
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
# description: google_compute_firewall INGRESS rules must not allow 0.0.0.0/0 to database, cache or search ports (params.sensitive_ports).
# custom:
#   id: GCP-NET-002
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     allow {
#       protocol = "tcp"
#       ports    = ["5432"]
#     }
#     source_ranges = ["10.0.0.0/8"]   # never 0.0.0.0/0
deny contains finding if {
	some rule in world_ingress
	not _every_port(rule)
	ports := [p | some p in lib.params.sensitive_ports; opens_port(rule, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows ingress from %s to database/cache port(s) %v", [rule.attribute, rule.cidr, ports]))
}

# METADATA
# title: No firewall rule opens every port to the internet
# description: google_compute_firewall INGRESS rules from 0.0.0.0/0 must name ports (protocol "all", or tcp/udp without ports, opens everything).
# custom:
#   id: GCP-NET-003
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     allow {
#       protocol = "tcp"
#       ports    = ["443"]   # only the ports the service needs
#     }
deny contains finding if {
	some rule in world_ingress
	_every_port(rule)
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows %s ingress from %s to every port", [rule.attribute, rule.protocol, rule.cidr]))
}

_bucket_iam := {"google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"}

_bucket_acls := {"google_storage_bucket_access_control", "google_storage_default_object_access_control", "google_storage_object_access_control"}

# METADATA
# title: Buckets are not public
# description: Bucket IAM members/bindings and ACLs must not grant allUsers or allAuthenticatedUsers.
# custom:
#   id: GCP-NET-004
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.4.1", "PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "SOC2:CC6.6", "CIS-GCP-2.0:5.1"]
#   remediation: |
#     resource "google_storage_bucket_iam_member" "reader" {
#       bucket = google_storage_bucket.this.name
#       role   = "roles/storage.objectViewer"
#       member = "group:readers@example.com"   # never allUsers / allAuthenticatedUsers
#     }
deny contains finding if {
	some p in public_grants(_bucket_iam, _bucket_acls, {"google_storage_bucket_acl"})
	finding := lib.finding.fail(rego.metadata.rule(), p.resource, p.attribute, sprintf("%s grants %s to %s", [p.attribute, p.role, p.member]))
}

# Public grants of IAM member/binding types, ACL entity types and role_entity list types.
public_grants(iam_types, acl_types, role_entity_types) := array.concat(
	array.concat(
		[{"resource": r, "attribute": "member", "member": r.values.member, "role": object.get(r.values, "role", "a role")} |
			some r in lib.resources.planned_any(iam_types)
			r.values.member in lib.google.public_members
		],
		[{"resource": r, "attribute": "members", "member": m, "role": object.get(r.values, "role", "a role")} |
			some r in lib.resources.planned_any(iam_types)
			some m in lib.values.get(r, ["members"], [])
			m in lib.google.public_members
		],
	),
	array.concat(
		[{"resource": r, "attribute": "entity", "member": r.values.entity, "role": object.get(r.values, "role", "a role")} |
			some r in lib.resources.planned_any(acl_types)
			r.values.entity in lib.google.public_members
		],
		[{"resource": r, "attribute": "role_entity", "member": entity, "role": role} |
			some r in lib.resources.planned_any(role_entity_types)
			some re in lib.values.get(r, ["role_entity"], [])
			[role, entity] := split(re, ":")
			entity in lib.google.public_members
		],
	),
)

# METADATA
# title: Buckets use uniform bucket-level access
# description: google_storage_bucket must set uniform_bucket_level_access = true (IAM only, no per-object ACLs).
# custom:
#   id: GCP-NET-005
#   severity: medium
#   controls: ["PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "CIS-GCP-2.0:5.2"]
#   remediation: |
#     resource "google_storage_bucket" "this" {
#       uniform_bucket_level_access = true
#     }
deny contains finding if {
	some r in lib.resources.planned("google_storage_bucket")
	not lib.values.is_true(r, ["uniform_bucket_level_access"])
	status := _unset_status(r, ["uniform_bucket_level_access"])
	finding := lib.finding.result(rego.metadata.rule(), r, "uniform_bucket_level_access", "bucket allows per-object ACLs (uniform_bucket_level_access unset or false)", status)
}

# "unknown" when the (optional, computed) attribute is unknown and may still be configured, else "fail".
_unset_status(r, path) := "unknown" if {
	lib.values.unknown(r, path)
	lib.google.may_be_set(r, path)
} else := "fail"

# METADATA
# title: Buckets enforce public access prevention
# description: google_storage_bucket must set public_access_prevention = "enforced" (the default "inherited" lets IAM and ACLs make it public).
# custom:
#   id: GCP-NET-006
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GCP-2.0:5.1"]
#   remediation: |
#     resource "google_storage_bucket" "this" {
#       public_access_prevention = "enforced"
#     }
deny contains finding if {
	some r in lib.resources.planned("google_storage_bucket")
	lib.values.get(r, ["public_access_prevention"], "") != "enforced"
	status := _unset_status(r, ["public_access_prevention"])
	finding := lib.finding.result(rego.metadata.rule(), r, "public_access_prevention", sprintf("bucket does not enforce public access prevention (%v)", [lib.values.get(r, ["public_access_prevention"], "unset")]), status)
}

_ip_configuration := ["settings", 0, "ip_configuration", 0]

# METADATA
# title: Cloud SQL does not authorize the internet
# description: google_sql_database_instance authorized_networks must not include 0.0.0.0/0.
# custom:
#   id: GCP-NET-007
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GCP-2.0:6.5"]
#   remediation: |
#     ip_configuration {
#       authorized_networks {
#         name  = "office"
#         value = "203.0.113.0/24"
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	some i, network in lib.values.get(r, array.concat(_ip_configuration, ["authorized_networks"]), [])
	network.value in lib.google.world
	attribute := sprintf("settings[0].ip_configuration[0].authorized_networks[%d]", [i])
	finding := lib.finding.fail(rego.metadata.rule(), r, attribute, sprintf("%s authorizes %s", [attribute, network.value]))
}

# METADATA
# title: Cloud SQL has no public IP
# description: google_sql_database_instance must set settings.ip_configuration.ipv4_enabled = false and connect through private IP (private_network) or Private Service Connect.
# custom:
#   id: GCP-NET-008
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GCP-2.0:6.6"]
#   remediation: |
#     ip_configuration {
#       ipv4_enabled    = false
#       private_network = google_compute_network.this.id
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	path := array.concat(_ip_configuration, ["ipv4_enabled"])
	not lib.values.is_false(r, path)
	status := _public_ip_status(r, path)
	finding := lib.finding.result(rego.metadata.rule(), r, "settings[0].ip_configuration[0].ipv4_enabled", "instance has a public IPv4 address (ipv4_enabled unset or true)", status)
}

_public_ip_status(r, path) := "unknown" if {
	object.get(r.values, path, null) == null
	lib.values.unknown(r, path)
} else := "fail"

# METADATA
# title: Compute instances have no public IP
# description: google_compute_instance (and instance templates) network interfaces must not have an access_config (an external IP).
# custom:
#   id: GCP-NET-009
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GCP-2.0:4.9"]
#   remediation: |
#     network_interface {
#       subnetwork = google_compute_subnetwork.private.id
#       # no access_config block: reach the internet through Cloud NAT
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"})
	some i, nic in lib.values.get(r, ["network_interface"], [])
	count(object.get(nic, "access_config", [])) > 0
	attribute := sprintf("network_interface[%d].access_config", [i])
	finding := lib.finding.fail(rego.metadata.rule(), r, attribute, sprintf("%s gives the instance an external IP", [attribute]))
}

_instances := {"google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"}

_truthy := {"true", "1", "yes", "on", "y"}

_falsy := {"false", "0", "no", "off", "n"}

_metadata(r, key) := lower(sprintf("%v", [v])) if {
	v := lib.values.get(r, ["metadata", key], null)
	v != null
}

# METADATA
# title: Compute instances do not enable serial port access
# description: Instance metadata must not set serial-port-enable = true (the interactive serial console accepts connections from any IP).
# custom:
#   id: GCP-NET-010
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.4.1", "PCI-DSS-4.0:2.2.4", "SOC2:CC6.6", "CIS-GCP-2.0:4.5"]
#   remediation: |
#     metadata = {
#       serial-port-enable = "FALSE"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_instances)
	_metadata(r, "serial-port-enable") in _truthy
	finding := lib.finding.fail(rego.metadata.rule(), r, "metadata.serial-port-enable", "instance enables interactive serial port access")
}

# METADATA
# title: Compute instances keep OS Login and block project-wide SSH keys
# description: Instance metadata must not set enable-oslogin = false (SSH access then bypasses IAM), and must not set block-project-ssh-keys = false.
# custom:
#   id: GCP-NET-011
#   severity: medium
#   controls: ["PCI-DSS-4.0:8.2.1", "PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "CIS-GCP-2.0:4.2", "CIS-GCP-2.0:4.4"]
#   remediation: |
#     metadata = {
#       enable-oslogin = "TRUE"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_instances)
	some key in ["enable-oslogin", "block-project-ssh-keys"]
	_metadata(r, key) in _falsy
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("metadata.%s", [key]), sprintf("instance metadata sets %s = %q", [key, r.values.metadata[key]]))
}

# METADATA
# title: GKE nodes are private
# description: google_container_cluster must set private_cluster_config.enable_private_nodes = true (nodes without external IPs).
# custom:
#   id: GCP-NET-012
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GKE-1.5:5.6.5"]
#   remediation: |
#     private_cluster_config {
#       enable_private_nodes    = true
#       enable_private_endpoint = false
#       master_ipv4_cidr_block  = "172.16.0.0/28"
#     }
deny contains finding if {
	some r in lib.resources.planned("google_container_cluster")
	not lib.values.is_true(r, ["private_cluster_config", 0, "enable_private_nodes"])
	not lib.values.is_true(r, ["network_config", 0, "enable_private_nodes"])
	status := _unset_status(r, ["private_cluster_config"])
	finding := lib.finding.result(rego.metadata.rule(), r, "private_cluster_config[0].enable_private_nodes", "cluster nodes have external IPs (enable_private_nodes unset or false)", status)
}

_master_networks(r) := lib.values.get(r, ["master_authorized_networks_config"], [])

_master_restricted(r) if lib.values.is_true(r, ["private_cluster_config", 0, "enable_private_endpoint"])

_master_restricted(r) if {
	count(_master_networks(r)) > 0
	every c in _master_networks(r) {
		every b in object.get(c, "cidr_blocks", []) {
			not b.cidr_block in lib.google.world
		}
	}
}

# METADATA
# title: GKE control planes accept authorized networks only
# description: google_container_cluster must have a private endpoint or a master_authorized_networks_config block, none of whose cidr_blocks is 0.0.0.0/0.
# custom:
#   id: GCP-NET-013
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-GKE-1.5:5.6.3"]
#   remediation: |
#     master_authorized_networks_config {
#       cidr_blocks {
#         cidr_block   = "203.0.113.0/24"
#         display_name = "office"
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("google_container_cluster")
	not _master_restricted(r)
	status := _unset_status(r, ["master_authorized_networks_config"])
	finding := lib.finding.result(rego.metadata.rule(), r, "master_authorized_networks_config", "cluster control plane accepts connections from any address (no master_authorized_networks_config, or one with 0.0.0.0/0)", status)
}

# METADATA
# title: GKE legacy ABAC is disabled
# description: google_container_cluster must not set enable_legacy_abac = true (it grants broad, unaudited permissions; use RBAC).
# custom:
#   id: GCP-NET-014
#   severity: high
#   controls: ["PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "CIS-GKE-1.5:5.8.3"]
#   remediation: |
#     resource "google_container_cluster" "this" {
#       enable_legacy_abac = false
#     }
deny contains finding if {
	some r in lib.resources.planned("google_container_cluster")
	lib.values.is_true(r, ["enable_legacy_abac"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "enable_legacy_abac", "cluster enables legacy ABAC authorization")
}

_network_policy(r) if lib.values.is_true(r, ["network_policy", 0, "enabled"])

# Dataplane V2 enforces network policies without the add-on.
_network_policy(r) if lib.values.get(r, ["datapath_provider"], "") == "ADVANCED_DATAPATH"

# Autopilot clusters always enforce network policies (Dataplane V2).
_network_policy(r) if lib.values.is_true(r, ["enable_autopilot"])

# METADATA
# title: GKE clusters enforce network policies
# description: google_container_cluster must enable network_policy (or use Dataplane V2, datapath_provider = "ADVANCED_DATAPATH") so pods can be isolated from one another.
# custom:
#   id: GCP-NET-015
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.2.1", "SOC2:CC6.6", "CIS-GKE-1.5:5.6.7"]
#   remediation: |
#     resource "google_container_cluster" "this" {
#       datapath_provider = "ADVANCED_DATAPATH"
#     }
deny contains finding if {
	some r in lib.resources.planned("google_container_cluster")
	not _network_policy(r)
	status := _network_policy_status(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "network_policy", "cluster enforces no network policies (network_policy disabled, no Dataplane V2)", status)
}

_network_policy_status(r) := "unknown" if {
	some path in [["network_policy"], ["datapath_provider"]]
	lib.values.unknown(r, path)
	lib.google.may_be_set(r, path)
} else := "fail"

_dataset_iam := {"google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding", "google_bigquery_table_iam_member", "google_bigquery_table_iam_binding"}

# METADATA
# title: BigQuery datasets are not public
# description: google_bigquery_dataset access entries and dataset/table IAM members must not grant allUsers or allAuthenticatedUsers.
# custom:
#   id: GCP-NET-016
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.4.1", "PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "CIS-GCP-2.0:7.1"]
#   remediation: |
#     access {
#       role           = "READER"
#       group_by_email = "analysts@example.com"   # never special_group = "allAuthenticatedUsers"
#     }
deny contains finding if {
	some p in array.concat(public_grants(_dataset_iam, {}, {}), _public_dataset_access)
	finding := lib.finding.fail(rego.metadata.rule(), p.resource, p.attribute, sprintf("%s grants %s to %s", [p.attribute, p.role, p.member]))
}

_public_dataset_access := [{"resource": r, "attribute": sprintf("access[%d]", [i]), "member": member, "role": object.get(access, "role", "a role")} |
	some r in lib.resources.planned("google_bigquery_dataset")
	some i, access in lib.values.get(r, ["access"], [])
	some attr in ["special_group", "iam_member"]
	member := access[attr]
	member in lib.google.public_members
]

# METADATA
# title: Compute instances do not forward IP packets
# description: google_compute_instance must not set can_ip_forward = true unless it is a network appliance (routes traffic it does not own).
# custom:
#   id: GCP-NET-017
#   severity: low
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6", "CIS-GCP-2.0:4.6"]
#   remediation: |
#     resource "google_compute_instance" "this" {
#       can_ip_forward = false
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_instances)
	lib.values.is_true(r, ["can_ip_forward"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "can_ip_forward", "instance forwards IP packets (can_ip_forward = true)")
}
