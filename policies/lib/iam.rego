# METADATA
# title: tfcheck IAM helpers
# description: >-
#   Reading parsed IAM statements (docs/policy-input.md, "IAM"): IAM wildcard matching, write
#   actions, resources that mean "everything", the effective policies of a role, and what tfcheck
#   knows about AWS managed policies whose contents are not in the plan.
package tfcheck.lib.iam

import data.tfcheck.lib

# field(s, name): a list field of a statement (actions, resources, unknown, refs, ...), [] when null.
field(s, name) := v if {
	v := s[name]
	is_array(v)
} else := []

# action_matches(pattern, action): the IAM action pattern (`*`, `?`, lower-cased) matches the action.
# IAM wildcards cross the `:` between service and verb, so glob.match gets an empty delimiter list
# (the Wasm glob then has no delimiter; native OPA falls back to `.`, which no IAM action contains).
# `[`, `]`, `{`, `}` and `\` are literal in IAM but not in a glob: such a pattern matches only itself.
# A pattern without `*` or `?` matches only itself, and one whose only wildcard is a final `*`
# (`*`, `s3:*`, `s3:get*`, most of them) matches what starts with the rest: the glob is for the few
# others. Each glob or regular expression is compiled again in every evaluation of the Wasm policy,
# which costs more than the string builtins used here instead.
action_matches(pattern, action) if pattern == lower(action)

action_matches(pattern, action) if {
	prefix := trailing_star_prefix(pattern)
	startswith(lower(action), prefix)
}

action_matches(pattern, action) if {
	wildcard(pattern)
	not trailing_star_prefix(pattern)
	not glob_metacharacter(pattern)
	glob.match(pattern, [], lower(action))
}

wildcard(pattern) if contains(pattern, "*")

wildcard(pattern) if contains(pattern, "?")

# trailing_star_prefix(pattern): what precedes the final `*` of a pattern that has no other wildcard
# and nothing a glob would read differently (undefined for any other pattern).
trailing_star_prefix(pattern) := prefix if {
	endswith(pattern, "*")
	prefix := trim_suffix(pattern, "*")
	not wildcard(prefix)
	not glob_metacharacter(prefix)
}

glob_metacharacter(pattern) if {
	some c in ["[", "]", "{", "}", "\\"]
	contains(pattern, c)
}

# parts(pattern): [service, verb] of an action pattern; the bare `*` is ["*", "*"]. Split at the
# first `:` (an action has one; arithmetic on the index would cost more than the split).
parts(pattern) := p if {
	p := split(pattern, ":")
	count(p) == 2
} else := [substring(pattern, 0, i), substring(pattern, i + 1, -1)] if {
	i := indexof(pattern, ":")
	i >= 0
} else := [pattern, pattern]

# may_grant_service(pattern, service): the pattern matches some action of the service
# (`*`, `dynamodb:*`, `dynamodb:get*`, `dynamo*:query`, `*:getitem` for "dynamodb").
may_grant_service(pattern, service) if action_matches(parts(pattern)[0], service)

# covers_service(pattern, service): the pattern matches every action of the service (`*`, `*:*`, `s3:*`).
covers_service(pattern, service) if {
	parts(pattern)[1] == "*"
	action_matches(parts(pattern)[0], service)
}

# is_service_wildcard(pattern): every action, or every action of a service (`*`, `*:*`, `s3:*`).
is_service_wildcard(pattern) if parts(pattern)[1] == "*"

# all_actions(pattern): every action of every service (`*`, `*:*`).
all_actions(pattern) if parts(pattern) == ["*", "*"]

# Write actions: a verb (the part after `:`) that starts with one of these. A pattern with a wildcard
# is a write action when it can expand to one: `s3:put*`, `s3:p*`, `s3:*object` are, `s3:get*` is not.
write_verbs := [
	"abort", "add", "associate", "attach", "authorize", "batchdelete", "batchwrite", "change",
	"complete", "copy", "create", "delete", "deregister", "detach", "disable", "disassociate",
	"enable", "execute", "import", "initiate", "invoke", "modify", "pass", "publish", "purge", "put",
	"reboot", "register", "remove", "replace", "reset", "restore", "revoke", "rotate", "run", "send",
	"set", "start", "stop", "tag", "terminate", "untag", "update", "upload", "write",
]

