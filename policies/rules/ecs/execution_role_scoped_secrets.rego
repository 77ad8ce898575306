# METADATA
# title: ECS execution role reads only the secrets its tasks use
# description: >-
#   The execution role fetches the task's secrets. `ssm:GetParameter`, `ssm:GetParameters`,
#   `ssm:GetParametersByPath`, `secretsmanager:GetSecretValue` and `kms:Decrypt` (granted directly or
#   through wildcards or NotAction) are allowed only on specific ARNs: never on `*`, on an ARN whose
#   resource part is `*` (`arn:aws:ssm:*:*:parameter/*`) or through NotResource. Resources known only
#   after apply pass when they reference resources of the plan (the parameters, secrets and keys) and
#   are UNKNOWN otherwise. AWS managed policies that grant these on every resource fail
#   (AdministratorAccess, PowerUserAccess, ReadOnlyAccess, AmazonSSMReadOnlyAccess,
#   AmazonSSMFullAccess, AmazonSSMManagedInstanceCore, SecretsManagerReadWrite);
#   AmazonECSTaskExecutionRolePolicy grants none of them.
# custom:
#   id: TFC-ECS-005
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_iam_role]
#   controls:
#     spike: ["create SSM env values and allow the ECS task to access these"]
#   parameters: {}
#   recommended_action: >-
#     Grant ssm:GetParameters, secretsmanager:GetSecretValue and kms:Decrypt on the ARNs of the
#     parameters, secrets and keys the task definitions reference.
#   avoid: |
#     data "aws_iam_policy_document" "execution" {
#       statement {
#         actions   = ["ssm:GetParameters", "kms:Decrypt"]
#         resources = ["*"]
#       }
#     }
#   prefer: |
#     data "aws_iam_policy_document" "execution" {
#       statement {
#         actions   = ["ssm:GetParameters"]
#         resources = [aws_ssm_parameter.db_password.arn]
#       }
#       statement {
#         actions   = ["kms:Decrypt"]
#         resources = [aws_kms_key.app.arn]
#       }
#     }
package tfcheck.rules.ecs.execution_role_scoped_secrets

import data.tfcheck.lib
import data.tfcheck.lib.iam

secret_actions := [
	"ssm:getparameter", "ssm:getparameters", "ssm:getparametersbypath",
	"secretsmanager:getsecretvalue", "kms:decrypt",
]

applies contains role.address if some role in iam.roles_used_as("execution")

deny contains iam.verdict_finding(role, "", concat("", [iam.policy_label(p), " "]), v) if {
	some role in iam.roles_used_as("execution")
	some p in role.policies
	some v in policy_verdicts(p)
}

policy_verdicts(p) := {iam.fail_verdict("is attached: it grants secret reads on every resource; grant them on the task's parameter, secret and key ARNs")} if {
	p.kind == "aws_managed"
	iam.secret_reading_managed(p.name)
}

policy_verdicts(p) := {iam.unknown_verdict("is known only after apply")} if iam.opaque(p)

policy_verdicts(p) := {v |
	some i, s in p.statements
	v := statement_verdict(s, iam.statement_label(s, i))
} if {
	p.known == true
}

statement_verdict(s, label) := iam.fail_verdict(concat("", [label, " grants ", lib.str(granted), " on Resource \"", iam.all_resource_label(s), "\": name the parameter, secret and key ARNs"])) if {
	granted := [a | some a in secret_actions; iam.grants(s, a)]
	count(granted) > 0
	iam.broad_resource(s)
} else := iam.unknown_verdict(concat("", [label, " grants ", lib.str(granted), " on resources known only after apply"])) if {
	granted := [a | some a in secret_actions; iam.grants(s, a)]
	count(granted) > 0
	iam.resources_unresolved(s)
} else := iam.unknown_verdict(concat("", [label, " has actions known only after apply on Resource \"", iam.all_resource_label(s), "\""])) if {
	iam.allows(s)
	iam.actions_unknown(s)
	iam.broad_resource(s)
}
