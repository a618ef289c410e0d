# METADATA
# title: Azure network isolation
# description: Nothing sensitive faces the internet; NSG rules, storage, databases, key vaults and Kubernetes API servers stay closed to any source.
package tfguard.azure.network

import data.tfguard.lib

# Every inbound Allow NSG rule whose source is the internet, normalised:
# {resource, attribute, source, protocol (lower-cased), ports (destination port specifications)}.
internet_inbound := array.concat(_inline_rules, _standalone_rules)

_inline_rules := [_rule(r, sprintf("security_rule[%d]", [i]), rule, s.prefix) |
	some r in lib.resources.planned("azurerm_network_security_group")
	some i, rule in lib.values.get(r, ["security_rule"], [])
	is_object(rule)
	some s in _internet_sources(rule)
]

_standalone_rules := [_rule(r, s.attribute, r.values, s.prefix) |
	some r in lib.resources.planned("azurerm_network_security_rule")
	some s in _internet_sources(r.values)
]

# {attribute, prefix} of the rule's internet sources, when it is an inbound Allow rule.
_internet_sources(rule) := {{"attribute": attr, "prefix": p} |
	lower(object.get(rule, "direction", "")) == "inbound"
	lower(object.get(rule, "access", "")) == "allow"
	some attr in ["source_address_prefix", "source_address_prefixes"]
	some p in _as_list(object.get(rule, attr, null))
	lib.azure.is_internet_prefix(p)
}

_as_list(x) := x if is_array(x)

_as_list(x) := [x] if not is_array(x)

_list(x) := x if is_array(x)

_list(x) := [] if not is_array(x)

_rule(r, attribute, rule, source) := {
	"resource": r,
	"attribute": attribute,
	"source": source,
	"protocol": lower(object.get(rule, "protocol", "*")),
	"ports": [p |
		some p in array.concat([object.get(rule, "destination_port_range", null)], _list(object.get(rule, "destination_port_ranges", [])))
		is_string(p)
		p != ""
	],
}

_tcp_protocols := {"tcp", "*"}

# Whether a normalised rule admits TCP `port`.
opens_port(rule, port) if {
	rule.protocol in _tcp_protocols
	some spec in rule.ports
	lib.ports.covers(spec, port)
}

_every_port(rule) if {
	rule.protocol != "icmp"
	some spec in rule.ports
	lib.ports.covers_all(spec)
}

