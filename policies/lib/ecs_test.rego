# Tests of policies/lib/ecs.rego, and the builders of policy input documents (docs/policy-input.md)
# that the ECS, IAM, SSM, ECR and ALB rule tests share.
package tfcheck.lib.ecs_test

import data.tfcheck.lib_test

import data.tfcheck.lib.ecs

# ---- builders ------------------------------------------------------------------------------------

# resource(type, address, fields): a resource with the documented fields, overridden by fields.
resource(type, address, fields) := object.union(
	{
		"address": address,
		"type": type,
		"mode": mode(address),
		"actions": ["create"],
		"values": {},
		"before": null,
		"unknown": [],
		"sensitive": [],
		"expressions": {},
		"referenced_by": [],
		"policy_documents": [],
	},
	fields,
)

mode(address) := "data" if {
	regex.match(`(^|\.)data\.`, address)
} else := "managed"

# plan(resources, roles): the input document holding resources and iam.roles.
plan(resources, roles) := {
	"tfcheck": {"schema_version": "1.0"},
	"resources": {r.address: r | some r in resources},
	"types": {type: sort([r.address | some r in resources; r.type == type]) | some x in resources; type := x.type},
	"names": lib_test.names_index(resources),
	"iam": {"roles": {role.address: role | some role in roles}},
}

# task(address, containers, fields): an aws_ecs_task_definition with known containers.
task(address, containers, fields) := resource("aws_ecs_task_definition", address, object.union(
	{
		"containers": containers,
		"containers_known": true,
		"roles": {"task": no_role, "execution": no_role},
	},
	fields,
))

# unknown_task(address, refs): container_definitions known only after apply, referencing refs.
unknown_task(address, refs) := task(address, [], {
	"containers_known": false,
	"unknown": ["container_definitions"],
	"expressions": {"container_definitions": expression(refs)},
})

no_role := {"address": null, "arn": null, "set": false}

role_ref(address) := {"address": address, "arn": null, "set": true}

# expression(refs): a configured, non-constant expression with resolved refs.
expression(refs) := {"constant": false, "refs": refs, "unresolved": []}

constant := {"constant": true, "refs": [], "unresolved": []}

ref(address, type, attribute) := {"address": address, "type": type, "attribute": attribute}

# role(address, trust, policies, used_by): an entry of iam.roles.
role(address, trust, policies, used_by) := {
	"address": address,
	"name": null,
	"trust": trust,
	"trust_known": true,
	"policies": policies,
	"used_by": used_by,
}

# policy(kind, address, statements): an entry of a role's policies, known.
policy(kind, address, statements) := {
	"kind": kind,
	"address": address,
	"arn": null,
	"name": null,
	"known": true,
	"statements": statements,
}

# managed(name): an AWS managed policy attached by ARN.
managed(name) := {
	"kind": "aws_managed",
	"address": null,
	"arn": concat("", ["arn:aws:iam::aws:policy/", name]),
	"name": name,
	"known": false,
	"statements": [],
}

# statement(fields): a parsed statement with the documented fields.
statement(fields) := object.union(
	{
		"sid": null,
		"effect": "Allow",
		"actions": null,
		"not_actions": null,
		"resources": null,
		"not_resources": null,
		"principals": null,
		"not_principals": null,
		"conditions": [],
		"unknown": [],
		"refs": [],
	},
	fields,
)

allow(actions, resources) := statement({"actions": actions, "resources": resources})

# document(path, statements): a known policy document parsed from JSON.
document(path, statements) := {"path": path, "known": true, "source": "json", "from": null, "statements": statements}

# ---- lib.ecs -------------------------------------------------------------------------------------

test_secret_looking_names if {
	every name in [
		"DB_PASSWORD", "DJANGO_SECRET_KEY", "API_KEY", "GITHUB_TOKEN", "PRIVATE_KEY", "dbPassword",
		"client-secret", "SECRET_KEY_BASE", "STRIPE_APIKEY", "SMTP_PASSWD", "AUTHTOKEN",
	] {
		ecs.secret_looking_name(name)
	}
}

test_not_secret_looking_names if {
	every name in [
		"DATABASE_IAM_AUTH", "AWS_SECRET_NAME", "DB_PASSWORD_ARN", "DATABASE_PASSWORD_FILE", "TOKEN_TTL",
		"MAX_TOKENS", "TOKENIZERS_PARALLELISM", "SECRETARY_EMAIL", "DATABASE_URL", "AWS_ACCESS_KEY_ID",
		"PWD", "API_KEY_ID", "SECRETS_BACKEND",
	] {
		not ecs.secret_looking_name(name)
	}
}

test_credentials_in_url if {
	ecs.credentials_in_url("postgres://wagtail:hunter2@db.internal:5432/wagtail")
	ecs.credentials_in_url("redis://:hunter2@cache:6379/0")
	not ecs.credentials_in_url("postgres://db.internal:5432/wagtail")
	not ecs.credentials_in_url("postgres://wagtail@db.internal/wagtail")
	not ecs.credentials_in_url("https://cms.example.org/a:b@c")
}

test_plaintext_secret if {
	ecs.plaintext_secret({"name": "DB_PASSWORD", "value": "hunter2"}) == "its name looks secret"
	ecs.plaintext_secret({"name": "DB_PASSWORD", "value": "(sensitive)"}) == "its name looks secret"
	ecs.plaintext_secret({"name": "DATABASE_URL", "value": "postgres://u:p@h/d"}) == "its value is a URL with credentials"
	not ecs.plaintext_secret({"name": "DB_SECRET", "value": "arn:aws:secretsmanager:eu-west-2:123456789012:secret:db"})
	not ecs.plaintext_secret({"name": "USE_TOKEN", "value": "true"})
	not ecs.plaintext_secret({"name": "DATABASE_HOST", "value": "db.wagtail.internal"})
}

test_container_label if {
	ecs.container_label({"name": "web"}, 0) == "container \"web\""
	ecs.container_label({}, 2) == "container 2"
}

test_containers_unknown if {
	ecs.containers_unknown(unknown_task("aws_ecs_task_definition.x", []))
	not ecs.containers_unknown(task("aws_ecs_task_definition.x", [], {}))
}
