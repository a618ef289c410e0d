# METADATA
# title: Region per resource
# description: |
#   Where a resource lives. AWS provider v6 has a per-resource `region` argument; otherwise the region of
#   the provider configuration the resource uses (`configuration.provider_config`, through aliases and
#   providers passed to modules), as a constant or a root variable (`var.x` from the plan's `variables`).
#   Azure resources carry `location`, Google ones `region` (or `location`).
package tfguard.lib.regions

import data.tfguard.lib.params
import data.tfguard.lib.resources

# The resource's region; undefined when the document does not say (e.g. AWS_REGION from the environment).
region(r) := v if {
	v := _resource_region(r)
} else := v if {
	v := provider_region(r)
} else := v if {
	# State documents carry no configuration; a regional ARN still tells.
	v := arn_region(r.values.arn)
}

_resource_attrs := {"azurerm": ["location"], "google": ["region", "location"]}

_resource_region(r) := v if {
	some attr in object.get(_resource_attrs, r.provider, ["region"])
	v := r.values[attr]
	is_string(v)
	v != ""
}

# The region set on the provider configuration a resource uses.
provider_region(r) := v if {
	v := _expression_value(resources.provider_config(r), "region")
} else := v if {
	# Terraform < 1.1 lists a module's inherited provider as an empty `module.x:aws` block.
	v := _expression_value(resources.root_provider_config(r), "region")
}

_expression_value(pc, name) := v if {
	v := pc.expressions[name].constant_value
	is_string(v)
} else := v if {
	not pc.module_address
	some ref in pc.expressions[name].references
	startswith(ref, "var.")
	v := input.variables[substring(ref, 4, -1)].value
	is_string(v)
}

# The region an ARN names (`arn:aws:s3:eu-west-1:…` → eu-west-1); undefined for global ARNs.
arn_region(arn) := region if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) > 4
	parts[0] == "arn"
	region := parts[3]
	region != ""
}

# The allowed regions for a provider ([] when unrestricted).
allowed(provider) := list if {
	is_array(params.allowed_regions)
	list := params.allowed_regions
} else := list if {
	list := params.allowed_regions[provider]
	is_array(list)
} else := []

# Whether regions are restricted for a provider.
restricted(provider) if count(allowed(provider)) > 0

# Whether `region` is allowed for `provider` (always, when unrestricted).
is_allowed(provider, region) if not restricted(provider)

is_allowed(provider, region) if region in allowed(provider)

# Regions allowed for a data classification (undefined when that classification has no rule).
classification_allowed(classification) := list if {
	list := params.classification_regions[classification]
	is_array(list)
	count(list) > 0
}
