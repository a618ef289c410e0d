# METADATA
# title: References between resources
# description: |
#   Links read from `configuration` expressions (`{"references": ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]}`),
#   or from equal known values. References are module-local, so a link needs both resources in the same
#   module instance; with count/for_each every instance of the referenced block matches.
package tfguard.lib.refs

import data.tfguard.lib.resources

# The references of the expression at `path` in the resource's configuration (["bucket"], or nested
# ["rule", 0, "destination", 0, "bucket"]). Expressions inside `dynamic` blocks are not in the plan.
references(r, path) := refs if {
	refs := object.get(resources.config(r), array.concat(["expressions"], path), {}).references
	is_array(refs)
} else := []

# Whether `source`'s expression at `path` references the block of `target`.
refers_to(source, path, target) if {
	source.module == target.module
	some ref in references(source, path)
	_names(ref, target)
}

_names(ref, target) if ref == _block(target)

_names(ref, target) if startswith(ref, concat("", [_block(target), "."]))

_names(ref, target) if startswith(ref, concat("", [_block(target), "["]))

_block(r) := concat(".", [r.type, r.name]) if r.mode != "data"

_block(r) := concat(".", ["data", r.type, r.name]) if r.mode == "data"

# Whether the expression at `path` references any block of type `type` (e.g. a KMS key being created).
references_type(r, path, type) if {
	some ref in references(r, path)
	startswith(ref, concat("", [type, "."]))
}

# Whether `source` points at `target`: by reference, or its known value at `path` equals one of the
# target's known values at `target_attrs` (["bucket", "id", "arn"]).
linked(source, path, target, target_attrs) if refers_to(source, path, target)

linked(source, path, target, target_attrs) if {
	v := object.get(source.values, path, null)
	is_string(v)
	v != ""
	some attr in target_attrs
	target.values[attr] == v
}

# The resources of `types` that point at `target` through their attribute `path`.
linked_from(types, path, target, target_attrs) := [s |
	some s in resources.planned_any(types)
	linked(s, path, target, target_attrs)
]