# METADATA
# title: No administration ports open to the internet
# description: NSG rules must not allow inbound traffic from *, Internet, Any or 0.0.0.0/0 to SSH, RDP or WinRM (params.admin_ports).
# custom:
#   id: AZ-NET-001
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AZURE-2.0:6.1", "CIS-AZURE-2.0:6.2"]
#   remediation: |
#     security_rule {
#       name                       = "ssh-from-bastion"
#       direction                  = "Inbound"
#       access                     = "Allow"
#       protocol                   = "Tcp"
#       destination_port_range     = "22"
#       source_address_prefix      = "10.0.0.0/24"   # a bastion or VPN range, never * or Internet
#       source_port_range          = "*"
#       destination_address_prefix = "*"
#       priority                   = 100
#     }
deny contains finding if {
	some rule in internet_inbound
	not _every_port(rule)
	ports := [p | some p in lib.params.admin_ports; opens_port(rule, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows inbound traffic from %q to administration port(s) %v", [rule.attribute, rule.source, ports]))
}

# METADATA
# title: No database or cache ports open to the internet
# description: NSG rules must not allow inbound traffic from the internet to database, cache or search ports (params.sensitive_ports).
# custom:
#   id: AZ-NET-002
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     security_rule {
#       destination_port_range = "5432"
#       source_address_prefix  = "VirtualNetwork"   # never * or Internet
#     }
deny contains finding if {
	some rule in internet_inbound
	not _every_port(rule)
	ports := [p | some p in lib.params.sensitive_ports; opens_port(rule, p)]
	count(ports) > 0
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows inbound traffic from %q to database/cache port(s) %v", [rule.attribute, rule.source, ports]))
}

# METADATA
# title: No NSG rule opens every port to the internet
# description: NSG rules must not allow inbound traffic from the internet to every destination port (destination_port_range = "*").
# custom:
#   id: AZ-NET-003
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AZURE-2.0:6.3"]
#   remediation: |
#     security_rule {
#       destination_port_range = "443"   # only the ports the service needs
#     }
deny contains finding if {
	some rule in internet_inbound
	_every_port(rule)
	finding := lib.finding.fail(rego.metadata.rule(), rule.resource, rule.attribute, sprintf("%s allows inbound %s traffic from %q to every port", [rule.attribute, rule.protocol, rule.source]))
}

_storage_rules(account) := lib.refs.linked_from({"azurerm_storage_account_network_rules"}, ["storage_account_id"], account, ["id"])

_storage_closed(r) if lib.values.is_false(r, ["public_network_access_enabled"])

_storage_closed(r) if lib.values.get(r, ["network_rules", 0, "default_action"], "") == "Deny"

_storage_closed(r) if {
	some rules in _storage_rules(r)
	lib.values.get(rules, ["default_action"], "") == "Deny"
}

# METADATA
# title: Storage accounts deny access from all networks
# description: azurerm_storage_account must set public_network_access_enabled = false, or network rules (inline or azurerm_storage_account_network_rules) with default_action = "Deny".
# custom:
#   id: AZ-NET-004
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AZURE-2.0:3.8"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       network_rules {
#         default_action             = "Deny"
#         virtual_network_subnet_ids = [azurerm_subnet.app.id]
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	not _storage_closed(r)
	status := _storage_open_status(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "network_rules", "storage account accepts traffic from all networks (no default_action = \"Deny\" and public network access enabled)", status)
}

_storage_open_status(r) := "unknown" if {
	some rules in _storage_rules(r)
	lib.values.unknown(rules, ["default_action"])
} else := "unknown" if {
	count(_storage_rules(r)) == 0
	not lib.values.is_set(r, ["network_rules"])
	lib.values.unknown(r, ["network_rules"])
} else := "unknown" if {
	lib.values.unknown(r, ["network_rules", 0, "default_action"])
} else := "fail"

_public_container_access := {"blob", "container"}

# METADATA
# title: Storage does not allow anonymous blob access
# description: azurerm_storage_account must not allow public blob access (allow_nested_items_to_be_public, provider 3.x+, defaults to true; allow_blob_public_access on 2.x), and azurerm_storage_container must keep container_access_type = "private".
# custom:
#   id: AZ-NET-005
#   severity: high
#   controls: ["PCI-DSS-4.0:1.4.1", "PCI-DSS-4.0:7.2.1", "SOC2:CC6.1", "SOC2:CC6.6", "CIS-AZURE-2.0:3.7"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       allow_nested_items_to_be_public = false
#     }
deny contains finding if {
	some p in _public_blob_problems
	finding := lib.finding.result(rego.metadata.rule(), p.resource, p.attribute, p.msg, p.status)
}

_public_blob_problems := array.concat(
	[{"resource": r, "attribute": attr, "msg": sprintf("storage account allows anonymous blob access (%s not false)", [attr]), "status": status} |
		some r in lib.resources.planned("azurerm_storage_account")
		some attr in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
		status := _public_blob_status(r, attr)
	],
	[{"resource": r, "attribute": "container_access_type", "msg": sprintf("container allows anonymous access (container_access_type = %q)", [r.values.container_access_type]), "status": "fail"} |
		some r in lib.resources.planned("azurerm_storage_container")
		lib.values.get(r, ["container_access_type"], "private") in _public_container_access
	],
)

# allow_blob_public_access (2.x) defaulted to false; allow_nested_items_to_be_public (3.x+) defaults to true.
_public_blob_status(r, "allow_blob_public_access") := lib.values.status_true(r, ["allow_blob_public_access"])

_public_blob_status(r, "allow_nested_items_to_be_public") := "fail" if {
	"allow_nested_items_to_be_public" in object.keys(r.values)
	not lib.values.is_false(r, ["allow_nested_items_to_be_public"])
	not lib.values.unknown(r, ["allow_nested_items_to_be_public"])
} else := "unknown" if {
	lib.values.unknown(r, ["allow_nested_items_to_be_public"])
}

# METADATA
# title: SQL servers disable public network access
# description: azurerm_mssql_server must set public_network_access_enabled = false (reach it through private endpoints).
# custom:
#   id: AZ-NET-006
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     resource "azurerm_mssql_server" "this" {
#       public_network_access_enabled = false
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_server")
	not lib.values.is_false(r, ["public_network_access_enabled"])
	status := _unknown_or_fail(r, ["public_network_access_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "public_network_access_enabled", "SQL server accepts connections from public networks (public_network_access_enabled unset or true)", status)
}

_unknown_or_fail(r, path) := "unknown" if {
	lib.values.unknown(r, path)
	object.get(r.values, path, null) == null
} else := "fail"

_firewall_rules := {
	"azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule",
	"azurerm_postgresql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mariadb_firewall_rule", "azurerm_synapse_firewall_rule",
}

_ip_number(ip) := n if {
	parts := split(ip, ".")
	count(parts) == 4
	octets := [to_number(o) | some o in parts]
	n := (((octets[0] * 256) + octets[1]) * 256 + octets[2]) * 256 + octets[3]
}

# Ranges of more than a /8 (16.7 million addresses) are "the internet" for a database.
_internet_range(r) if {
	start := _ip_number(r.values.start_ip_address)
	end := _ip_number(r.values.end_ip_address)
	end - start >= 16777215
}

# METADATA
# title: Database firewall rules do not admit the internet
# description: SQL, PostgreSQL, MySQL, MariaDB and Synapse firewall rules must not span the internet (0.0.0.0–255.255.255.255 or any range wider than a /8).
# custom:
#   id: AZ-NET-007
#   severity: critical
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6", "CIS-AZURE-2.0:4.1.2"]
#   remediation: |
#     resource "azurerm_mssql_firewall_rule" "office" {
#       start_ip_address = "203.0.113.10"
#       end_ip_address   = "203.0.113.20"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_firewall_rules)
	_internet_range(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, "start_ip_address", sprintf("firewall rule admits %s–%s", [r.values.start_ip_address, r.values.end_ip_address]))
}

# METADATA
# title: Database firewalls do not admit every Azure service
# description: A firewall rule from 0.0.0.0 to 0.0.0.0 ("Allow Azure services") admits every Azure tenant's resources; use private endpoints or virtual network rules.
# custom:
#   id: AZ-NET-008
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "SOC2:CC6.6", "CIS-AZURE-2.0:4.1.2"]
#   remediation: |
#     resource "azurerm_mssql_virtual_network_rule" "app" {
#       server_id = azurerm_mssql_server.this.id
#       subnet_id = azurerm_subnet.app.id
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_firewall_rules)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "0.0.0.0"
	finding := lib.finding.fail(rego.metadata.rule(), r, "start_ip_address", "firewall rule 0.0.0.0–0.0.0.0 admits all Azure services, of any tenant")
}

