# Helpers the benchmark's conftest rules share. They read the raw `terraform show -json` document,
# as a conftest user's policies do: resource_changes for values, configuration for references.
package lib

# resources(type): the managed resources of the type that the plan keeps (creates, updates, leaves).
resources(type) := [rc |
	some rc in input.resource_changes
	rc.type == type
	rc.mode == "managed"
	rc.change.actions != ["delete"]
]

# after(rc): the planned values (known ones only; unknown attributes are absent).
after(rc) := object.get(rc, ["change", "after"], {})

# unknown(rc, path): the attribute at path (a string, or an array for nested blocks) is known only
# after apply.
unknown(rc, attr) if rc.change.after_unknown[attr] == true

unknown(rc, path) if object.get(rc.change.after_unknown, path, false) == true

# list(x): x when it is an array, else empty (Terraform writes an unset list as null).
list(x) := x if is_array(x)

else := []

# deny message: "ID address: text", so that conftest's output can be compared with tfcheck's.
msg(id, rc, text) := concat("", [id, " ", rc.address, ": ", text])

# Configuration blocks, indexed once by "module call path|resource address" (module instances share
# one configuration: the path has the calls' names, no for_each keys or count indexes).
config_index[key] := r.expressions if {
	walk(input.configuration.root_module, [path, node])
	module_path(path)
	some r in node.resources
	key := concat("|", [concat(".", [path[i + 1] | some i, p in path; p == "module_calls"]), r.address])
}

module_path(path) if count(path) == 0

module_path(path) if path[count(path) - 1] == "module"

# expressions(rc): the configuration of the resource's block (its attributes' references and constants).
expressions(rc) := object.get(config_index, concat("|", [call_path(rc), resource_name(rc)]), {})

call_path(rc) := concat(".", [n |
	some i, n in split(regex.replace(rc.module_address, `\[("[^"]*"|[0-9]+)\]`, ""), ".")
	i % 2 == 1
]) if {
	rc.module_address
}

else := ""

resource_name(rc) := concat(".", [rc.type, rc.name]) if rc.mode == "managed"

else := concat(".", ["data", rc.type, rc.name])

# configured(rc, attr): the configuration sets the attribute (to a constant or an expression).
configured(rc, attr) if expressions(rc)[attr]

# references(rc, attr): the resources the attribute's expression names in the same module
# (`aws_s3_bucket.this`), without attribute or index.
references(rc, attr) := {ref |
	some raw in expressions(rc)[attr].references
	parts := split(regex.replace(raw, `\[[^\]]*\]`, ""), ".")
	not parts[0] in {"var", "local", "module", "data", "each", "count", "path", "terraform", "self"}
	ref := concat(".", [parts[0], parts[1]])
}

# same_module_key(rc, ref): the key under which a resource refers to `ref` in its module instance.
same_module_key(rc, ref) := concat("|", [object.get(rc, "module_address", ""), ref])

# attachment_keys(rc, attr): the keys under which rc points at another resource through attr: a
# reference in the same module instance, and the known name it sets ("name|" + the name). A rule
# collects them once into a set, and looks each target up with target_keys: O(1) per resource.
attachment_keys(rc, attr) := {same_module_key(rc, ref) | some ref in references(rc, attr)} | {concat("", ["name|", name]) |
	name := after(rc)[attr]
	is_string(name)
}

# target_keys(rc, name_attr): the keys an attachment pointing at rc has.
target_keys(rc, name_attr) := {same_module_key(rc, concat(".", [rc.type, rc.name]))} | {concat("", ["name|", name]) |
	name := after(rc)[name_attr]
	is_string(name)
}

anywhere(cidr) if cidr in {"0.0.0.0/0", "::/0"}

kms_arn(v) if regex.match(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$`, v)
