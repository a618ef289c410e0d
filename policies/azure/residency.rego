# METADATA
# title: Azure data residency
# description: Resources, and the copies of their data (geo-redundant storage, geo-backups, failover groups, geo-replicas, Cosmos DB regions), stay in the locations params.allowed_regions (and params.classification_regions) allow. Location names are compared normalised ("West Europe" = "westeurope").
package tfguard.azure.residency

import data.tfguard.lib

# azurerm resources with a `location` that is a place.
located := [r |
	some r in lib.resources.all
	r.provider == "azurerm"
	lib.azure.located(r)
	not _global(r)
]

_global(r) if lib.azure.location(r) in lib.azure.global_locations

# [{status, msg}] when the resource's location is outside `allowed` (a set of normalised locations).
_location_problem(r, allowed, source) := [{"status": "fail", "msg": sprintf("location %q is not in %s %v", [location, source, sort(allowed)])}] if {
	location := lib.azure.location(r)
	not location in allowed
} else := [{"status": "unknown", "msg": "location is not in the plan"}] if {
	not lib.azure.location(r)
} else := []

# METADATA
# title: Resources are in allowed locations
# description: Every azurerm resource's location must be in params.allowed_regions (a list, or its "azurerm" entry).
# custom:
#   id: AZ-RES-001
#   severity: high
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44"]
#   remediation: |
#     resource "azurerm_resource_group" "this" {
#       location = "westeurope"   # one of params.allowed_regions
#     }
deny contains finding if {
	lib.azure.restricted
	some r in located
	some p in _location_problem(r, lib.azure.allowed, "allowed_regions")
	finding := lib.finding.result(rego.metadata.rule(), r, "location", p.msg, p.status)
}

# METADATA
# title: Classified data stays in its locations
# description: A resource tagged with a classification listed in params.classification_regions must be in one of that classification's locations.
# custom:
#   id: AZ-RES-002
#   severity: critical
#   controls: ["SOC2:C1.1", "SOC2:P6.1", "GDPR:44", "PCI-DSS-4.0:3.2.1"]
#   remediation: |
#     resource "azurerm_storage_account" "records" {
#       location = "germanywestcentral"   # one of the classification's regions
#     }
deny contains finding if {
	some r in located
	classification := lib.azure.classification(r)
	allowed := lib.azure.classification_allowed(classification)
	count(allowed) > 0
	some p in _location_problem(r, allowed, sprintf("classification_regions[%q]", [classification]))
	finding := lib.finding.result(rego.metadata.rule(), r, "location", p.msg, p.status)
}

# [{status, msg}] for a copy of `r`'s data going to the pair of `location` ([] when allowed or unrestricted).
_paired_copy_problem(r, location, what) := [] if {
	count(lib.azure.copy_locations(r)) == 0
} else := [{"status": "fail", "msg": sprintf("%s to %q, the pair of %q, outside %v", [what, pair, location, sort(lib.azure.copy_locations(r))])}] if {
	pair := lib.azure.paired_region[location]
	not pair in lib.azure.copy_locations(r)
} else := [] if {
	lib.azure.paired_region[location]
} else := [{"status": "unknown", "msg": sprintf("%s to the pair of %q, which tfguard does not know", [what, location])}]

_geo_replication := {"GRS", "RAGRS", "GZRS", "RAGZRS"}

# METADATA
# title: Geo-redundant storage stays in allowed locations
# description: A storage account with account_replication_type GRS, RAGRS, GZRS or RAGZRS copies its data to the paired region, which must be allowed too (classification_regions, else allowed_regions).
# custom:
#   id: AZ-RES-003
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     resource "azurerm_storage_account" "this" {
#       account_replication_type = "ZRS"   # stays in the account's region
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_storage_account")
	upper(lib.values.get(r, ["account_replication_type"], "")) in _geo_replication
	location := lib.azure.location(r)
	some p in _paired_copy_problem(r, location, sprintf("account_replication_type %s replicates", [r.values.account_replication_type]))
	finding := lib.finding.result(rego.metadata.rule(), r, "account_replication_type", p.msg, p.status)
}

