# METADATA
# title: Terraform resources, done once
# description: |
#   Turns a `terraform show -json` document (plan or state) into resource records every control shares.
#   Provider-neutral: nothing here knows about AWS.
#
#   A resource record:
#     address          full address, `module.vpc[0].aws_subnet.a["x"]`
#     type, name, mode `aws_subnet`, `a`, `managed`
#     index            count/for_each key, or null
#     module           module instance address (`module.vpc[0]`), "" for the root module
#     config_address   the configuration block's address (`module.vpc.aws_subnet.a`), no instance keys
#     provider         short provider name (`aws`, `azurerm`, `google`)
#     provider_name    as Terraform wrote it (`registry.terraform.io/hashicorp/aws`)
#     actions          plan actions (`["create"]`, `["delete","create"]`, `["no-op"]`…); [] for state
#     values           attribute values after the change (plan `change.after`) or as recorded (state)
#     unknown          `change.after_unknown` ({} for state): true at leaves only known after apply
#
#   Plans are read from `resource_changes` (not `planned_values`, which Terraform ≥1.7 filled wrongly for
#   `removed` blocks). Deletes and forgets are skipped: only what exists after the change is judged
#   (creates, updates, replaces, and unchanged resources, so existing findings are still reported).
#   State documents (`values.root_module`, `child_modules` recursively) are read as they are.
package tfguard.lib.resources

# Every managed resource that exists after the change, in document order.
all := array.concat(_from_plan, _from_state)

# type → the resources of that type (a partial object built once per query; use `planned(type)`).
resources_by_type[type] := [all[i] | some i in indices] if some type, indices in _indices_by_type

_indices_by_type[r.type] contains i if some i, r in all

# The resources of one type ([] when there are none).
planned(type) := object.get(resources_by_type, type, [])

# The resources of several types, e.g. `planned_any({"aws_lb_listener", "aws_alb_listener"})`.
planned_any(types) := [r | some t in types; some r in planned(t)]

# address → resource.
by_address[r.address] := r if some r in all

# Whether the input is a state document rather than a plan.
is_state if {
	not "resource_changes" in object.keys(input)
	is_object(input.values)
}

# The configuration block of a resource ({} when the document carries no configuration).
config(r) := object.get(_config_index, r.config_address, {})

# The provider configuration key a resource uses (`aws`, `aws.west`, `module.x:aws`).
provider_config_key(r) := k if {
	k := config(r).provider_config_key
	is_string(k)
} else := r.provider

# The provider configuration block of a resource ({} when not found), through aliases and providers
# passed to modules (Terraform resolves those into `provider_config_key`). Older formats (< 1.0) wrote
# keys as `child:aws` for a provider declared in `module.child`, or for one inherited from the root.
provider_config(r) := _provider_config_for_key(provider_config_key(r))

# The root provider configuration of the same name and alias as the resource's (`module.x:aws.west` → `aws.west`).
root_provider_config(r) := pc if {
	parts := split(provider_config_key(r), ":")
	pc := _provider_configs[parts[count(parts) - 1]]
} else := {}

_provider_configs := object.get(input, ["configuration", "provider_config"], {})

_provider_config_for_key(key) := pc if {
	pc := _provider_configs[key]
} else := pc if {
	pc := _provider_configs[concat("", ["module.", key])]
} else := pc if {
	parts := split(key, ":")
	count(parts) == 2
	pc := _provider_configs[parts[1]]
} else := {}

# ---- plans ----

_kept_actions := {"create", "update", "no-op"}

_exists_after(actions) if {
	some a in actions
	a in _kept_actions
}

_from_plan := [_record(rc) |
	some rc in object.get(input, "resource_changes", [])
	rc.mode == "managed"
	not rc.deposed
	_exists_after(rc.change.actions)
]

