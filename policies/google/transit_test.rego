package tfguard.google.transit_test

import data.tfguard.google.transit
import data.tfguard.test.cloud_fixtures as cfx

_ids(changes) := ids if {
	ids := cfx.ids(transit.deny, "fail") with input as cfx.plan(changes)
}

_unknown_ids(changes) := ids if {
	ids := cfx.ids(transit.deny, "unknown") with input as cfx.plan(changes)
}

_sql(ip) := cfx.create("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [ip]}]})

# GCP-TRN-001
test_sql_encrypted_only_passes if not "GCP-TRN-001" in _ids([_sql({"ssl_mode": "ENCRYPTED_ONLY"})])

test_sql_require_ssl_passes if not "GCP-TRN-001" in _ids([_sql({"require_ssl": true})])

test_sql_unencrypted_allowed_fails if "GCP-TRN-001" in _ids([_sql({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": false})])

test_sql_computed_ssl_mode_is_unknown if {
	"GCP-TRN-001" in _unknown_ids([cfx.create_unknown("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{}]}]}, {"settings": [{"ip_configuration": [{"ssl_mode": true}]}]})])
}

# GCP-TRN-002
test_ssl_policy_tls12_passes if not "GCP-TRN-002" in _ids([cfx.create("google_compute_ssl_policy", "p", {"min_tls_version": "TLS_1_2"})])

test_ssl_policy_default_tls10_fails if "GCP-TRN-002" in _ids([cfx.create("google_compute_ssl_policy", "p", {"min_tls_version": null})])

# GCP-TRN-003
test_proxy_with_ssl_policy_passes if not "GCP-TRN-003" in _ids([cfx.create("google_compute_target_https_proxy", "p", {"ssl_policy": "projects/p/global/sslPolicies/modern"})])

test_proxy_without_ssl_policy_fails if "GCP-TRN-003" in _ids([cfx.create("google_compute_target_https_proxy", "p", {"ssl_policy": null})])
