# METADATA
# title: Port range specifications
# description: |
#   Port ranges as firewall rules write them in strings: "22", "1000-2000", "*" (Azure NSG rules,
#   Google firewall `ports`). Numbers are accepted too.
package tfguard.lib.ports

# Whether the specification admits `port`. Unparsable specifications admit nothing.
covers(spec, port) if _all(spec)

covers(spec, port) if {
	[low, high] := bounds(spec)
	low <= port
	port <= high
}

# Whether the specification admits every port ("*", "0-65535").
covers_all(spec) if _all(spec)

covers_all(spec) if {
	[low, high] := bounds(spec)
	low <= 1
	high >= 65535
}

_all(spec) if spec in {"*", "any", "Any", "0-65535", "1-65535"}

# [low, high] of "22", "1000-2000" or a number; undefined when it is not a port range.
bounds(spec) := [spec, spec] if is_number(spec)

bounds(spec) := [n, n] if {
	is_string(spec)
	regex.match(`^\s*[0-9]+\s*$`, spec)
	n := to_number(trim_space(spec))
}

bounds(spec) := [to_number(trim_space(parts[0])), to_number(trim_space(parts[1]))] if {
	is_string(spec)
	regex.match(`^\s*[0-9]+\s*-\s*[0-9]+\s*$`, spec)
	parts := split(spec, "-")
}
