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

# resources(types): the resources of the given types that end-state rules judge: managed (data
# sources of the same type are read, not changed) and not delete-only.
resources(types) := [r |
	some r in changes(types)
	not delete_only(r)
]

# changes(types): every managed resource of the given types, deletions included, for change rules.
changes(types) := [r |
	some type in types
	some address in object.get(input.types, type, [])
	r := input.resources[address]
	r.mode == "managed"
]

delete_only(r) if {
	r.actions[0] == "delete"
	count(r.actions) == 1
}

# path_parts("a.0.b") == ["a", 0, "b"]: a dotted path as an object.get path (numbers are list indexes).
path_parts(path) := [path] if not contains(path, ".")

else := [to_index(s) | some s in split(path, ".")]

to_index(s) := to_number(s) if digits(s)

else := s

# digits(s): s is one or more decimal digits (string functions: a regular expression is compiled
# again in every evaluation of the Wasm policy).
digits(s) if {
	s != ""
	trim_left(s, "0123456789") == ""
}

# value(r, path): the known value at a dotted path (undefined when unknown or absent). Most paths
# are a top-level attribute, read without building a path for object.get.
value(r, path) := v if {
	v := at_path(r.values, path)
	v != null
	not is_unknown(r, path)
}

# at_path(values, path): what values holds at a dotted path (undefined or null when nothing).
at_path(values, path) := values[path] if not contains(path, ".")

else := object.get(values, path_parts(path), null) if contains(path, ".")

# known(r, path): the value is known at plan time (and not null); false is a known value.
known(r, path) if {
	_ := value(r, path)
}

# is_unknown(r, path): the value, or one of its parents, is known only after apply.
is_unknown(r, path) if covered(r.unknown, path)

# is_sensitive(r, path): the value, or one of its parents, was replaced by the sensitive marker.
is_sensitive(r, path) if covered(r.sensitive, path)

# covered(paths, path): path or one of its parents is in paths. These helpers run for every value
# a rule reads: the few listed paths are compared with path, rather than path's parents built.
covered(paths, path) if path in paths

covered(paths, path) if {
	contains(path, ".")
	some p in paths
	startswith(path, concat("", [p, "."]))
}

# configured(r, path): the configuration sets the attribute (or a nested block or attribute under it).
configured(r, path) if r.expressions[path]