_flexible_servers := {"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"}

_single_servers := {"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"}

# METADATA
# title: PostgreSQL and MySQL servers are not publicly accessible
# description: Flexible servers must be injected in a virtual network (delegated_subnet_id) or set public_network_access_enabled = false; single servers must set public_network_access_enabled = false.
# custom:
#   id: AZ-NET-009
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     resource "azurerm_postgresql_flexible_server" "this" {
#       delegated_subnet_id           = azurerm_subnet.db.id
#       private_dns_zone_id           = azurerm_private_dns_zone.db.id
#       public_network_access_enabled = false
#     }
deny contains finding if {
	some p in _public_database_problems
	finding := lib.finding.result(rego.metadata.rule(), p.resource, p.attribute, p.msg, p.status)
}

_public_database_problems := array.concat(
	[{"resource": r, "attribute": "delegated_subnet_id", "msg": "flexible server has no delegated_subnet_id and public network access is not disabled", "status": status} |
		some r in lib.resources.planned_any(_flexible_servers)
		not lib.values.is_set(r, ["delegated_subnet_id"])
		not lib.refs.references_type(r, ["delegated_subnet_id"], "azurerm_subnet")
		not lib.values.is_false(r, ["public_network_access_enabled"])
		status := _flexible_status(r)
	],
	[{"resource": r, "attribute": "public_network_access_enabled", "msg": "server accepts connections from public networks (public_network_access_enabled unset or true)", "status": status} |
		some r in lib.resources.planned_any(_single_servers)
		not lib.values.is_false(r, ["public_network_access_enabled"])
		status := _unknown_or_fail(r, ["public_network_access_enabled"])
	],
)

_flexible_status(r) := "unknown" if lib.values.unknown(r, ["delegated_subnet_id"]) else := "fail"

_vault_closed(r) if lib.values.is_false(r, ["public_network_access_enabled"])

_vault_closed(r) if lib.values.get(r, ["network_acls", 0, "default_action"], "") == "Deny"

# METADATA
# title: Key vaults deny access from all networks
# description: azurerm_key_vault must have network_acls with default_action = "Deny" (or public_network_access_enabled = false).
# custom:
#   id: AZ-NET-010
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.6", "CIS-AZURE-2.0:8.7"]
#   remediation: |
#     network_acls {
#       default_action = "Deny"
#       bypass         = "AzureServices"
#       ip_rules       = ["203.0.113.0/24"]
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_key_vault")
	not _vault_closed(r)
	status := _unknown_or_fail(r, ["network_acls"])
	finding := lib.finding.result(rego.metadata.rule(), r, "network_acls", "key vault accepts traffic from all networks (no network_acls with default_action = \"Deny\")", status)
}

