package tfguard.azure.encryption_test

import data.tfguard.azure.encryption
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(encryption.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(encryption.deny, "unknown") with input as cfx.plan(changes)
}

_restricted := {"owner": "a", "Data-Classification": "Restricted"}

_account(extra) := cfx.create("azurerm_storage_account", "s", object.union({"name": "s", "location": "westeurope", "tags": object.get(extra, "tags", cfx.good_tags)}, extra))

# AZ-ENC-001
test_infrastructure_encryption_passes if not "AZ-ENC-001" in _ids([_account({"infrastructure_encryption_enabled": true})])

test_infrastructure_encryption_off_fails if "AZ-ENC-001" in _ids([_account({"infrastructure_encryption_enabled": false})])

# AZ-ENC-002 (tag names are case-insensitive: Data-Classification counts)
test_storage_cmk_inline_passes if {
	not "AZ-ENC-002" in _ids([_account({"tags": _restricted, "infrastructure_encryption_enabled": true, "customer_managed_key": [{"key_vault_key_id": "https://kv.vault.azure.net/keys/k/1"}]})])
}

test_storage_cmk_resource_by_reference_passes if {
	cmk := cfx.create_unknown("azurerm_storage_account_customer_managed_key", "k", {}, {"storage_account_id": true})
	doc := cfx.plan_with([_account({"tags": _restricted}), cmk], [cfx.conf("azurerm_storage_account_customer_managed_key", "k", {"storage_account_id": ["azurerm_storage_account.s.id", "azurerm_storage_account.s"]})], {})
	not "AZ-ENC-002" in cfx.ids(encryption.deny, "fail") with input as doc
}

test_storage_without_cmk_for_restricted_data_fails if "AZ-ENC-002" in _ids([_account({"tags": _restricted, "customer_managed_key": []})])

test_storage_internal_data_needs_no_cmk if not "AZ-ENC-002" in _ids([_account({"customer_managed_key": []})])

# AZ-ENC-003
test_mssql_cmk_tde_resource_passes if {
	tde := cfx.create_unknown("azurerm_mssql_server_transparent_data_encryption", "t", {}, {"server_id": true, "key_vault_key_id": true})
	conf := cfx.conf("azurerm_mssql_server_transparent_data_encryption", "t", {"server_id": ["azurerm_mssql_server.db.id", "azurerm_mssql_server.db"], "key_vault_key_id": ["azurerm_key_vault_key.k.id", "azurerm_key_vault_key.k"]})
	doc := cfx.plan_with([cfx.create("azurerm_mssql_server", "db", {"tags": _restricted}), tde], [conf], {})
	not "AZ-ENC-003" in cfx.ids(encryption.deny, "fail") with input as doc
	not "AZ-ENC-003" in cfx.ids(encryption.deny, "unknown") with input as doc
}

test_mssql_service_managed_tde_for_restricted_data_fails if "AZ-ENC-003" in _ids([cfx.create("azurerm_mssql_server", "db", {"tags": _restricted, "transparent_data_encryption_key_vault_key_id": null})])

# AZ-ENC-004
test_mssql_database_tde_default_passes if not "AZ-ENC-004" in _ids([cfx.create("azurerm_mssql_database", "d", {"transparent_data_encryption_enabled": true})])

test_mssql_database_tde_off_fails if "AZ-ENC-004" in _ids([cfx.create("azurerm_mssql_database", "d", {"transparent_data_encryption_enabled": false})])

# AZ-ENC-005
test_disk_with_encryption_set_passes if not "AZ-ENC-005" in _ids([cfx.create("azurerm_managed_disk", "d", {"tags": _restricted, "disk_encryption_set_id": "/subscriptions/x/des"})])

test_disk_without_encryption_set_fails if "AZ-ENC-005" in _ids([cfx.create("azurerm_managed_disk", "d", {"tags": _restricted, "disk_encryption_set_id": null})])

test_disk_unknown_encryption_set_is_unknown if "AZ-ENC-005" in _unknown_ids([cfx.create_unknown("azurerm_managed_disk", "d", {"tags": _restricted}, {"disk_encryption_set_id": true})])

# AZ-ENC-006 / 007
_vm(extra) := cfx.create("azurerm_linux_virtual_machine", "vm", object.union({"location": "westeurope", "os_disk": [{"caching": "ReadWrite"}]}, extra))

test_vm_encryption_at_host_passes if not "AZ-ENC-006" in _ids([_vm({"encryption_at_host_enabled": true})])

test_vm_without_encryption_at_host_fails if "AZ-ENC-006" in _ids([_vm({"encryption_at_host_enabled": null})])

test_vm_os_disk_encryption_set_passes if not "AZ-ENC-007" in _ids([_vm({"tags": _restricted, "os_disk": [{"disk_encryption_set_id": "/subscriptions/x/des"}]})])

test_vm_os_disk_without_encryption_set_fails if "AZ-ENC-007" in _ids([_vm({"tags": _restricted})])

# AZ-ENC-008 / 009
_vault(extra) := cfx.create("azurerm_key_vault", "kv", object.union({"purge_protection_enabled": true, "soft_delete_retention_days": 90}, extra))

test_vault_purge_protection_passes if not "AZ-ENC-008" in _ids([_vault({})])

test_vault_without_purge_protection_fails if "AZ-ENC-008" in _ids([_vault({"purge_protection_enabled": false})])

test_vault_soft_delete_passes if not "AZ-ENC-009" in _ids([_vault({})])

test_vault_soft_delete_disabled_fails if "AZ-ENC-009" in _ids([_vault({"soft_delete_enabled": false})])

# AZ-ENC-010
test_key_with_rotation_policy_passes if {
	not "AZ-ENC-010" in _ids([cfx.create("azurerm_key_vault_key", "k", {"rotation_policy": [{"automatic": [{"time_before_expiry": "P30D"}], "expire_after": "P365D"}]})])
}

test_key_without_rotation_policy_fails if "AZ-ENC-010" in _ids([cfx.create("azurerm_key_vault_key", "k", {"rotation_policy": []})])

# AZ-ENC-011
test_flexible_server_cmk_passes if {
	not "AZ-ENC-011" in _ids([cfx.create("azurerm_postgresql_flexible_server", "p", {"tags": _restricted, "customer_managed_key": [{"key_vault_key_id": "https://kv/keys/k"}]})])
}

test_flexible_server_without_cmk_fails if "AZ-ENC-011" in _ids([cfx.create("azurerm_mysql_flexible_server", "m", {"tags": _restricted, "customer_managed_key": []})])