configured(r, path) if {
	prefix := concat("", [path, "."])
	some k, _ in r.expressions
	startswith(k, prefix)
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

# live(address): the resource at address, unless it is absent from the plan or delete-only.
live(address) := r if {
	r := input.resources[address]
	not delete_only(r)
}

# hidden(r, path): the value at path cannot be judged at plan time: known only after apply, or sensitive.
hidden(r, path) if is_unknown(r, path)

hidden(r, path) if is_sensitive(r, path)

# empty_literal(r, path): the configuration sets the attribute without referencing any resource or
# unresolved input (a literal, or a module variable resolved to one), yet the plan shows it as
# unknown: what a provider does with an empty string in an optional computed attribute. Only for
# attributes that impure functions (timestamp(), uuid()) do not plausibly build, such as ARNs.
empty_literal(r, path) if {
	configured(r, path)
	is_unknown(r, path)
	count(refs(r, path)) == 0
	count(object.get(r.expressions, [path, "unresolved"], [])) == 0
}

# shown(r, path): the value at path as message text (JSON: true, 7, "aurora-mysql"), never a sensitive value.
shown(r, path) := "a sensitive value" if is_sensitive(r, path)

else := json.marshal(value(r, path)) if known(r, path)

else := "an empty value" if empty_literal(r, path)

else := "not set"

# unseen(r, path): why the value at path cannot be judged, as message text.
unseen(r, path) := concat("", [path, " is sensitive"]) if is_sensitive(r, path)

else := concat("", [path, " is known only after apply"])

# expect_in(r, path, wants, advice): the findings of a rule that wants the value at path to be one
# of wants: none when it is, UNKNOWN when the configuration sets it but it cannot be seen at plan
# time, FAIL otherwise (another value, or none: an unset attribute that the provider computes is the
# provider's default, which is not trusted). advice says what to do.
expect_in(r, path, wants, advice) := set() if value(r, path) in wants

else := {unknown(r, path, concat(": ", [unseen(r, path), advice]))} if {
	hidden(r, path)
	not computed_default(r, path)
}

else := {fail(r, path, concat("", [path, " is ", shown(r, path), ": ", advice]))}

# computed_default(r, path): the configuration leaves the attribute to the provider, which computes
# it at apply time: the plan shows it unknown, but nothing chose its value.
computed_default(r, path) if {
	is_unknown(r, path)
	not configured(r, path)
}

# expect(r, path, want): expect_in for a single wanted value.
expect(r, path, want) := expect_in(r, path, {want}, concat("", ["set ", path, " = ", json.marshal(want)]))

# expect_explicit_in(r, path, wants, advice): expect_in, and FAIL when the configuration does not
# set the attribute (the provider's default is not trusted).
expect_explicit_in(r, path, wants, advice) := {fail(r, path, concat("", [path, " is not set: ", advice, " explicitly"]))} if {
	not configured(r, path)
} else := expect_in(r, path, wants, advice)

# expect_explicit(r, path, want): expect_explicit_in for a single wanted value.
expect_explicit(r, path, want) := expect_explicit_in(r, path, {want}, concat("", ["set ", path, " = ", json.marshal(want)]))

# expect_ref(r, path, types, pattern, advice): the findings of a rule that wants path set to a
# known value matching the regular expression pattern, or to a reference to a resource of one of
# types (which holds by reference). FAIL when not configured, empty or not matching; UNKNOWN when
# configured but not seen at plan time and no reference resolves it (an empty literal FAILs).
expect_ref(r, path, types, pattern, advice) := set() if references_type(r, path, types)

else := set() if regex.match(pattern, value(r, path))

else := {fail(r, path, concat("", [path, " is not set: ", advice]))} if not configured(r, path)

else := {unknown(r, path, message)} if {
	hidden(r, path)
	not empty_literal(r, path)
	message := concat("", [unseen(r, path), no_reference_text(types), ": ", advice])
} else := {fail(r, path, concat("", [path, " is ", shown(r, path), ": ", advice]))}

no_reference_text(types) := "" if count(types) == 0

else := concat("", [" and references no ", concat(" or ", sort(types))])

kms_types := {"aws_kms_key", "aws_kms_alias"}

kms_arn_pattern := `^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$`

# expect_kms_key(r, path): expect_ref for an attribute naming a KMS key: a known KMS key or alias
# ARN, or a reference to an aws_kms_key or aws_kms_alias.
expect_kms_key(r, path) := expect_ref(r, path, kms_types, kms_arn_pattern, "set it to a customer managed aws_kms_key ARN")

# attached(r, type, path, key): the live resources of type that point at r through their top-level
# attribute path: by a reference to r, or by a known value equal to r's known value at key (a name
# passed through a variable or a local, which references do not follow).
attached(r, type, path, key) := [input.resources[address] | some address in attached_addresses(r, type, path, key)]

attached_addresses(r, type, path, key) := {address |
	some ref in object.get(r, "referenced_by", [])
	ref.type == type
	ref.path == path
	live(ref.address)
	address := ref.address
} | {address |
	name := value(r, key)
	some address in named_by(type, path, name)
}

# targets(r, path, type, key): the live resources of type that r's attribute path points at: by
# reference, or by r's known value at path equal to their known top-level value at key.
targets(r, path, type, key) := [input.resources[address] | some address in target_addresses(r, path, type, key)]

target_addresses(r, path, type, key) := {ref.address |
	some ref in refs(r, path)
	ref.type == type
	live(ref.address)
} | {address |
	name := value(r, path)
	some address in named_by(type, key, name)
}

# named_by(type, attribute, value): the live resources of type whose known top-level attribute is
# value: through the input's names index (docs/policy-input.md) for the attributes it covers, by a
# scan of the type otherwise.
named_by(type, attribute, value) := {address | some address in object.get(input.names, [type, attribute, value], [])} if {
	attribute in name_attributes
} else := {address |
	some address in object.get(input.types, type, [])
	input.resources[address].values[attribute] == value
	live(address)
}

# name_attributes: the attributes that input.names indexes (PolicyInput.NAME_ATTRIBUTES).
name_attributes := {"bucket", "db_subnet_group_name", "name", "repository", "role"}

# items(r, path): the values at path keyed by dotted path: each element of a list (path.0, ...) or
# the single value; null where known only after apply or sensitive; empty when not set.
items(r, path) := {concat(".", [path, format_int(i, 10)]): visible(v) | some i, v in list} if {
	list := value(r, path)
	is_array(list)
} else := {path: visible(v)} if v := value(r, path)

else := {path: null} if hidden(r, path)

else := {}

visible(v) := null if v == sensitive_marker

else := v

# Security group ingress, normalized across the three ways Terraform writes it.

# ingress(r): the ingress entries of an aws_security_group (inline ingress blocks), an ingress
# aws_security_group_rule or an aws_vpc_security_group_ingress_rule:
# {"path", "protocol", "from_port", "to_port", "sources"}, protocol and ports null when not known;
# sources [{"kind": "cidr" | "prefix_list" | "unknown", "path", "value" (null when not known),
# "refs"}]. Security group sources are not listed: they are what restricted ingress looks like.
ingress(r) := [{
	"path": "ingress",
	"protocol": null,
	"from_port": null,
	"to_port": null,
	"sources": [{"kind": "unknown", "path": "ingress", "value": null, "refs": []}],
}] if {
	r.type == "aws_security_group"
	hidden(r, "ingress")
	configured(r, "ingress")
} else := [ingress_entry(r, concat("", ["ingress.", format_int(i, 10), "."]), inline_sources, "protocol") |
	some i, _ in value(r, "ingress")
] if {
	r.type == "aws_security_group"
} else := [ingress_entry(r, "", inline_sources, "protocol")] if {
	r.type == "aws_security_group_rule"
	not egress(r)
} else := [ingress_entry(r, "", rule_sources, "ip_protocol")] if {
	r.type == "aws_vpc_security_group_ingress_rule"
} else := []

egress(r) if value(r, "type") == "egress"

inline_sources := {"cidr_blocks": "cidr", "ipv6_cidr_blocks": "cidr", "prefix_list_ids": "prefix_list"}

rule_sources := {"cidr_ipv4": "cidr", "cidr_ipv6": "cidr", "prefix_list_id": "prefix_list"}

ingress_entry(r, prefix, attributes, protocol) := {
	"path": trim_suffix(prefix, "."),
	"protocol": seen(r, concat("", [prefix, protocol])),
	"from_port": seen(r, concat("", [prefix, "from_port"])),
	"to_port": seen(r, concat("", [prefix, "to_port"])),
	"sources": [source |
		some attribute, kind in attributes
		path := concat("", [prefix, attribute])
		some p, v in items(r, path)
		source := {"kind": kind, "path": p, "value": v, "refs": source_refs(r, prefix, path)}
	],
}

# Inline blocks are a set: the plan's order is not the configuration's, so their expressions
# cannot be matched to values and inline sources never hold by reference.
source_refs(r, prefix, path) := [] if prefix != ""

else := refs(r, path)

seen(r, path) := visible(v) if v := value(r, path)

else := null

# all_ports(entry): the entry allows every protocol, so every port.
all_ports(entry) if {
	is_string(entry.protocol)
	lower(entry.protocol) in {"-1", "all"}
}

# covers_port(entry, port): the entry's known port range includes port.
covers_port(entry, _) if all_ports(entry)

covers_port(entry, port) if {
	is_number(entry.from_port)
	is_number(entry.to_port)
	entry.from_port <= port
	port <= entry.to_port
}

# ports_unknown(entry): the entry's port range is not known at plan time.
ports_unknown(entry) if {
	not all_ports(entry)
	not is_number(entry.from_port)
}

ports_unknown(entry) if {
	not all_ports(entry)
	not is_number(entry.to_port)
}

# ports_text(entry): the entry's ports as message text.
ports_text(entry) := "all ports" if all_ports(entry)

else := "ports known only after apply" if ports_unknown(entry)

else := concat("", ["port ", str(entry.from_port)]) if entry.from_port == entry.to_port

else := concat("", ["ports ", str(entry.from_port), "-", str(entry.to_port)])

# anywhere(cidr): the CIDR is the whole IPv4 or IPv6 internet.
anywhere(cidr) if cidr in {"0.0.0.0/0", "::/0"}
