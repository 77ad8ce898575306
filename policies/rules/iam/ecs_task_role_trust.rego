# METADATA
# title: Roles of ECS task definitions trust only ECS tasks
# description: >-
#   A role used by a task definition (as task or execution role) is assumed by ECS tasks and nobody
#   else: every Allow statement of its trust policy names only the principal Service
#   `ecs-tasks.amazonaws.com`, with no AWS account, `*`, federated or other service principal and no
#   NotPrincipal. Conditions (aws:SourceAccount, aws:SourceArn) are welcome but not required. A trust
#   policy known only after apply, or principals known only after apply, is UNKNOWN.
# custom:
#   id: TFC-IAM-003
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_iam_role, aws_ecs_task_definition]
#   controls:
#     checkov: [CKV_AWS_60, CKV_AWS_61]
#   parameters: {}
#   recommended_action: Trust only the service principal ecs-tasks.amazonaws.com in assume_role_policy.
#   avoid: |
#     data "aws_iam_policy_document" "assume" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "AWS"
#           identifiers = ["*"]
#         }
#       }
#     }
#   prefer: |
#     data "aws_iam_policy_document" "assume" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "Service"
#           identifiers = ["ecs-tasks.amazonaws.com"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "aws:SourceAccount"
#           values   = [var.account_id]
#         }
#       }
#     }
package tfcheck.rules.iam.ecs_task_role_trust

import data.tfcheck.lib
import data.tfcheck.lib.iam

ecs_tasks := "ecs-tasks.amazonaws.com"

task_roles := iam.roles_used_as("task") | iam.roles_used_as("execution")

applies contains role.address if some role in task_roles

deny contains lib.unknown(role, "assume_role_policy", "assume_role_policy is known only after apply: its principals cannot be judged") if {
	some role in task_roles
	role.trust_known == false
}

deny contains lib.fail(role, "assume_role_policy", concat("", [label, " trusts ", lib.str(others), ": trust only Service ", ecs_tasks])) if {
	some role in task_roles
	some i, s in role.trust
	iam.allows(s)
	others := [concat(" ", [kind, id]) | some kind, ids in object.get(s, "principals", {}); some id in ids; not ecs_task_principal(kind, id)]
	count(others) > 0
	label := iam.statement_label(s, i)
}

deny contains lib.fail(role, "assume_role_policy", concat("", [iam.statement_label(s, i), " uses NotPrincipal (everyone else): trust only Service ", ecs_tasks])) if {
	some role in task_roles
	some i, s in role.trust
	iam.allows(s)
	is_object(s.not_principals)
	count(s.not_principals) > 0
}

deny contains lib.unknown(role, "assume_role_policy", concat("", [iam.statement_label(s, i), " has principals known only after apply"])) if {
	some role in task_roles
	some i, s in role.trust
	iam.allows(s)
	"principals" in iam.field(s, "unknown")
}

ecs_task_principal("Service", id) if id == ecs_tasks
