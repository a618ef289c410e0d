package tfguard.lib.cloud_lib_test

import data.tfguard.lib
import data.tfguard.test.cloud_fixtures as cfx

test_port_specifications if {
	lib.ports.covers("22", 22)
	lib.ports.covers("20-25", 22)
	lib.ports.covers("*", 3389)
	lib.ports.covers(22, 22)
	not lib.ports.covers("2222", 22)
	not lib.ports.covers("ssh", 22)
	lib.ports.covers_all("0-65535")
	not lib.ports.covers_all("1-1024")
}

test_azure_locations_and_pairs if {
	lib.azure.normalize_location("West Europe") == "westeurope"
	lib.azure.paired_region.uksouth == "ukwest"
	lib.azure.allowed == {"westeurope"} with data.tfguard.params as {"allowed_regions": {"azure": ["West Europe"]}}
	lib.azure.is_internet_prefix("Internet")
	not lib.azure.is_internet_prefix("VirtualNetwork")
}

test_google_zone_region_and_dual_regions if {
	lib.google.zone_region("europe-west1-b") == "europe-west1"
	lib.google.zone_region("europe-west1") == "europe-west1"
	lib.google.inside("eur4", {"europe-north1", "europe-west4"})
	not lib.google.inside("eur4", {"europe-west4"})
	lib.google.data_regions("nam4") == {"us-central1", "us-east1"}
}

test_google_location_from_provider_zone if {
	doc := {
		"resource_changes": [cfx.create_unknown("google_compute_instance", "vm", {}, {"zone": true})],
		"configuration": {"provider_config": {"google": {"name": "google", "expressions": {"zone": {"constant_value": "asia-east1-a"}}}}},
	}
	[r] := lib.resources.planned("google_compute_instance") with input as doc
	lib.google.location(r) == "asia-east1" with input as doc
}
