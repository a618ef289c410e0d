# METADATA
# title: Attribute values and unknowns
# description: |
#   Reading a resource record's attributes by path (["server_side_encryption", 0, "enabled"]) and deciding
#   a check three ways. The `status_*` helpers return "unknown" when the attribute (or a block around it)
#   is only known after apply, "fail" when it is known and wrong, and are undefined when it is fine:
#     status := lib.values.status_not_true(r, ["encrypted"])
#     finding := lib.finding.result(rego.metadata.rule(), r, "encrypted", "…", status)
package tfguard.lib.values

# The value at `path` (or `fallback` when absent or null).
get(r, path, fallback) := v if {
	v := object.get(r.values, path, null)
	v != null
} else := fallback

# Whether the value at `path`, or a block containing it, is only known after apply.
unknown(r, path) if {
	some n in numbers.range(1, count(path))
	object.get(r.unknown, array.slice(path, 0, n), false) == true
}

# Whether the attribute holds something: not null, "", [], {}.
is_set(r, path) if {
	v := object.get(r.values, path, null)
	not v in {null, "", [], {}}
}

# Whether a (bool, or "true"/"false" string — some providers changed types) attribute is true.
is_true(r, path) if object.get(r.values, path, null) in {true, "true"}

# Whether a (bool or string) attribute is explicitly false.
is_false(r, path) if object.get(r.values, path, null) in {false, "false"}

# "unknown" | "fail" unless the attribute is true.
status_not_true(r, path) := "unknown" if {
	not is_true(r, path)
	unknown(r, path)
} else := "fail" if {
	not is_true(r, path)
}

# "unknown" | "fail" unless the attribute is set (non-empty).
status_not_set(r, path) := "unknown" if {
	not is_set(r, path)
	unknown(r, path)
} else := "fail" if {
	not is_set(r, path)
}

# "unknown" | "fail" when the attribute is true (for "must not be true" checks); an unset attribute passes.
status_true(r, path) := "fail" if {
	is_true(r, path)
} else := "unknown" if {
	unknown(r, path)
}

# "unknown" | "fail" unless the attribute equals one of `allowed`.
status_not_in(r, path, allowed) := "unknown" if {
	unknown(r, path)
} else := "fail" if {
	not object.get(r.values, path, null) in allowed
}
