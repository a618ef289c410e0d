# METADATA
# title: Effective tags and labels
# description: |
#   The tags a resource will carry: AWS `tags_all` when known, else `tags` merged over the provider's
#   `default_tags`; Google `effective_labels`, else `labels`; others `tags`.
package tfguard.lib.tags

import data.tfguard.lib.params
import data.tfguard.lib.resources
import data.tfguard.lib.values

_attrs := {"google": {"own": "labels", "all": "effective_labels"}}

_default_attrs := {"own": "tags", "all": "tags_all"}

_attr(r, kind) := object.get(_attrs, [r.provider, kind], _default_attrs[kind])

# Whether the resource type takes tags (its schema has the attribute, so plans show it, even as null).
taggable(r) if _attr(r, "own") in object.keys(r.values)

taggable(r) if _attr(r, "own") in object.keys(r.unknown)

# key → value of the tags the resource will carry.
effective(r) := t if {
	t := r.values[_attr(r, "all")]
	is_object(t)
	not values.unknown(r, [_attr(r, "all")])
} else := object.union(default_tags(r), _own(r))

_own(r) := t if {
	t := r.values[_attr(r, "own")]
	is_object(t)
} else := {}

# The provider configuration's `default_tags` (constant values only).
default_tags(r) := t if {
	t := resources.provider_config(r).expressions.default_tags[0].tags.constant_value
	is_object(t)
} else := {}

# Whether a tag's value is only known after apply (or the whole map is).
unknown(r, key) if values.unknown(r, [_attr(r, "own"), key])

unknown(r, key) if {
	not is_string(effective(r)[key])
	values.unknown(r, [_attr(r, "all"), key])
}

# The tag's value, when known and not blank.
value(r, key) := v if {
	v := effective(r)[key]
	is_string(v)
	trim_space(v) != ""
}

# The resource's data classification (lower-cased), from `params.classification_tag`.
classification(r) := lower(value(r, params.classification_tag))
