# METADATA
# title: Google Cloud encryption in transit
# description: Cloud SQL accepts only encrypted connections; load balancer SSL policies require TLS 1.2 or later (params.min_tls_policy).
package tfguard.google.transit

import data.tfguard.lib

_ip_configuration := ["settings", 0, "ip_configuration", 0]

_encrypted_ssl_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

_requires_ssl(r) if lib.values.get(r, array.concat(_ip_configuration, ["ssl_mode"]), "") in _encrypted_ssl_modes

_requires_ssl(r) if lib.values.is_true(r, array.concat(_ip_configuration, ["require_ssl"]))

# METADATA
# title: Cloud SQL requires SSL/TLS connections
# description: google_sql_database_instance must set settings.ip_configuration.ssl_mode to ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or require_ssl = true on providers before 6.0).
# custom:
#   id: GCP-TRN-001
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-GCP-2.0:6.4"]
#   remediation: |
#     settings {
#       ip_configuration {
#         ssl_mode = "ENCRYPTED_ONLY"
#       }
#     }
deny contains finding if {
	some r in lib.resources.planned("google_sql_database_instance")
	not _requires_ssl(r)
	status := _ssl_status(r)
	finding := lib.finding.result(rego.metadata.rule(), r, "settings[0].ip_configuration[0].ssl_mode", sprintf("instance accepts unencrypted connections (ssl_mode %v)", [lib.values.get(r, array.concat(_ip_configuration, ["ssl_mode"]), "unset")]), status)
}

# ssl_mode is optional and computed: unknown in plans when not configured (then it allows plain text).
_ssl_status(r) := "unknown" if {
	some attr in ["ssl_mode", "require_ssl"]
	path := array.concat(_ip_configuration, [attr])
	lib.values.unknown(r, path)
	lib.google.may_be_set(r, path)
} else := "fail"

_tls_versions := {"TLS_1_0": 1.0, "TLS_1_1": 1.1, "TLS_1_2": 1.2, "TLS_1_3": 1.3}

# METADATA
# title: SSL policies require TLS 1.2
# description: google_compute_ssl_policy (and google_compute_region_ssl_policy) min_tls_version must be TLS_1_2 or later (params.min_tls_policy); it defaults to TLS_1_0.
# custom:
#   id: GCP-TRN-002
#   severity: high
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-GCP-2.0:3.9"]
#   remediation: |
#     resource "google_compute_ssl_policy" "this" {
#       profile         = "MODERN"
#       min_tls_version = "TLS_1_2"
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"google_compute_ssl_policy", "google_compute_region_ssl_policy"})
	version := lib.values.get(r, ["min_tls_version"], "TLS_1_0")
	not _tls_versions[version] >= to_number(lib.params.min_tls_policy)
	finding := lib.finding.fail(rego.metadata.rule(), r, "min_tls_version", sprintf("SSL policy allows %s, older than TLS %s", [version, lib.params.min_tls_policy]))
}

# METADATA
# title: HTTPS and SSL proxies name an SSL policy
# description: google_compute_target_https_proxy and google_compute_target_ssl_proxy must set ssl_policy; without one, Google's default policy accepts TLS 1.0.
# custom:
#   id: GCP-TRN-003
#   severity: medium
#   controls: ["PCI-DSS-4.0:4.2.1", "SOC2:CC6.7", "CIS-GCP-2.0:3.9"]
#   remediation: |
#     resource "google_compute_target_https_proxy" "this" {
#       ssl_policy = google_compute_ssl_policy.modern.id
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"google_compute_target_https_proxy", "google_compute_target_ssl_proxy", "google_compute_region_target_https_proxy"})
	not lib.refs.references_type(r, ["ssl_policy"], "google_compute_ssl_policy")
	not lib.refs.references_type(r, ["ssl_policy"], "google_compute_region_ssl_policy")
	status := lib.values.status_not_set(r, ["ssl_policy"])
	finding := lib.finding.result(rego.metadata.rule(), r, "ssl_policy", "proxy has no ssl_policy, so Google's default (TLS 1.0 and later) applies", status)
}