_record(rc) := {
	"address": rc.address,
	"type": rc.type,
	"name": rc.name,
	"mode": rc.mode,
	"index": object.get(rc, "index", null),
	"module": module,
	"config_address": config_address(module, rc.mode, rc.type, rc.name),
	"provider": short_provider(rc.provider_name),
	"provider_name": rc.provider_name,
	"actions": rc.change.actions,
	"values": _object_or_empty(rc.change.after),
	"unknown": _object_or_empty(object.get(rc.change, "after_unknown", {})),
} if {
	module := object.get(rc, "module_address", "")
}

# ---- state documents ----

# Module trees deeper than this are not read (Terraform configurations rarely nest past 3).
_state_modules := array.concat(_state_levels_0_4, _state_levels_5_9)

_state_levels_0_4 := array.concat(array.concat(array.concat(array.concat(_s0, _s1), _s2), _s3), _s4)

_state_levels_5_9 := array.concat(array.concat(array.concat(array.concat(_s5, _s6), _s7), _s8), _s9)

_s0 := [m | is_state; m := input.values.root_module; is_object(m)]

_s1 := _children(_s0)

_s2 := _children(_s1)

_s3 := _children(_s2)

_s4 := _children(_s3)

_s5 := _children(_s4)

_s6 := _children(_s5)

_s7 := _children(_s6)

_s8 := _children(_s7)

_s9 := _children(_s8)

_children(modules) := [c | some m in modules; some c in object.get(m, "child_modules", [])]

_from_state := [_state_record(m, r) |
	some m in _state_modules
	some r in object.get(m, "resources", [])
	r.mode == "managed"
	not r.deposed_key
]

_state_record(m, r) := {
	"address": r.address,
	"type": r.type,
	"name": r.name,
	"mode": r.mode,
	"index": object.get(r, "index", null),
	"module": module,
	"config_address": config_address(module, r.mode, r.type, r.name),
	"provider": short_provider(r.provider_name),
	"provider_name": r.provider_name,
	"actions": [],
	"values": _object_or_empty(object.get(r, "values", {})),
	"unknown": {},
} if {
	module := object.get(m, "address", "")
}

# ---- configuration ----

# config address (`module.a.module.b.aws_x.y`) → configuration block, from `module_calls` recursively.
_config_index[key] := conf if {
	some level in _config_modules
	some conf in object.get(level.module, "resources", [])
	key := _join_address(level.prefix, conf.address)
}

_config_modules := array.concat(_config_levels_0_4, _config_levels_5_9)

_config_levels_0_4 := array.concat(array.concat(array.concat(array.concat(_c0, _c1), _c2), _c3), _c4)

_config_levels_5_9 := array.concat(array.concat(array.concat(array.concat(_c5, _c6), _c7), _c8), _c9)

_c0 := [{"prefix": "", "module": m} | m := input.configuration.root_module; is_object(m)]

_c1 := _calls(_c0)

_c2 := _calls(_c1)

_c3 := _calls(_c2)

_c4 := _calls(_c3)

_c5 := _calls(_c4)

_c6 := _calls(_c5)

_c7 := _calls(_c6)

_c8 := _calls(_c7)

_c9 := _calls(_c8)

_calls(levels) := [{"prefix": _join_address(level.prefix, concat("", ["module.", name])), "module": object.get(call, "module", {})} |
	some level in levels
	some name, call in object.get(level.module, "module_calls", {})
]

_join_address("", address) := address

_join_address(prefix, address) := concat(".", [prefix, address]) if prefix != ""

# ---- helpers ----

# The configuration address of a resource: its module path without instance keys, then the block.
config_address(module, mode, type, name) := _join_address(regex.replace(module, `\[[^\]]*\]`, ""), _block(mode, type, name))

_block("data", type, name) := concat(".", ["data", type, name])

_block(mode, type, name) := concat(".", [type, name]) if mode != "data"

# `registry.terraform.io/hashicorp/aws` → `aws`; old formats wrote `aws` or `provider.aws`.
short_provider(provider_name) := name if {
	parts := split(provider_name, "/")
	last := trim_prefix(parts[count(parts) - 1], "provider.")
	name := split(last, ".")[0]
}

_object_or_empty(x) := x if is_object(x)

_object_or_empty(x) := {} if not is_object(x)
