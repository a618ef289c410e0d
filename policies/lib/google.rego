# METADATA
# title: Google Cloud (google, google-beta) helpers
# description: |
#   What the shared library does not know about Google Cloud: labels (not tags; `effective_labels`, else
#   `labels` over the provider's `default_labels`, and types that name them differently), where a resource
#   lives (`region`, `location`, or a `zone` whose region it is, else the provider's `region` / `zone`),
#   and multi-region / dual-region locations.
package tfguard.lib.google

import data.tfguard.lib.params
import data.tfguard.lib.regions
import data.tfguard.lib.resources
import data.tfguard.lib.values

# Whether the resource comes from the google or google-beta provider.
is_google(r) if r.provider in {"google", "google-beta"}

# ---- labels ----

# Where types keep their user labels, when not `labels`.
label_paths := {
	"google_sql_database_instance": ["settings", 0, "user_labels"],
	"google_container_cluster": ["resource_labels"],
}

label_path(r) := object.get(label_paths, r.type, ["labels"])

# Whether the resource type takes labels (its schema has the attribute, so plans show it, even as null).
labelled(r) if _has(r.values, label_path(r))

labelled(r) if _has(r.unknown, label_path(r))

_has(obj, path) if {
	parent := object.get(obj, array.slice(path, 0, count(path) - 1), null)
	is_object(parent)
	path[count(path) - 1] in object.keys(parent)
}

# key → value of the labels the resource will carry: the provider's `default_labels` under its own
# (`effective_labels` is not used: it also holds labels set outside Terraform and `goog-` system labels).
labels(r) := object.union(default_labels(r), _own(r))

_own(r) := l if {
	l := values.get(r, label_path(r), {})
	is_object(l)
} else := {}

# The provider configuration's `default_labels` (constant values only).
default_labels(r) := l if {
	label_path(r) == ["labels"]
	l := resources.provider_config(r).expressions.default_labels.constant_value
	is_object(l)
} else := {}

# Whether a label's value (or the whole map) is only known after apply.
label_unknown(r, key) if values.unknown(r, array.concat(label_path(r), [key]))

# The label's value, when known and not blank.
label(r, key) := v if {
	v := labels(r)[key]
	is_string(v)
	trim_space(v) != ""
}

# The resource's data classification (lower-cased), from `params.classification_tag`.
classification(r) := lower(label(r, params.classification_tag))

# ---- locations ----

# Multi-region locations (Cloud Storage, BigQuery, Artifact Registry…): data anywhere in the area.
multi_regions := {"eu", "us", "asia", "europe", "global"}

# Predefined dual-regions of Cloud Storage → their two regions.
dual_regions := {
	"eur4": ["europe-north1", "europe-west4"],
	"nam4": ["us-central1", "us-east1"],
	"asia1": ["asia-northeast1", "asia-northeast2"],
}

# "europe-west1-b" → "europe-west1"; a region is returned as it is.
zone_region(z) := r if {
	regex.match(`^[a-z]+-[a-z]+[0-9]+-[a-z]$`, z)
	r := regex.replace(z, `-[a-z]$`, "")
} else := z

_location_attrs := ["region", "location", "zone"]

# Whether the resource type has a place (its schema has `region`, `location` or `zone`).
located(r) if {
	some attr in _location_attrs
	_has_attr(r, attr)
}

_has_attr(r, attr) if attr in object.keys(r.values)

_has_attr(r, attr) if attr in object.keys(r.unknown)

# The resource's location, lower-cased: a region ("europe-west1", a zone's region), a multi-region ("eu")
# or a dual-region ("eur4"). Undefined when the document does not say.
location(r) := l if {
	l := _own_location(r)
} else := l if {
	not _own_location_unknown(r)
	l := _provider_location(r)
}

# The first known of region, location, zone (a resource may carry several; they agree when set).
_own_location(r) := l if {
	known := [zone_region(lower(v)) | some attr in _location_attrs; v := r.values[attr]; is_string(v); v != ""]
	l := known[0]
}

# An unknown location the configuration sets (an expression known after apply). One it leaves out is
# computed from the provider's region or zone.
_own_location_unknown(r) if {
	some attr in _location_attrs
	r.unknown[attr] == true
	configured(r, [attr])
}

_provider_location(r) := lower(v) if {
	v := regions.provider_region(r)
} else := zone_region(lower(v)) if {
	v := resources.provider_config(r).expressions.zone.constant_value
	is_string(v)
}

# The regions a location stores data in: a dual-region's two, else the location itself.
data_regions(l) := {r | some r in dual_regions[l]} if dual_regions[l] else := {l}

# Whether a location spans more than one region.
multi_location(l) if l in multi_regions

multi_location(l) if dual_regions[l]

# The allowed locations for google (params.allowed_regions as a list, or its "google" entry), lower-cased.
allowed := {lower(l) | some l in regions.allowed("google"); is_string(l)}

restricted if count(allowed) > 0

# Whether location `l` is inside `list` (a set of lower-cased locations): named there, or (a dual-region)
# both of its regions are.
inside(l, list) if l in list

inside(l, list) if {
	dual_regions[l]
	every region in dual_regions[l] {
		region in list
	}
}

# The locations a classification's data may live in (undefined when the classification has no rule).
classification_allowed(classification) := {lower(l) | some l in regions.classification_allowed(classification); is_string(l)}

# The locations copies of `r`'s data may go to: its classification's, else the allowed ones ({}: anywhere).
copy_locations(r) := l if {
	l := classification_allowed(classification(r))
} else := allowed

# CIDRs that mean "anyone on the internet".
world := {"0.0.0.0/0", "::/0", "0.0.0.0"}

# Members that make a resource public.
public_members := {"allUsers", "allAuthenticatedUsers"}

# ---- configuration ----

# Whether the document carries the resource's configuration block.
has_config(r) if count(resources.config(r)) > 0

# Whether the configuration sets the attribute at `path` (["boot_disk", 0, "kms_key_self_link"]).
configured(r, path) if object.get(resources.config(r), array.concat(["expressions"], path), null) != null

# Whether an unknown value at `path` may still turn out set: the attribute is configured, or the document
# has no configuration to tell. Optional+computed attributes the configuration leaves out (a disk's
# kms_key_self_link) are unknown in plans but take the provider's default.
may_be_set(r, path) if not has_config(r)

may_be_set(r, path) if configured(r, path)
