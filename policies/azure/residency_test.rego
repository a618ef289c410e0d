package tfguard.azure.residency_test

import data.tfguard.azure.residency
import data.tfguard.test.cloud_fixtures as cfx

_eu := {"allowed_regions": {"azurerm": ["West Europe", "northeurope"]}}

_findings(changes, params) := fs if {
	fs := residency.deny with input as cfx.plan(changes) with data.tfguard.params as params
}

_ids(changes, params, status) := {f.id | some f in _findings(changes, params); f.status == status}

_rg(location) := cfx.create("azurerm_resource_group", "rg", {"location": location})

# AZ-RES-001
test_unrestricted_by_default if count(_findings([_rg("eastus")], {})) == 0

test_allowed_location_passes_whatever_its_spelling if not "AZ-RES-001" in _ids([_rg("West Europe"), _rg("westeurope")], _eu, "fail")

test_location_outside_allowed_fails if "AZ-RES-001" in _ids([_rg("eastus")], _eu, "fail")

test_unknown_location_is_unknown if "AZ-RES-001" in _ids([cfx.create_unknown("azurerm_virtual_network", "v", {}, {"location": true})], _eu, "unknown")

test_global_and_unlocated_resources_are_skipped if {
	count(_findings([cfx.create("azurerm_frontdoor", "f", {"location": "Global"}), cfx.create("azurerm_subnet", "s", {"name": "s"})], _eu)) == 0
}

# AZ-RES-002
_cls := {"classification_regions": {"restricted": ["germanywestcentral", "germanynorth"]}}

_restricted := {"data-classification": "restricted"}

test_classified_resource_in_its_location_passes if {
	not "AZ-RES-002" in _ids([cfx.create("azurerm_storage_account", "s", {"location": "germanywestcentral", "tags": _restricted})], _cls, "fail")
}

test_classified_resource_outside_its_location_fails if {
	"AZ-RES-002" in _ids([cfx.create("azurerm_storage_account", "s", {"location": "westeurope", "tags": _restricted})], _cls, "fail")
}

# AZ-RES-003
_account(location, replication) := cfx.create("azurerm_storage_account", "s", {"location": location, "account_replication_type": replication})

test_grs_to_allowed_pair_passes if not "AZ-RES-003" in _ids([_account("westeurope", "GRS")], _eu, "fail")

test_zrs_stays_in_region if not "AZ-RES-003" in _ids([_account("uksouth", "ZRS")], {"allowed_regions": ["uksouth"]}, "fail")

test_grs_to_pair_outside_allowed_fails if {
	fs := _findings([_account("uksouth", "RAGRS")], {"allowed_regions": ["uksouth"]})
	some f in fs
	f.id == "AZ-RES-003"
	contains(f.msg, "ukwest")
}

test_grs_of_classified_data_follows_classification if {
	r := cfx.create("azurerm_storage_account", "s", {"location": "germanywestcentral", "account_replication_type": "GZRS", "tags": _restricted})
	not "AZ-RES-003" in _ids([r], _cls, "fail")
	"AZ-RES-003" in _ids([r], {"classification_regions": {"restricted": ["germanywestcentral"]}}, "fail")
}

# AZ-RES-004
_server(name, location) := cfx.create("azurerm_mssql_server", name, {"location": location})

_failover_doc(partner_location) := cfx.plan_with(
	[_server("primary", "westeurope"), _server("secondary", partner_location), cfx.create_unknown("azurerm_mssql_failover_group", "fg", {"partner_server": [{}]}, {"server_id": true, "partner_server": [{"id": true, "location": true}]})],
	[{"address": "azurerm_mssql_failover_group.fg", "mode": "managed", "type": "azurerm_mssql_failover_group", "name": "fg", "provider_config_key": "azurerm", "expressions": {
		"server_id": {"references": ["azurerm_mssql_server.primary.id", "azurerm_mssql_server.primary"]},
		"partner_server": [{"id": {"references": ["azurerm_mssql_server.secondary.id", "azurerm_mssql_server.secondary"]}}],
	}}],
	{},
)

