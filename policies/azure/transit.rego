# METADATA
# title: Azure encryption in transit
# description: Storage, databases, web apps and caches accept only encrypted connections with TLS 1.2 or later (params.min_tls_policy).
package tfguard.azure.transit

import data.tfguard.lib

# Whether a TLS version string ("TLS1_2", "1.2", "TLSv1.2", "TLS1_3") meets params.min_tls_policy.
tls_ok(v) if {
	is_string(v)
	version := _tls_version(v)
	version >= to_number(lib.params.min_tls_policy)
}

_tls_version(v) := to_number(concat(".", parts)) if {
	digits := regex.replace(upper(v), `^(TLS)?V?`, "")
	parts := split(replace(digits, "_", "."), ".")
	count(parts) == 2
	regex.match(`^[0-9]+\.[0-9]+$`, concat(".", parts))
}

# "fail" | "unknown" unless the TLS version at `path` is known and good; an absent value takes `fallback`.
tls_status(r, path, fallback) := "unknown" if {
	object.get(r.values, path, null) == null
	lib.values.unknown(r, path)
} else := "fail" if {
	not tls_ok(lib.values.get(r, path, fallback))
}

_tls_msg(r, path, fallback, what) := sprintf("%s %v is older than TLS %s", [what, lib.values.get(r, path, fallback), lib.params.min_tls_policy])

# METADATA
# title: Storage accounts accept HTTPS only
# description: azurerm_storage_account must not set https_traffic_only_enabled (provider 4.x) or enable_https_traffic_only (3.x and earlier) to false.
# custom:
#   id: AZ-TRN-001
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:3.1"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       https_traffic_only_enabled = true   # enable_https_traffic_only before provider 4.0
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	some attr in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	lib.values.is_false(r, [attr])
	finding := lib.finding.fail(rego.metadata.rule(), r, attr, sprintf("storage account accepts plain HTTP (%s = false)", [attr]))
}

# METADATA
# title: Storage accounts require TLS 1.2
# description: azurerm_storage_account min_tls_version must be TLS1_2 or later (params.min_tls_policy). Provider 2.x defaulted to TLS1_0.
# custom:
#   id: AZ-TRN-002
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:3.15"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       min_tls_version = "TLS1_2"
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	status := tls_status(r, ["min_tls_version"], "TLS1_2")
	finding := lib.finding.result(rego.metadata.rule(), r, "min_tls_version", _tls_msg(r, ["min_tls_version"], "TLS1_2", "storage account min_tls_version"), status)
}

# METADATA
# title: SQL servers require TLS 1.2
# description: azurerm_mssql_server minimum_tls_version must be 1.2 or later ("Disabled" accepts any version).
# custom:
#   id: AZ-TRN-003
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "azurerm_mssql_server" "this" {
#       minimum_tls_version = "1.2"
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_server")
	status := tls_status(r, ["minimum_tls_version"], "1.2")
	finding := lib.finding.result(rego.metadata.rule(), r, "minimum_tls_version", _tls_msg(r, ["minimum_tls_version"], "1.2", "SQL server minimum_tls_version"), status)
}

_single_servers := {"azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"}

# METADATA
# title: PostgreSQL, MySQL and MariaDB single servers enforce SSL with TLS 1.2
# description: Single servers must set ssl_enforcement_enabled = true and (when they have it) ssl_minimal_tls_version_enforced to TLS1_2 or later.
# custom:
#   id: AZ-TRN-004
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:4.3.1", "CIS-AZURE-2.0:4.4.1"]
#   remediation: |
#     resource "azurerm_postgresql_server" "this" {
#       ssl_enforcement_enabled          = true
#       ssl_minimal_tls_version_enforced = "TLS1_2"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_single_servers)
	some p in _single_server_problems(r)
	finding := lib.finding.result(rego.metadata.rule(), r, p.attribute, p.msg, p.status)
}

_single_server_problems(r) := array.concat(
	[{"attribute": "ssl_enforcement_enabled", "msg": "server does not enforce SSL (ssl_enforcement_enabled unset or false)", "status": status} |
		status := lib.values.status_not_true(r, ["ssl_enforcement_enabled"])
	],
	[{"attribute": "ssl_minimal_tls_version_enforced", "msg": _tls_msg(r, path, "TLS1_2", "ssl_minimal_tls_version_enforced"), "status": status} |
		path := ["ssl_minimal_tls_version_enforced"]
		path[0] in object.keys(r.values)
		lib.values.get(r, path, "") != "TLSEnforcementDisabled"
		status := tls_status(r, path, "TLS1_2")
	],
)

# Server parameters that turn encryption in transit off, per configuration type:
# name → (lower-cased) values that fail.
_flexible_parameters := {
	"azurerm_postgresql_flexible_server_configuration": {"require_secure_transport": {"off", "0", "false"}},
	"azurerm_mysql_flexible_server_configuration": {"require_secure_transport": {"off", "0", "false"}},
}

_tls_parameters := {
	"azurerm_postgresql_flexible_server_configuration": "ssl_min_protocol_version",
	"azurerm_mysql_flexible_server_configuration": "tls_version",
}

