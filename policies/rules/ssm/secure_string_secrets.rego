# METADATA
# title: SSM parameters that hold secrets are SecureString
# description: >-
#   A String parameter is stored and returned in plain text, and shows in the console to anyone who
#   can read parameters. A parameter is a secret when a task definition's container `secrets` use it
#   (a `valueFrom` equal to its ARN or name, or `...:parameter<name>`), when a task's
#   container_definitions references it other than through its `value` (how a definition known only
#   after apply uses it), or when the last segment of its name looks secret (the heuristic of
#   TFC-ECS-003: DB_PASSWORD, django_secret_key, api-token). Such a parameter has type SecureString.
#   Only those parameters are judged; UNKNOWN when the type is known only after apply.
# custom:
#   id: TFC-SSM-001
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_ssm_parameter, aws_ecs_task_definition]
#   controls:
#     spike: ["create SSM env values"]
#   parameters: {}
#   recommended_action: Set type = "SecureString" (with key_id set to a customer managed KMS key).
#   avoid: |
#     resource "aws_ssm_parameter" "db_password" {
#       name  = "/prod/wagtail/DB_PASSWORD"
#       type  = "String"
#       value = var.db_password
#     }
#   prefer: |
#     resource "aws_ssm_parameter" "db_password" {
#       name   = "/prod/wagtail/DB_PASSWORD"
#       type   = "SecureString"
#       key_id = aws_kms_key.app.arn
#       value  = var.db_password
#     }
package tfcheck.rules.ssm.secure_string_secrets

import data.tfcheck.lib
import data.tfcheck.lib.ecs

applies contains p.address if {
	some p in lib.resources({"aws_ssm_parameter"})
	reason(p)
}

deny contains lib.fail(p, "type", concat("", ["type is \"", found, "\" but ", reason(p), ": set type = \"SecureString\""])) if {
	some p in lib.resources({"aws_ssm_parameter"})
	found := lib.value(p, "type")
	found != "SecureString"
}

deny contains lib.unknown(p, "type", concat("", ["type is known only after apply and ", reason(p)])) if {
	some p in lib.resources({"aws_ssm_parameter"})
	lib.is_unknown(p, "type")
}

# reason(p): why the parameter holds a secret; undefined when it does not.
reason(p) := concat("", ["the secrets of ", concat(", ", users), " use it"]) if {
	users := sort({task.address | some task in lib.resources({"aws_ecs_task_definition"}); uses(task, p)})
	count(users) > 0
} else := concat("", ["its name \"", name, "\" looks secret"]) if {
	name := lib.value(p, "name")
	segments := split(name, "/")
	ecs.secret_looking_name(segments[count(segments) - 1])
}

uses(task, p) if {
	some c in task.containers
	some secret in c.secrets
	names(secret.valueFrom, p)
}

uses(task, p) if {
	some ref in lib.refs(task, "container_definitions")
	ref.address == p.address
	not ref.attribute in {"value", "insecure_value"}
}

# names(value_from, p): a secrets valueFrom that designates the parameter.
names(value_from, p) if value_from == lib.value(p, "arn")

names(value_from, p) if value_from == lib.value(p, "name")

names(value_from, p) if endswith(value_from, concat("", [":parameter", qualified(lib.value(p, "name"))]))

qualified(name) := name if startswith(name, "/")

qualified(name) := concat("", ["/", name]) if not startswith(name, "/")
