# METADATA
# title: Azure encryption at rest
# description: Storage, databases, disks and keys are encrypted at rest, with customer-managed keys (Key Vault keys, disk encryption sets) where the data's classification requires them.
package tfguard.azure.encryption

import data.tfguard.lib

# Whether the resource's data classification requires a customer-managed key (params.require_cmk).
cmk_required(r) if lib.params.require_cmk[lib.azure.classification(r)] == true

# "fail" | "unknown" unless the attribute at `path` names a key (or disk encryption set). One created in
# the same plan is unknown until apply, but the configuration references it: that is a CMK.
cmk_status(r, path, key_types) := "unknown" if {
	not _references_any(r, path, key_types)
	not lib.values.is_set(r, path)
	lib.values.unknown(r, path)
} else := "fail" if {
	not _references_any(r, path, key_types)
	not lib.values.is_set(r, path)
}

_references_any(r, path, types) if {
	some t in types
	lib.refs.references_type(r, path, t)
}

_key := {"azurerm_key_vault_key", "azurerm_key_vault_managed_hardware_security_module_key"}

_des := {"azurerm_disk_encryption_set"}

# METADATA
# title: Storage accounts use infrastructure encryption
# description: azurerm_storage_account must set infrastructure_encryption_enabled = true (a second layer of encryption at rest).
# custom:
#   id: AZ-ENC-001
#   severity: low
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AZURE-2.0:3.2"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       infrastructure_encryption_enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	status := lib.values.status_not_true(r, ["infrastructure_encryption_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "infrastructure_encryption_enabled", "storage account has infrastructure_encryption_enabled unset or false", status)
}

_storage_cmk_resources(account) := lib.refs.linked_from({"azurerm_storage_account_customer_managed_key"}, ["storage_account_id"], account, ["id"])

# METADATA
# title: Storage accounts with regulated data use a customer-managed key
# description: Accounts whose classification requires a CMK (params.require_cmk) must have a customer_managed_key block or an azurerm_storage_account_customer_managed_key referencing them.
# custom:
#   id: AZ-ENC-002
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-AZURE-2.0:3.12"]
#   remediation: |
#     resource "azurerm_storage_account_customer_managed_key" "this" {
#       storage_account_id = azurerm_storage_account.this.id
#       key_vault_id       = azurerm_key_vault.this.id
#       key_name           = azurerm_key_vault_key.this.name
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	cmk_required(r)
	count(_storage_cmk_resources(r)) == 0
	status := cmk_status(r, ["customer_managed_key", 0, "key_vault_key_id"], _key)
	finding := lib.finding.result(rego.metadata.rule(), r, "customer_managed_key", sprintf("data classification %q requires a customer-managed key but the storage account has none", [lib.azure.classification(r)]), status)
}

_mssql_tde_resources(server) := lib.refs.linked_from({"azurerm_mssql_server_transparent_data_encryption"}, ["server_id"], server, ["id"])

_mssql_tde_cmk(server) if {
	some tde in _mssql_tde_resources(server)
	not cmk_status(tde, ["key_vault_key_id"], _key)
}

# METADATA
# title: SQL servers with regulated data use a customer-managed TDE protector
# description: azurerm_mssql_server whose classification requires a CMK must set transparent_data_encryption_key_vault_key_id, or have an azurerm_mssql_server_transparent_data_encryption with key_vault_key_id.
# custom:
#   id: AZ-ENC-003
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-AZURE-2.0:4.1.3"]
#   remediation: |
#     resource "azurerm_mssql_server_transparent_data_encryption" "this" {
#       server_id        = azurerm_mssql_server.this.id
#       key_vault_key_id = azurerm_key_vault_key.tde.id
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_server")
	cmk_required(r)
	not _mssql_tde_cmk(r)
	status := cmk_status(r, ["transparent_data_encryption_key_vault_key_id"], _key)
	finding := lib.finding.result(rego.metadata.rule(), r, "transparent_data_encryption_key_vault_key_id", sprintf("data classification %q requires a customer-managed TDE protector but the server uses a service-managed key", [lib.azure.classification(r)]), status)
}

# METADATA
# title: SQL databases keep transparent data encryption on
# description: azurerm_mssql_database must not set transparent_data_encryption_enabled = false.
# custom:
#   id: AZ-ENC-004
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1", "CIS-AZURE-2.0:4.1.5"]
#   remediation: |
#     resource "azurerm_mssql_database" "this" {
#       transparent_data_encryption_enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_database")
	lib.values.is_false(r, ["transparent_data_encryption_enabled"])
	finding := lib.finding.fail(rego.metadata.rule(), r, "transparent_data_encryption_enabled", "database disables transparent data encryption")
}

# METADATA
# title: Managed disks with regulated data use a disk encryption set
# description: azurerm_managed_disk whose classification requires a CMK must set disk_encryption_set_id (or secure_vm_disk_encryption_set_id).
# custom:
#   id: AZ-ENC-005
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-AZURE-2.0:7.3"]
#   remediation: |
#     resource "azurerm_managed_disk" "this" {
#       disk_encryption_set_id = azurerm_disk_encryption_set.this.id
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_managed_disk")
	cmk_required(r)
	_no_encryption_set(r, ["secure_vm_disk_encryption_set_id"])
	status := cmk_status(r, ["disk_encryption_set_id"], _des)
	finding := lib.finding.result(rego.metadata.rule(), r, "disk_encryption_set_id", sprintf("data classification %q requires a customer-managed key but the disk has no disk_encryption_set_id", [lib.azure.classification(r)]), status)
}

