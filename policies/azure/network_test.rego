package tfguard.azure.network_test

import data.tfguard.azure.network
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(network.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(network.deny, "unknown") with input as cfx.plan(changes)
}

_rule(source, ports) := {
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_address_prefix": source, "source_address_prefixes": [], "source_port_range": "*",
	"destination_port_range": "", "destination_port_ranges": ports, "destination_address_prefix": "*",
}

_nsg(rules) := cfx.create("azurerm_network_security_group", "n", {"security_rule": rules})

# AZ-NET-001
test_ssh_from_vpn_range_passes if not "AZ-NET-001" in _ids([_nsg([_rule("10.0.0.0/8", ["22"])])])

test_ssh_from_internet_fails if {
	findings := network.deny with input as cfx.plan([_nsg([_rule("Internet", ["20-25"])])])
	some f in findings
	f.id == "AZ-NET-001"
	f.attribute == "security_rule[0]"
	contains(f.msg, "[22]")
}

test_standalone_rdp_rule_from_any_prefix_fails if {
	rule := cfx.create("azurerm_network_security_rule", "r", {"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": null, "source_address_prefixes": ["10.1.0.0/16", "*"], "destination_port_range": "3389"})
	"AZ-NET-001" in _ids([rule])
}

test_deny_rule_passes if {
	rule := cfx.create("azurerm_network_security_rule", "r", {"direction": "Inbound", "access": "Deny", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "3389"})
	not "AZ-NET-001" in _ids([rule])
}

# AZ-NET-002
test_https_from_internet_passes if not "AZ-NET-002" in _ids([_nsg([_rule("*", ["443"])])])

test_postgres_from_internet_fails if "AZ-NET-002" in _ids([_nsg([_rule("0.0.0.0/0", ["5432"])])])

# AZ-NET-003
test_single_port_is_not_all_ports if not "AZ-NET-003" in _ids([_nsg([_rule("*", ["443"])])])

test_all_ports_from_internet_fails if {
	ids := _ids([_nsg([object.union(_rule("*", []), {"destination_port_range": "*", "protocol": "*"})])])
	"AZ-NET-003" in ids
	not "AZ-NET-001" in ids
}

# AZ-NET-004
_account(extra) := cfx.create("azurerm_storage_account", "s", object.union({"name": "s", "public_network_access_enabled": true}, extra))

test_storage_default_deny_passes if not "AZ-NET-004" in _ids([_account({"network_rules": [{"default_action": "Deny"}]})])

test_storage_private_passes if not "AZ-NET-004" in _ids([_account({"public_network_access_enabled": false})])

test_storage_default_allow_fails if "AZ-NET-004" in _ids([_account({"network_rules": [{"default_action": "Allow"}]})])

test_storage_rules_resource_by_reference if {
	rules := cfx.create_unknown("azurerm_storage_account_network_rules", "n", {"default_action": "Deny"}, {"storage_account_id": true})
	doc := cfx.plan_with([_account({}), rules], [cfx.conf("azurerm_storage_account_network_rules", "n", {"storage_account_id": ["azurerm_storage_account.s.id", "azurerm_storage_account.s"]})], {})
	count([f | some f in network.deny; f.id == "AZ-NET-004"]) == 0 with input as doc
}

test_storage_computed_network_rules_is_unknown if "AZ-NET-004" in _unknown_ids([cfx.create_unknown("azurerm_storage_account", "s", {}, {"network_rules": true})])

# AZ-NET-005
test_storage_nested_public_off_passes if not "AZ-NET-005" in _ids([_account({"allow_nested_items_to_be_public": false})])

test_storage_nested_public_default_fails if "AZ-NET-005" in _ids([_account({"allow_nested_items_to_be_public": true})])

test_v2_blob_public_access_fails if "AZ-NET-005" in _ids([_account({"allow_blob_public_access": true})])

test_public_container_fails if "AZ-NET-005" in _ids([cfx.create("azurerm_storage_container", "c", {"container_access_type": "blob"})])

# AZ-NET-006
test_mssql_private_passes if not "AZ-NET-006" in _ids([cfx.create("azurerm_mssql_server", "s", {"public_network_access_enabled": false})])

test_mssql_public_fails if "AZ-NET-006" in _ids([cfx.create("azurerm_mssql_server", "s", {"public_network_access_enabled": true})])

# AZ-NET-007 / 008
_fw(start, end) := cfx.create("azurerm_mssql_firewall_rule", "f", {"start_ip_address": start, "end_ip_address": end})

test_narrow_firewall_rule_passes if {
	ids := _ids([_fw("203.0.113.10", "203.0.113.20")])
	not "AZ-NET-007" in ids
	not "AZ-NET-008" in ids
}

test_open_firewall_rule_fails if "AZ-NET-007" in _ids([_fw("0.0.0.0", "255.255.255.255")])

test_wide_firewall_rule_fails if "AZ-NET-007" in _ids([cfx.create("azurerm_sql_firewall_rule", "f", {"start_ip_address": "1.0.0.0", "end_ip_address": "100.0.0.0"})])

test_allow_azure_services_fails if {
	ids := _ids([_fw("0.0.0.0", "0.0.0.0")])
	"AZ-NET-008" in ids
	not "AZ-NET-007" in ids
}

# AZ-NET-009
test_vnet_injected_flexible_server_passes if {
	not "AZ-NET-009" in _ids([cfx.create("azurerm_postgresql_flexible_server", "p", {"delegated_subnet_id": "/subscriptions/x/subnets/db"})])
}

test_public_flexible_server_fails if "AZ-NET-009" in _ids([cfx.create("azurerm_mysql_flexible_server", "m", {"delegated_subnet_id": null, "public_network_access_enabled": true})])

test_public_single_server_fails if "AZ-NET-009" in _ids([cfx.create("azurerm_postgresql_server", "p", {"public_network_access_enabled": true})])

# AZ-NET-010
test_vault_default_deny_passes if not "AZ-NET-010" in _ids([cfx.create("azurerm_key_vault", "kv", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]})])

test_vault_open_fails if "AZ-NET-010" in _ids([cfx.create("azurerm_key_vault", "kv", {"network_acls": [{"default_action": "Allow"}]})])

# AZ-NET-011 / 012
test_private_aks_passes if not "AZ-NET-011" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"private_cluster_enabled": true})])

test_aks_authorized_ranges_pass if {
	not "AZ-NET-011" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"private_cluster_enabled": false, "api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})])
}

test_public_aks_fails if "AZ-NET-011" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"private_cluster_enabled": false, "api_server_access_profile": [], "api_server_authorized_ip_ranges": []})])

test_aks_world_range_fails if {
	"AZ-NET-011" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"private_cluster_enabled": false, "api_server_authorized_ip_ranges": ["0.0.0.0/0"]})])
}

test_aks_network_policy_passes if not "AZ-NET-012" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"network_profile": [{"network_policy": "azure"}]})])

test_aks_without_network_policy_fails if "AZ-NET-012" in _ids([cfx.create("azurerm_kubernetes_cluster", "k", {"network_profile": [{"network_plugin": "kubenet"}]})])