# [{status, msg}] for a copy to `location` outside the copy locations of `r`.
_copy_problem(r, location, what) := [{"status": "fail", "msg": sprintf("%s to %q, outside %v", [what, location, sort(allowed)])}] if {
	allowed := lib.azure.copy_locations(r)
	count(allowed) > 0
	not location in allowed
} else := []

# The location of the first resource of `types` that `r`'s attribute at `path` points at (by reference or id).
_target_location(r, path, types) := locations[0] if {
	locations := [l | some target in lib.resources.planned_any(types); lib.refs.linked(r, path, target, ["id"]); l := lib.azure.location(target)]
	count(locations) > 0
}

# The first resource of `types` that `r`'s attribute at `path` points at.
_linked_one(r, path, types) := targets[0] if {
	targets := [t | some t in lib.resources.planned_any(types); lib.refs.linked(r, path, t, ["id"])]
	count(targets) > 0
}

_sql_servers := {"azurerm_mssql_server", "azurerm_sql_server"}

# METADATA
# title: SQL failover groups stay in allowed locations
# description: The partner servers of azurerm_mssql_failover_group (and the legacy azurerm_sql_failover_group) hold a copy of the databases and must be in allowed locations.
# custom:
#   id: AZ-RES-004
#   severity: high
#   controls: ["SOC2:C1.1", "SOC2:A1.2", "GDPR:44"]
#   remediation: |
#     partner_server {
#       id = azurerm_mssql_server.secondary_in_allowed_region.id
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"azurerm_mssql_failover_group", "azurerm_sql_failover_group"})
	some p in _failover_problems(r)
	finding := lib.finding.result(rego.metadata.rule(), r, p.attribute, p.msg, p.status)
}

_failover_problems(r) := [{"attribute": attribute, "msg": p.msg, "status": p.status} |
	some block in ["partner_server", "partner_servers"]
	some i, partner in lib.values.get(r, [block], [])
	attribute := sprintf("%s[%d]", [block, i])
	some p in _partner_problem(_copy_source(r, ["server_id"]), r, [block, i, "id"], partner, attribute)
]

# The resource whose classification governs a copy: `r` when classified, else the server it names at `path`.
_copy_source(r, _) := r if lib.azure.classification(r)

_copy_source(r, path) := server if {
	not lib.azure.classification(r)
	server := _linked_one(r, path, _sql_servers)
} else := r if not lib.azure.classification(r)

_partner_problem(source, r, path, partner, attribute) := _copy_problem(source, location, sprintf("%s replicates", [attribute])) if {
	location := _partner_location(r, path, partner)
} else := [{"status": "unknown", "msg": sprintf("%s names a server whose location is not in the plan", [attribute])}] if {
	count(lib.azure.copy_locations(source)) > 0
} else := []

_partner_location(_, _, partner) := lib.azure.normalize_location(partner.location) if is_string(partner.location)

_partner_location(r, path, partner) := location if {
	not is_string(partner.location)
	location := _target_location(r, path, _sql_servers)
}

# Geo-redundant backup storage ("Geo", "GeoZone") copies SQL database backups to the paired region.
_geo_backup := {"Geo", "GeoZone"}

# METADATA
# title: SQL database backups stay in allowed locations
# description: azurerm_mssql_database storage_account_type defaults to "Geo", which copies backups to the server's paired region; that region must be allowed, or use "Local" / "Zone".
# custom:
#   id: AZ-RES-005
#   severity: medium
#   controls: ["SOC2:C1.1", "SOC2:A1.2", "GDPR:44"]
#   remediation: |
#     resource "azurerm_mssql_database" "this" {
#       storage_account_type = "Zone"   # backups stay in the region
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_database")
	lib.values.get(r, ["storage_account_type"], "Geo") in _geo_backup
	source := _copy_source(r, ["server_id"])
	some p in _geo_backup_problem(r, source)
	finding := lib.finding.result(rego.metadata.rule(), r, "storage_account_type", p.msg, p.status)
}