is_write_action(pattern) if {
	some w in write_verbs
	startswith(literal_prefix(parts(pattern)[1]), w)
}

is_write_action(pattern) if {
	verb := parts(pattern)[1]
	wildcard(verb)
	some w in write_verbs
	startswith(w, literal_prefix(verb))
}

# literal_prefix(verb): the verb up to its first wildcard.
literal_prefix(verb) := split(split(verb, "*")[0], "?")[0]

# allows(s): an Allow statement (the parsed effect is `Allow` when the document leaves it out).
allows(s) if s.effect == "Allow"

# grants(s, action): the Allow statement grants the action, by a matching `Action` or by a
# `NotAction` that does not exclude it.
grants(s, action) if {
	allows(s)
	some p in field(s, "actions")
	action_matches(p, action)
}

grants(s, action) if {
	allows(s)
	not_actions := field(s, "not_actions")
	count(not_actions) > 0
	not any_matches(not_actions, action)
}

any_matches(patterns, action) if {
	some p in patterns
	action_matches(p, action)
}

# grant_via(s, action): the pattern through which the statement grants the action, for messages.
grant_via(s, action) := via[0] if {
	via := [p | some p in field(s, "actions"); action_matches(p, action)]
	count(via) > 0
} else := "NotAction"

# grants_service(s, service): the Allow statement grants some action of the service.
grants_service(s, service) if {
	allows(s)
	some p in field(s, "actions")
	may_grant_service(p, service)
}

grants_service(s, service) if {
	allows(s)
	not_actions := field(s, "not_actions")
	count(not_actions) > 0
	not any_covers(not_actions, service)
}

any_covers(patterns, service) if {
	some p in patterns
	covers_service(p, service)
}

# denies_service(statements, service): an unconditional Deny of every action of the service on
# every resource, which no Allow in the same policy set can override.
denies_service(statements, service) if {
	some s in statements
	s.effect == "Deny"
	count(field(s, "conditions")) == 0
	count(field(s, "unknown")) == 0
	"*" in field(s, "resources")
	some p in field(s, "actions")
	covers_service(p, service)
}

# is_all_resource(x): `*`, or an ARN whose resource part is `*` or a type followed by `*`
# (`arn:aws:s3:::*`, `arn:aws:ssm:*:*:parameter/*`, `arn:aws:iam::123456789012:role/*`).
is_all_resource(x) if x == "*"

is_all_resource(x) if {
	p := split(x, ":")
	count(p) == 6
	p[0] == "arn"
	all_resource_part(p[5])
}

is_all_resource(x) if {
	p := split(x, ":")
	count(p) == 7
	p[0] == "arn"
	p[5] in all_resource_types
	p[6] == "*"
}

all_resource_part("*")

all_resource_part(part) if {
	endswith(part, "/*")
	trim_suffix(part, "/*") in all_resource_types
}

all_resource_types := {"parameter", "secret", "key", "alias", "role", "dbuser"}

# broad_resource(s): the statement applies to every resource: a known `*` (see is_all_resource) or a
# `NotResource` (everything but the listed ARNs).
broad_resource(s) if {
	some x in field(s, "resources")
	is_all_resource(x)
}

broad_resource(s) if count(field(s, "not_resources")) > 0

# all_resource_label(s): the resource that makes the statement broad, for messages.
all_resource_label(s) := broad[0] if {
	broad := [x | some x in field(s, "resources"); is_all_resource(x)]
	count(broad) > 0
} else := "NotResource"

# resources_unresolved(s): `Resource` is known only after apply and no reference resolves it.
resources_unresolved(s) if {
	"resources" in field(s, "unknown")
	not resource_refs(s)
}

resource_refs(s) if {
	some ref in field(s, "refs")
	ref.field == "resources"
}

# actions_unknown(s): `Action` or `NotAction` is known only after apply.
actions_unknown(s) if "actions" in field(s, "unknown")

actions_unknown(s) if "not_actions" in field(s, "unknown")

# statement_label(s, i): `statement "Sid"`, or `statement <index>` when the statement has no Sid.
statement_label(s, i) := concat("", ["statement \"", s.sid, "\""]) if {
	is_string(s.sid)
	s.sid != ""
} else := concat("", ["statement ", format_int(i, 10)])