# METADATA
# title: Flexible database servers require secure transport with TLS 1.2
# description: PostgreSQL and MySQL flexible server configurations must not set require_secure_transport off, nor allow TLS versions older than params.min_tls_policy (ssl_min_protocol_version, tls_version).
# custom:
#   id: AZ-TRN-005
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:4.3.1", "CIS-AZURE-2.0:4.4.2"]
#   remediation: |
#     resource "azurerm_mysql_flexible_server_configuration" "tls" {
#       name      = "tls_version"
#       server_id = azurerm_mysql_flexible_server.this.id   # older: server_name + resource_group_name
#       value     = "TLSv1.2"
#     }
deny contains finding if {
	some p in _flexible_parameter_problems
	finding := lib.finding.fail(rego.metadata.rule(), p.resource, "value", p.msg)
}

_flexible_parameter_problems := array.concat(
	[{"resource": r, "msg": sprintf("server parameter %s = %q turns encryption in transit off", [r.values.name, r.values.value])} |
		some type, parameters in _flexible_parameters
		some r in lib.resources.planned(type)
		bad := parameters[r.values.name]
		lower(lib.values.get(r, ["value"], "")) in bad
	],
	[{"resource": r, "msg": sprintf("server parameter %s = %q allows TLS older than %s", [name, r.values.value, lib.params.min_tls_policy])} |
		some type, name in _tls_parameters
		some r in lib.resources.planned(type)
		r.values.name == name
		_any_old_tls(split(lib.values.get(r, ["value"], ""), ","))
	],
)

_any_old_tls(versions) if {
	some v in versions
	not tls_ok(trim_space(v))
}

_web_apps := {
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
	"azurerm_app_service", "azurerm_function_app", "azurerm_app_service_slot", "azurerm_function_app_slot",
}

# METADATA
# title: App Service apps accept HTTPS only
# description: Web apps, function apps and their slots must set https_only = true (redirect HTTP to HTTPS).
# custom:
#   id: AZ-TRN-006
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:9.2"]
#   remediation: |
#     resource "azurerm_linux_web_app" "this" {
#       https_only = true
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_web_apps)
	status := lib.values.status_not_true(r, ["https_only"])
	finding := lib.finding.result(rego.metadata.rule(), r, "https_only", "app accepts plain HTTP (https_only unset or false)", status)
}

# The site_config attribute holding the minimum TLS version: new app types and legacy ones differ.
_site_tls_attr(r) := "min_tls_version" if startswith(r.type, "azurerm_app_service")

_site_tls_attr(r) := "min_tls_version" if startswith(r.type, "azurerm_function_app")

_site_tls_attr(r) := "minimum_tls_version" if {
	not startswith(r.type, "azurerm_app_service")
	not startswith(r.type, "azurerm_function_app")
}

# METADATA
# title: App Service apps require TLS 1.2
# description: The site_config minimum TLS version (minimum_tls_version, or min_tls_version on legacy types) must be 1.2 or later.
# custom:
#   id: AZ-TRN-007
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:9.3"]
#   remediation: |
#     site_config {
#       minimum_tls_version = "1.2"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_web_apps)
	attr := _site_tls_attr(r)
	path := ["site_config", 0, attr]
	v := lib.values.get(r, path, null)
	v != null
	not tls_ok(v)
	finding := lib.finding.fail(rego.metadata.rule(), r, sprintf("site_config[0].%s", [attr]), sprintf("app allows TLS %v, older than %s", [v, lib.params.min_tls_policy]))
}

# METADATA
# title: App Service apps do not allow plain FTP
# description: site_config.ftps_state must be "FtpsOnly" or "Disabled", not "AllAllowed".
# custom:
#   id: AZ-TRN-008
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-AZURE-2.0:9.10"]
#   remediation: |
#     site_config {
#       ftps_state = "Disabled"
#     }
deny contains finding if {
	some r in lib.resources.planned_any(_web_apps)
	lib.values.get(r, ["site_config", 0, "ftps_state"], "") == "AllAllowed"
	finding := lib.finding.fail(rego.metadata.rule(), r, "site_config[0].ftps_state", "app allows plain FTP (ftps_state = \"AllAllowed\")")
}

# METADATA
# title: Redis caches accept TLS 1.2 connections only
# description: azurerm_redis_cache must not open the non-TLS port (non_ssl_port_enabled / enable_non_ssl_port) and must set minimum_tls_version to 1.2 or later.
# custom:
#   id: AZ-TRN-009
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7"]
#   remediation: |
#     resource "azurerm_redis_cache" "this" {
#       non_ssl_port_enabled = false   # enable_non_ssl_port before provider 4.0
#       minimum_tls_version  = "1.2"
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_redis_cache")
	some p in _redis_problems(r)
	finding := lib.finding.result(rego.metadata.rule(), r, p.attribute, p.msg, p.status)
}

_redis_problems(r) := array.concat(
	[{"attribute": attr, "msg": sprintf("cache opens the plain-text port 6379 (%s = true)", [attr]), "status": "fail"} |
		some attr in ["non_ssl_port_enabled", "enable_non_ssl_port"]
		lib.values.is_true(r, [attr])
	],
	[{"attribute": "minimum_tls_version", "msg": _tls_msg(r, ["minimum_tls_version"], "1.2", "cache minimum_tls_version"), "status": status} |
		status := tls_status(r, ["minimum_tls_version"], "1.2")
	],
)