_geo_backup_problem(r, source) := _paired_copy_problem(source, location, sprintf("storage_account_type %q copies backups", [lib.values.get(r, ["storage_account_type"], "Geo")])) if {
	location := _target_location(r, ["server_id"], _sql_servers)
} else := [{"status": "unknown", "msg": "the database's server location is not in the plan"}] if {
	count(lib.azure.copy_locations(source)) > 0
} else := []

# METADATA
# title: Geo-redundant database backups stay in allowed locations
# description: PostgreSQL and MySQL flexible servers with geo_redundant_backup_enabled = true copy backups to the paired region, which must be allowed.
# custom:
#   id: AZ-RES-006
#   severity: medium
#   controls: ["SOC2:C1.1", "SOC2:A1.2", "GDPR:44"]
#   remediation: |
#     resource "azurerm_postgresql_flexible_server" "this" {
#       geo_redundant_backup_enabled = false
#     }
deny contains finding if {
	some r in lib.resources.planned_any({"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server", "azurerm_postgresql_server", "azurerm_mysql_server"})
	lib.values.is_true(r, ["geo_redundant_backup_enabled"])
	location := lib.azure.location(r)
	some p in _paired_copy_problem(r, location, "geo_redundant_backup_enabled copies backups")
	finding := lib.finding.result(rego.metadata.rule(), r, "geo_redundant_backup_enabled", p.msg, p.status)
}

# METADATA
# title: Cosmos DB regions stay in allowed locations
# description: Every geo_location of azurerm_cosmosdb_account holds a replica of the data and must be an allowed location.
# custom:
#   id: AZ-RES-007
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     geo_location {
#       location          = "germanywestcentral"   # an allowed location
#       failover_priority = 1
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_cosmosdb_account")
	some i, geo in lib.values.get(r, ["geo_location"], [])
	is_string(geo.location)
	attribute := sprintf("geo_location[%d].location", [i])
	some p in _copy_problem(r, lib.azure.normalize_location(geo.location), sprintf("%s replicates the data", [attribute]))
	finding := lib.finding.result(rego.metadata.rule(), r, attribute, p.msg, p.status)
}

# METADATA
# title: SQL geo-replicas stay in allowed locations
# description: An azurerm_mssql_database created as a geo-secondary (create_mode "Secondary" or "OnlineSecondary") copies its source database; its server must be in an allowed location.
# custom:
#   id: AZ-RES-008
#   severity: high
#   controls: ["SOC2:C1.1", "GDPR:44"]
#   remediation: |
#     resource "azurerm_mssql_database" "replica" {
#       server_id                   = azurerm_mssql_server.secondary_in_allowed_region.id
#       create_mode                 = "Secondary"
#       creation_source_database_id = azurerm_mssql_database.primary.id
#     }
deny contains finding if {
	some r in lib.resources.planned("azurerm_mssql_database")
	lib.values.get(r, ["create_mode"], "") in {"Secondary", "OnlineSecondary"}
	source := _replica_source(r)
	some p in _replica_problem(r, source)
	finding := lib.finding.result(rego.metadata.rule(), r, "server_id", p.msg, p.status)
}

# The primary database (by reference or id) when the replica itself is not classified.
_replica_source(r) := r if lib.azure.classification(r)

_replica_source(r) := primary if {
	not lib.azure.classification(r)
	primary := _linked_one(r, ["creation_source_database_id"], {"azurerm_mssql_database"})
} else := r if not lib.azure.classification(r)

_replica_problem(r, source) := _copy_problem(source, location, "geo-replica server replicates the database") if {
	location := _target_location(r, ["server_id"], _sql_servers)
} else := [{"status": "unknown", "msg": "the geo-replica's server location is not in the plan"}] if {
	count(lib.azure.copy_locations(source)) > 0
} else := []
