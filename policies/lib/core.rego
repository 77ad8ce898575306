# METADATA
# title: tfcheck rule helpers
# description: >-
#   What every rule needs to read the policy input document (docs/policy-input.md): resources by
#   type, the three states of a value (known, unknown until apply, sensitive), what the
#   configuration sets, and the one way to build a finding.
package tfcheck.lib

# The pseudo-address of findings about the plan as a whole.
plan_address := "(plan)"

# The marker that replaces every sensitive value.
sensitive_marker := "(sensitive)"

# resources(types): the resources of the given types that end-state rules judge (not delete-only).
resources(types) := [r |
	some type in types
	some address in object.get(input.types, type, [])
	r := input.resources[address]
	not delete_only(r)
]

# changes(types): every resource of the given types, deletions included, for change rules.
changes(types) := [r |
	some type in types
	some address in object.get(input.types, type, [])
	r := input.resources[address]
]

delete_only(r) if r.actions == ["delete"]

# path_parts("a.0.b") == ["a", 0, "b"]: a dotted path as an object.get path (numbers are list indexes).
path_parts(path) := [part |
	some s in split(path, ".")
	part := to_index(s)
]

to_index(s) := to_number(s) if regex.match(`^[0-9]+$`, s)

to_index(s) := s if not regex.match(`^[0-9]+$`, s)

# value(r, path): the known value at a dotted path (undefined when unknown or absent).
value(r, path) := v if {
	v := object.get(r.values, path_parts(path), null)
	v != null
	not is_unknown(r, path)
}

# known(r, path): the value is known at plan time (and not null).
known(r, path) if value(r, path)

# is_unknown(r, path): the value, or one of its parents, is known only after apply.
is_unknown(r, path) if {
	some u in r.unknown
	prefix_of(u, path)
}

# is_sensitive(r, path): the value, or one of its parents, was replaced by the sensitive marker.
is_sensitive(r, path) if {
	some s in r.sensitive
	prefix_of(s, path)
}

prefix_of(p, path) if p == path

prefix_of(p, path) if startswith(path, concat("", [p, "."]))

# configured(r, path): the configuration sets the attribute (or a nested block or attribute under it).
configured(r, path) if r.expressions[path]

configured(r, path) if {
	some k, _ in r.expressions
	startswith(k, concat("", [path, "."]))
}

# refs(r, path): the resources the expression at path references (resolved across modules).
refs(r, path) := object.get(r.expressions, [path, "refs"], [])

# references_type(r, path, types): the expression at path references a resource of one of types.
references_type(r, path, types) if {
	some ref in refs(r, path)
	ref.type in types
}

# param(name, fallback): a rule parameter from .tfcheck.yaml (data.tfcheck.parameters), or its default.
param(name, fallback) := value if {
	value := data.tfcheck.parameters[name]
} else := fallback

# fail / unknown: the two kinds of finding. path names the deciding attribute ("" when none).
fail(r, path, message) := finding(r, "FAIL", path, message)

unknown(r, path, message) := finding(r, "UNKNOWN", path, message)

finding(r, outcome, path, message) := {
	"address": r.address,
	"outcome": outcome,
	"path": path,
	"message": message,
}

# plan_fail(message): a FAIL about the plan as a whole.
plan_fail(message) := {"address": plan_address, "outcome": "FAIL", "path": "", "message": message}

# str(x): a value as text for messages (the Wasm SDK's sprintf differs from OPA's; avoid it).
str(x) := x if is_string(x)

str(x) := format_int(x, 10) if {
	is_number(x)
	x == floor(x)
}

str(x) := json.marshal(x) if {
	not is_string(x)
	not is_integer(x)
}

is_integer(x) if {
	is_number(x)
	x == floor(x)
}
