# METADATA
# title: ECS containers take secrets from secrets, not environment
# description: >-
#   A container `environment` entry is plain text in the task definition, visible to anyone who can
#   describe it. Secrets belong in `secrets[].valueFrom` (an SSM SecureString parameter or a Secrets
#   Manager ARN). An entry is flagged when its name looks secret (a word ending in PASSWORD, PASSWD,
#   PASSPHRASE, SECRET, TOKEN, APIKEY or PRIVATEKEY, or the words API KEY / PRIVATE KEY), unless the
#   last word says it names or locates a secret (_ARN, _NAME, _ID, _FILE, _PATH, _URL, ...) or its
#   value is an ARN, empty or a boolean; and whatever its name when its value is a URL with
#   credentials (`postgres://user:pass@host/db`). DATABASE_IAM_AUTH, AWS_SECRET_NAME or DB_PASSWORD_ARN
#   are not flagged. UNKNOWN when container_definitions is known only after apply.
# custom:
#   id: TFC-ECS-003
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     spike: ["SSM env values ... passed into the template file"]
#     trivy: [AVD-AWS-0036]
#     fsbp: [ECS.8]
#   parameters: {}
#   recommended_action: >-
#     Move the value to an SSM SecureString parameter or a Secrets Manager secret and reference it from
#     the container's secrets[].valueFrom.
#   avoid: |
#     container_definitions = jsonencode([{
#       name        = "app"
#       environment = [{ name = "DB_PASSWORD", value = var.db_password }]
#     }])
#   prefer: |
#     container_definitions = jsonencode([{
#       name    = "app"
#       secrets = [{ name = "DB_PASSWORD", valueFrom = aws_ssm_parameter.db_password.arn }]
#     }])
package tfcheck.rules.ecs.no_plaintext_secrets

import data.tfcheck.lib
import data.tfcheck.lib.ecs

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

deny contains lib.fail(r, "container_definitions", msg) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	some i, c in r.containers
	some entry in c.environment
	reason := ecs.plaintext_secret(entry)
	msg := concat("", [
		ecs.container_label(c, i), " sets ", entry.name, " in environment (", reason,
		"): pass it through secrets[].valueFrom (an SSM SecureString or Secrets Manager ARN)",
	])
}

deny contains lib.unknown(r, "container_definitions", "container_definitions is known only after apply: its environment cannot be read") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	ecs.containers_unknown(r)
}