test_failover_partner_in_allowed_location_passes if {
	fs := residency.deny with input as _failover_doc("northeurope") with data.tfguard.params as _eu
	count([f | some f in fs; f.id == "AZ-RES-004"]) == 0
}

test_failover_partner_outside_allowed_fails if {
	fs := residency.deny with input as _failover_doc("eastus") with data.tfguard.params as _eu
	some f in fs
	f.id == "AZ-RES-004"
	f.status == "fail"
	f.attribute == "partner_server[0]"
}

# AZ-RES-005
_database_doc(server_location, backup) := cfx.plan_with(
	[_server("db", server_location), cfx.create_unknown("azurerm_mssql_database", "d", {"storage_account_type": backup}, {"server_id": true})],
	[cfx.conf("azurerm_mssql_database", "d", {"server_id": ["azurerm_mssql_server.db.id", "azurerm_mssql_server.db"]})],
	{},
)

test_local_backups_pass if {
	fs := residency.deny with input as _database_doc("uksouth", "Local") with data.tfguard.params as {"allowed_regions": ["uksouth"]}
	count(fs) == 0
}

test_geo_backups_to_disallowed_pair_fail if {
	fs := residency.deny with input as _database_doc("uksouth", "Geo") with data.tfguard.params as {"allowed_regions": ["uksouth"]}
	{[f.id, f.status] | some f in fs} == {["AZ-RES-005", "fail"]}
}

# AZ-RES-006
test_flexible_server_without_geo_backup_passes if {
	not "AZ-RES-006" in _ids([cfx.create("azurerm_postgresql_flexible_server", "p", {"location": "uksouth", "geo_redundant_backup_enabled": false})], {"allowed_regions": ["uksouth"]}, "fail")
}

test_flexible_server_geo_backup_outside_allowed_fails if {
	"AZ-RES-006" in _ids([cfx.create("azurerm_postgresql_flexible_server", "p", {"location": "uksouth", "geo_redundant_backup_enabled": true})], {"allowed_regions": ["uksouth"]}, "fail")
}

test_unpaired_region_is_unknown if {
	"AZ-RES-006" in _ids([cfx.create("azurerm_mysql_flexible_server", "m", {"location": "polandcentral", "geo_redundant_backup_enabled": true})], {"allowed_regions": ["polandcentral"]}, "unknown")
}

# AZ-RES-007
_cosmos(locations) := cfx.create("azurerm_cosmosdb_account", "c", {"location": "westeurope", "geo_location": [{"location": l, "failover_priority": i} | some i, l in locations]})

test_cosmos_regions_allowed_pass if not "AZ-RES-007" in _ids([_cosmos(["westeurope", "North Europe"])], _eu, "fail")

test_cosmos_region_outside_allowed_fails if "AZ-RES-007" in _ids([_cosmos(["westeurope", "eastus"])], _eu, "fail")

# AZ-RES-008
_replica_doc(replica_location) := cfx.plan_with(
	[
		_server("primary", "germanywestcentral"), _server("secondary", replica_location),
		cfx.create("azurerm_mssql_database", "primary", {"tags": _restricted, "storage_account_type": "Local"}),
		cfx.create_unknown("azurerm_mssql_database", "replica", {"create_mode": "Secondary", "storage_account_type": "Local"}, {"server_id": true, "creation_source_database_id": true}),
	],
	[{"address": "azurerm_mssql_database.replica", "mode": "managed", "type": "azurerm_mssql_database", "name": "replica", "provider_config_key": "azurerm", "expressions": {
		"server_id": {"references": ["azurerm_mssql_server.secondary.id", "azurerm_mssql_server.secondary"]},
		"creation_source_database_id": {"references": ["azurerm_mssql_database.primary.id", "azurerm_mssql_database.primary"]},
	}}],
	{},
)

test_geo_replica_in_classification_location_passes if {
	fs := residency.deny with input as _replica_doc("germanynorth") with data.tfguard.params as _cls
	count([f | some f in fs; f.id == "AZ-RES-008"]) == 0
}

test_geo_replica_of_classified_database_outside_fails if {
	fs := residency.deny with input as _replica_doc("westeurope") with data.tfguard.params as _cls
	some f in fs
	f.id == "AZ-RES-008"
	f.status == "fail"
}
