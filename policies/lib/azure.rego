# METADATA
# title: Azure (azurerm) helpers
# description: |
#   What the shared library does not know about Azure: location names ("West Europe" and "westeurope"
#   are the same place), region pairs (where geo-redundant copies go), internet source prefixes of NSG
#   rules, and case-insensitive tag names.
package tfguard.lib.azure

import data.tfguard.lib.params
import data.tfguard.lib.regions
import data.tfguard.lib.tags

# "West Europe" → "westeurope": Azure accepts display names and programmatic names alike.
normalize_location(s) := lower(replace(s, " ", ""))

# Locations that are not a place (Front Door, Traffic Manager, DNS…).
global_locations := {"global", ""}

# Whether the resource type has a `location` (its schema has the attribute, so plans show it).
located(r) if "location" in object.keys(r.values)

located(r) if "location" in object.keys(r.unknown)

# The resource's normalised location; undefined when absent or only known after apply.
location(r) := normalize_location(v) if {
	v := r.values.location
	is_string(v)
}

# The allowed locations for azurerm (params.allowed_regions as a list, or its "azurerm" / "azure" entry), normalised.
allowed := {normalize_location(l) | some l in _allowed_raw; is_string(l)}

_allowed_raw := l if {
	l := regions.allowed("azurerm")
	count(l) > 0
} else := l if {
	l := regions.allowed("azure")
} else := []

restricted if count(allowed) > 0

# The locations a classification's data may live in (normalised; undefined when the classification has no rule).
classification_allowed(classification) := {normalize_location(l) | some l in regions.classification_allowed(classification); is_string(l)}

# The locations copies of `r`'s data may go to: its classification's, else the allowed ones ({}: anywhere).
copy_locations(r) := l if {
	l := classification_allowed(classification(r))
} else := allowed

# The resource's data classification (lower-cased). Azure tag names are case-insensitive.
classification(r) := lower(tag_value(r, params.classification_tag))

# The value of tag `key`, matched case-insensitively (an exact match first); undefined when absent or blank.
tag_value(r, key) := v if {
	v := _usable(tags.effective(r)[key])
} else := v if {
	matches := [v | some k, value in tags.effective(r); lower(k) == lower(key); v := _usable(value)]
	v := matches[0]
}

_usable(v) := v if {
	is_string(v)
	trim_space(v) != ""
}

# The paired region of a location: where geo-redundant storage (GRS, RA-GRS, GZRS) and geo-backups
# replicate. Regions without a pair are absent.
paired_region := {
	"eastus": "westus", "westus": "eastus",
	"eastus2": "centralus", "centralus": "eastus2",
	"northcentralus": "southcentralus", "southcentralus": "northcentralus",
	"westus2": "westcentralus", "westcentralus": "westus2",
	"westus3": "eastus",
	"canadacentral": "canadaeast", "canadaeast": "canadacentral",
	"brazilsouth": "southcentralus", "brazilsoutheast": "brazilsouth",
	"northeurope": "westeurope", "westeurope": "northeurope",
	"uksouth": "ukwest", "ukwest": "uksouth",
	"francecentral": "francesouth", "francesouth": "francecentral",
	"germanywestcentral": "germanynorth", "germanynorth": "germanywestcentral",
	"switzerlandnorth": "switzerlandwest", "switzerlandwest": "switzerlandnorth",
	"norwayeast": "norwaywest", "norwaywest": "norwayeast",
	"swedencentral": "swedensouth", "swedensouth": "swedencentral",
	"eastasia": "southeastasia", "southeastasia": "eastasia",
	"japaneast": "japanwest", "japanwest": "japaneast",
	"koreacentral": "koreasouth", "koreasouth": "koreacentral",
	"australiaeast": "australiasoutheast", "australiasoutheast": "australiaeast",
	"australiacentral": "australiacentral2", "australiacentral2": "australiacentral",
	"centralindia": "southindia", "southindia": "centralindia", "westindia": "southindia",
	"jioindiawest": "jioindiacentral", "jioindiacentral": "jioindiawest",
	"southafricanorth": "southafricawest", "southafricawest": "southafricanorth",
	"uaenorth": "uaecentral", "uaecentral": "uaenorth",
	"chinanorth": "chinaeast", "chinaeast": "chinanorth",
	"chinanorth2": "chinaeast2", "chinaeast2": "chinanorth2",
	"chinanorth3": "chinaeast3", "chinaeast3": "chinanorth3",
	"usgovvirginia": "usgovtexas", "usgovtexas": "usgovarizona", "usgovarizona": "usgovtexas",
}

# NSG source prefixes that mean "anyone on the internet".
internet_prefixes := {"*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0", "<nw>/0", "/0"}

is_internet_prefix(p) if {
	is_string(p)
	lower(trim_space(p)) in internet_prefixes
}