_aks_ip_ranges(r) := array.concat(
	lib.values.get(r, ["api_server_authorized_ip_ranges"], []),
	lib.values.get(r, ["api_server_access_profile", 0, "authorized_ip_ranges"], []),
)

_aks_restricted(r) if lib.values.is_true(r, ["private_cluster_enabled"])

_aks_restricted(r) if {
	ranges := _aks_ip_ranges(r)
	count(ranges) > 0
	every cidr in ranges {
		not lib.azure.is_internet_prefix(cidr)
	}
}

# METADATA
# title: AKS API servers are not open to the internet
# description: azurerm_kubernetes_cluster must be private (private_cluster_enabled = true) or restrict its API server to authorized IP ranges (api_server_access_profile.authorized_ip_ranges), none of them 0.0.0.0/0.
# custom:
#   id: AZ-NET-011
#   severity: high
#   controls: ["PCI-DSS-4.0:1.3.1", "PCI-DSS-4.0:1.4.1", "SOC2:CC6.6"]
#   remediation: |
#     resource "azurerm_kubernetes_cluster" "this" {
#       api_server_access_profile {
#         authorized_ip_ranges = ["203.0.113.0/24"]
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_kubernetes_cluster")
	not _aks_restricted(r)
	status := _aks_status(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "api_server_access_profile", "cluster API server is public and accepts any source (not private, no authorized_ip_ranges)", status)
}

_aks_status(r) := "unknown" if lib.values.unknown(r, ["api_server_access_profile"]) else := "unknown" if lib.values.unknown(r, ["api_server_authorized_ip_ranges"]) else := "fail"

# METADATA
# title: AKS clusters enforce network policies
# description: azurerm_kubernetes_cluster must set network_profile.network_policy (azure, calico or cilium) so pods can be isolated from one another.
# custom:
#   id: AZ-NET-012
#   severity: medium
#   controls: ["PCI-DSS-4.0:1.2.1", "SOC2:CC6.6"]
#   remediation: |
#     network_profile {
#       network_plugin = "azure"
#       network_policy = "azure"
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_kubernetes_cluster")
	status := lib.values.status_not_set(r, ["network_profile", 0, "network_policy"])
	finding := lib.finding.result(rego.metadata.rule(), r, "network_profile[0].network_policy", "cluster has no network policy engine (network_profile.network_policy unset)", status)
}