# Whether a disk encryption set attribute names none (cmk_status is defined: "fail" or "unknown").
_no_encryption_set(r, path) if cmk_status(r, path, _des)

_vm_types := {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"}

# METADATA
# title: Virtual machines encrypt at host
# description: Linux and Windows virtual machines (and scale sets) must set encryption_at_host_enabled = true, so temporary disks and caches are encrypted too.
# custom:
#   id: AZ-ENC-006
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.5.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "azurerm_linux_virtual_machine" "this" {
#       encryption_at_host_enabled = true
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_vm_types)
	status := lib.values.status_not_true(r, ["encryption_at_host_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "encryption_at_host_enabled", "virtual machine has encryption_at_host_enabled unset or false", status)
}

# METADATA
# title: Virtual machine OS disks with regulated data use a disk encryption set
# description: Virtual machines whose classification requires a CMK must set os_disk.disk_encryption_set_id.
# custom:
#   id: AZ-ENC-007
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "CIS-AZURE-2.0:7.3"]
#   remediation: |
#     os_disk {
#       caching                = "ReadWrite"
#       storage_account_type   = "Premium_LRS"
#       disk_encryption_set_id = azurerm_disk_encryption_set.this.id
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_vm_types)
	cmk_required(r)
	status := cmk_status(r, ["os_disk", 0, "disk_encryption_set_id"], _des)
	finding := lib.finding.result(rego.metadata.rule(), r, "os_disk[0].disk_encryption_set_id", sprintf("data classification %q requires a customer-managed key but the OS disk has no disk_encryption_set_id", [lib.azure.classification(r)]), status)
}

# METADATA
# title: Key vaults have purge protection
# description: azurerm_key_vault must set purge_protection_enabled = true, so deleted keys (and the data they protect) can be recovered.
# custom:
#   id: AZ-ENC-008
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.6.1", "SOC2:CC6.1", "SOC2:A1.2", "CIS-AZURE-2.0:8.5"]
#   remediation: |
#     resource "azurerm_key_vault" "this" {
#       purge_protection_enabled   = true
#       soft_delete_retention_days = 90
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_key_vault")
	status := lib.values.status_not_true(r, ["purge_protection_enabled"])
	finding := lib.finding.result(rego.metadata.rule(), r, "purge_protection_enabled", "key vault has purge_protection_enabled unset or false", status)
}

# METADATA
# title: Key vaults keep soft delete
# description: azurerm_key_vault must not disable soft delete (soft_delete_enabled = false, provider 2.x) nor keep deleted objects fewer than 7 days.
# custom:
#   id: AZ-ENC-009
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.6.1", "SOC2:A1.2", "CIS-AZURE-2.0:8.5"]
#   remediation: |
#     resource "azurerm_key_vault" "this" {
#       soft_delete_retention_days = 90
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_key_vault")
	some p in _soft_delete_problems(r)
	finding := lib.finding.fail(rego.metadata.rule(), r, p.attribute, p.msg)
}

_soft_delete_problems(r) := array.concat(
	[{"attribute": "soft_delete_enabled", "msg": "key vault disables soft delete"} | lib.values.is_false(r, ["soft_delete_enabled"])],
	[{"attribute": "soft_delete_retention_days", "msg": sprintf("key vault keeps deleted objects only %v days", [days])} |
		days := lib.values.get(r, ["soft_delete_retention_days"], 90)
		is_number(days)
		days < 7
	],
)

# METADATA
# title: Key Vault keys rotate
# description: azurerm_key_vault_key must have a rotation_policy that rotates automatically (cryptoperiod, PCI DSS 3.7.4).
# custom:
#   id: AZ-ENC-010
#   severity: medium
#   controls: ["PCI-DSS-4.0:3.7.4", "SOC2:CC6.1"]
#   remediation: |
#     rotation_policy {
#       automatic { time_before_expiry = "P30D" }
#       expire_after         = "P365D"
#       notify_before_expiry = "P29D"
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_key_vault_key")
	not _auto_rotates(r)
	status := _unknown_or_fail(r, ["rotation_policy"])
	finding := lib.finding.result(rego.metadata.rule(), r, "rotation_policy", "key has no rotation_policy with automatic rotation", status)
}

_auto_rotates(r) if {
	some a in lib.values.get(r, ["rotation_policy", 0, "automatic"], [])
	some attr in ["time_before_expiry", "time_after_create"]
	is_string(a[attr])
	a[attr] != ""
}

_unknown_or_fail(r, path) := "unknown" if lib.values.unknown(r, path) else := "fail"

_flexible_servers := {"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"}

# METADATA
# title: Flexible database servers with regulated data use a customer-managed key
# description: PostgreSQL and MySQL flexible servers whose classification requires a CMK must set customer_managed_key.key_vault_key_id.
# custom:
#   id: AZ-ENC-011
#   severity: high
#   controls: ["PCI-DSS-4.0:3.5.1", "PCI-DSS-4.0:3.6.1", "SOC2:CC6.1"]
#   remediation: |
#     resource "azurerm_postgresql_flexible_server" "this" {
#       customer_managed_key {
#         key_vault_key_id                  = azurerm_key_vault_key.db.id
#         primary_user_assigned_identity_id = azurerm_user_assigned_identity.db.id
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_flexible_servers)
	cmk_required(r)
	status := cmk_status(r, ["customer_managed_key", 0, "key_vault_key_id"], _key)
	finding := lib.finding.result(rego.metadata.rule(), r, "customer_managed_key[0].key_vault_key_id", sprintf("data classification %q requires a customer-managed key but the server has none", [lib.azure.classification(r)]), status)
}