# policy_label(p): an entry of iam.roles[...].policies, for messages.
policy_label(p) := concat("", ["AWS managed policy ", p.name]) if {
	p.kind == "aws_managed"
	is_string(p.name)
} else := p.address if {
	is_string(p.address)
} else := concat("", [p.kind, " policy ", p.name]) if {
	is_string(p.name)
} else := concat("", [p.kind, " policy"])

# documents_of(r): the policy documents a resource holds, less those the configuration does not set
# (an unset Optional+Computed `policy`, such as an aws_kms_key's, is AWS's default, unknown in the plan).
documents_of(r) := [d |
	some d in object.get(r, "policy_documents", [])
	set_by_configuration(r, d)
]

set_by_configuration(_, d) if d.known == true

set_by_configuration(r, d) if lib.configured(r, d.path)

# unknown_documents(r): the configured documents of r known only after apply and not recovered.
unknown_documents(r) := [d | some d in documents_of(r); d.known == false]

# with_documents: every judged resource that holds a policy document, whatever its type. Most
# resources hold none: testing for a first document is cheap, building documents_of is not.
with_documents[r.address] := r if {
	some r in input.resources
	_ = r.policy_documents[0]
	count(documents_of(r)) > 0
	not lib.delete_only(r)
}

# roles: the effective policy sets (input.iam.roles), {} when the input has none.
roles := object.get(input, ["iam", "roles"], {})

# role_ref(task, kind): the task definition's `task` or `execution` role reference.
role_ref(task, kind) := object.get(task, ["roles", kind], {"address": null, "arn": null, "set": false})

# role_of(ref): the role a reference resolves to (undefined when it does not resolve).
role_of(ref) := roles[ref.address]

# unresolved(ref): the role attribute is set but leads to no role of the plan.
unresolved(ref) if {
	ref.set == true
	not role_of(ref)
}

# role_statements(role): every statement of every policy of the role.
role_statements(role) := [s | some p in role.policies; some s in p.statements]

# opaque(p): a policy whose statements are not in the input and that is not AWS managed.
opaque(p) if {
	p.known == false
	p.kind != "aws_managed"
}

# AWS managed policies are attached by name; their contents are not in the plan. The names below are
# the ones whose documented contents decide a rule.

# admin_managed(name): grants every action of one or more services, or of all of them.
admin_managed(name) if endswith(name, "FullAccess")

admin_managed(name) if name in {"AdministratorAccess", "PowerUserAccess"}

admin_managed(name) if startswith(name, "AdministratorAccess-")

# dynamodb_managed(name): grants DynamoDB actions (named for DynamoDB, or broad job-function policies).
dynamodb_managed(name) if contains(lower(name), "dynamodb")

dynamodb_managed(name) if name in {
	"AdministratorAccess", "DatabaseAdministrator", "PowerUserAccess",
	"ReadOnlyAccess", "SecurityAudit", "ViewOnlyAccess",
}

# secret_reading_managed(name): grants ssm:GetParameter*, secretsmanager:GetSecretValue or kms:Decrypt
# on every resource.
secret_reading_managed(name) if name in {
	"AdministratorAccess", "AmazonSSMFullAccess", "AmazonSSMManagedInstanceCore",
	"AmazonSSMReadOnlyAccess", "PowerUserAccess", "ReadOnlyAccess", "SecretsManagerReadWrite",
}

# Verdicts: what a policy or statement check found, before it becomes a finding of a resource.
fail_verdict(message) := {"outcome": "FAIL", "message": message}

unknown_verdict(message) := {"outcome": "UNKNOWN", "message": message}

# verdict_finding(r, path, prefix, v): the finding for resource r of verdict v, its message prefixed.
verdict_finding(r, path, prefix, v) := lib.fail(r, path, concat("", [prefix, v.message])) if v.outcome == "FAIL"

verdict_finding(r, path, prefix, v) := lib.unknown(r, path, concat("", [prefix, v.message])) if v.outcome == "UNKNOWN"

# roles_used_as(kind): the roles (not being deleted) that a task definition uses as `task` or `execution`.
roles_used_as(kind) := {role |
	some role in roles
	some use in role.used_by
	use.as == kind
	not deleted(role.address)
}

deleted(address) if lib.delete_only(input.resources[address])

# document_statements(r): [document, statement index, statement] of every known document of r, in order.
document_statements(r) := [[d, i, s] |
	some d in documents_of(r)
	d.known == true
	some i, s in d.statements
]
