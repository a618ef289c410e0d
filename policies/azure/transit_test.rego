package tfguard.azure.transit_test

import data.tfguard.azure.transit
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(transit.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(transit.deny, "unknown") with input as cfx.plan(changes)
}

_account(extra) := cfx.create("azurerm_storage_account", "s", object.union({"min_tls_version": "TLS1_2", "https_traffic_only_enabled": true}, extra))

# AZ-TRN-001
test_storage_https_only_passes if not "AZ-TRN-001" in _ids([_account({})])

test_storage_http_allowed_v3_attribute_fails if "AZ-TRN-001" in _ids([_account({"enable_https_traffic_only": false})])

# AZ-TRN-002
test_storage_tls12_passes if not "AZ-TRN-002" in _ids([_account({})])

test_storage_tls10_fails if "AZ-TRN-002" in _ids([_account({"min_tls_version": "TLS1_0"})])

test_storage_tls12_fails_when_13_required if {
	fs := transit.deny with input as cfx.plan([_account({})]) with data.tfguard.params as {"min_tls_policy": "1.3"}
	"AZ-TRN-002" in cfx.ids(fs, "fail")
}

test_storage_unknown_tls_is_unknown if "AZ-TRN-002" in _unknown_ids([cfx.create_unknown("azurerm_storage_account", "s", {}, {"min_tls_version": true})])

# AZ-TRN-003
test_mssql_tls12_passes if not "AZ-TRN-003" in _ids([cfx.create("azurerm_mssql_server", "s", {"minimum_tls_version": "1.2"})])

test_mssql_tls_disabled_fails if "AZ-TRN-003" in _ids([cfx.create("azurerm_mssql_server", "s", {"minimum_tls_version": "Disabled"})])

# AZ-TRN-004
test_single_server_ssl_passes if not "AZ-TRN-004" in _ids([cfx.create("azurerm_postgresql_server", "p", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"})])

test_single_server_old_tls_fails if "AZ-TRN-004" in _ids([cfx.create("azurerm_mysql_server", "m", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"})])

test_single_server_no_ssl_fails if "AZ-TRN-004" in _ids([cfx.create("azurerm_mariadb_server", "m", {"ssl_enforcement_enabled": false})])

# AZ-TRN-005
test_flexible_secure_transport_on_passes if {
	not "AZ-TRN-005" in _ids([cfx.create("azurerm_postgresql_flexible_server_configuration", "c", {"name": "require_secure_transport", "value": "on"})])
}

test_flexible_secure_transport_off_fails if {
	"AZ-TRN-005" in _ids([cfx.create("azurerm_mysql_flexible_server_configuration", "c", {"name": "require_secure_transport", "value": "OFF"})])
}

test_flexible_tls_versions if {
	not "AZ-TRN-005" in _ids([cfx.create("azurerm_mysql_flexible_server_configuration", "c", {"name": "tls_version", "value": "TLSv1.2,TLSv1.3"})])
	"AZ-TRN-005" in _ids([cfx.create("azurerm_mysql_flexible_server_configuration", "c", {"name": "tls_version", "value": "TLSv1.1,TLSv1.2"})])
}

# AZ-TRN-006 / 007 / 008
_app(extra) := cfx.create("azurerm_linux_web_app", "a", object.union({"https_only": true, "site_config": [{"minimum_tls_version": "1.2", "ftps_state": "Disabled"}]}, extra))

test_app_https_only_passes if not "AZ-TRN-006" in _ids([_app({})])

test_app_http_fails if "AZ-TRN-006" in _ids([_app({"https_only": false})])

test_app_tls12_passes if not "AZ-TRN-007" in _ids([_app({})])

test_legacy_app_tls10_fails if "AZ-TRN-007" in _ids([cfx.create("azurerm_app_service", "a", {"https_only": true, "site_config": [{"min_tls_version": "1.0"}]})])

test_app_ftps_only_passes if not "AZ-TRN-008" in _ids([_app({})])

test_app_plain_ftp_fails if "AZ-TRN-008" in _ids([_app({"site_config": [{"minimum_tls_version": "1.2", "ftps_state": "AllAllowed"}]})])

# AZ-TRN-009
test_redis_tls_only_passes if not "AZ-TRN-009" in _ids([cfx.create("azurerm_redis_cache", "r", {"non_ssl_port_enabled": false, "minimum_tls_version": "1.2"})])

test_redis_non_ssl_port_fails if "AZ-TRN-009" in _ids([cfx.create("azurerm_redis_cache", "r", {"enable_non_ssl_port": true, "minimum_tls_version": "1.2"})])

test_redis_old_tls_fails if "AZ-TRN-009" in _ids([cfx.create("azurerm_redis_cache", "r", {"minimum_tls_version": "1.0"})])
