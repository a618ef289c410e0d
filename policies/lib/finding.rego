# METADATA
# title: Finding constructors
# description: |
#   The finding contract of policies/README.md. Pass `rego.metadata.rule()` as `meta`, the resource record
#   from `lib.resources`, the attribute at fault (path as a dotted string) and a specific message.
package tfguard.lib.finding

# A violated control.
fail(meta, r, attribute, msg) := _make(meta, r, attribute, msg, "fail")

# A control that cannot be decided yet: its deciding attribute is only known after apply.
unknown(meta, r, attribute, msg) := _make(meta, r, attribute, msg, "unknown")

# `status` is "fail" or "unknown" (what the helpers of lib.values return).
result(meta, r, attribute, msg, status) := _make(meta, r, attribute, msg, status)

_make(meta, r, attribute, msg, status) := {
	"id": object.get(meta, ["custom", "id"], ""),
	"severity": object.get(meta, ["custom", "severity"], "high"),
	"title": object.get(meta, "title", ""),
	"msg": _message(r, attribute, msg, status),
	"resource": r.address,
	"module": r.module,
	"attribute": attribute,
	"status": status,
}

_message(r, _, msg, "fail") := sprintf("%s: %s", [r.address, msg])

_message(r, attribute, msg, "unknown") := sprintf("%s: %s is only known after apply, cannot verify yet (%s)", [r.address, attribute, msg])
