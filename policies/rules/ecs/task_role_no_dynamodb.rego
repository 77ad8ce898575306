# METADATA
# title: ECS task role has no DynamoDB access unless the task is allowed it
# description: >-
#   No task role grants a DynamoDB action, directly (`dynamodb:GetItem`) or through a wildcard
#   (`dynamodb:Get*`, `dynamodb:*`, `*`) or a NotAction that does not exclude `dynamodb:*`, unless
#   the task definition is listed in dynamodb_allowed_tasks (its address, or its configuration address
#   to allow every instance). An unconditional Deny of `dynamodb:*` on `*` in the same role overrides
#   the grants. AWS managed policies are judged by name: any whose name contains DynamoDB, and
#   AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess, SecurityAudit and
#   DatabaseAdministrator, grant DynamoDB actions. A task role that does not resolve, a policy whose
#   statements are not known, or an Allow whose actions are known only after apply, is UNKNOWN.
# custom:
#   id: TFC-ECS-002
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     spike: ["prevent all ECS tasks from having access to dynamo"]
#   parameters:
#     dynamodb_allowed_tasks: []
#   recommended_action: >-
#     Remove DynamoDB actions from the task role, or list the task that needs them in
#     dynamodb_allowed_tasks.
#   avoid: |
#     resource "aws_iam_role_policy" "task" {
#       role   = aws_iam_role.task.id
#       policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{ Effect = "Allow", Action = "dynamodb:*", Resource = "*" }]
#       })
#     }
#   prefer: |
#     # No DynamoDB grant on the task role; a task that needs a table is listed in .tfcheck.yaml:
#     # parameters: { dynamodb_allowed_tasks: ["module.cymph.aws_ecs_task_definition.app"] }
package tfcheck.rules.ecs.task_role_no_dynamodb

import data.tfcheck.lib
import data.tfcheck.lib.iam

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

judged[r.address] := r if {
	some r in lib.resources({"aws_ecs_task_definition"})
	not allowed(r)
}

allowed(r) if r.address in lib.param("dynamodb_allowed_tasks", [])

allowed(r) if r.config_address in lib.param("dynamodb_allowed_tasks", [])

deny contains lib.unknown(r, "task_role_arn", "task_role_arn does not resolve to a role in the plan: its DynamoDB access cannot be judged") if {
	some r in judged
	iam.unresolved(iam.role_ref(r, "task"))
}

deny contains iam.verdict_finding(r, "task_role_arn", concat("", ["task role ", role.address, ": ", iam.policy_label(p), " "]), v) if {
	some r in judged
	role := iam.role_of(iam.role_ref(r, "task"))
	not iam.denies_service(iam.role_statements(role), "dynamodb")
	some p in role.policies
	some v in policy_verdicts(p)
}

policy_verdicts(p) := {iam.fail_verdict("is attached: it grants DynamoDB actions; detach it or allow the task in dynamodb_allowed_tasks")} if {
	p.kind == "aws_managed"
	iam.dynamodb_managed(p.name)
}

policy_verdicts(p) := {iam.unknown_verdict("is known only after apply")} if iam.opaque(p)

policy_verdicts(p) := {v |
	some i, s in p.statements
	v := statement_verdict(s, iam.statement_label(s, i))
} if {
	p.known == true
}

statement_verdict(s, label) := iam.fail_verdict(concat("", [label, " allows Action ", lib.str(granting), ", which grants DynamoDB actions: remove them or allow the task in dynamodb_allowed_tasks"])) if {
	granting := [p | some p in iam.field(s, "actions"); iam.may_grant_service(p, "dynamodb")]
	count(granting) > 0
	iam.allows(s)
} else := iam.fail_verdict(concat("", [label, " allows NotAction ", lib.str(iam.field(s, "not_actions")), ", which grants DynamoDB actions: list the actions the task needs"])) if {
	iam.grants_service(s, "dynamodb")
} else := iam.unknown_verdict(concat("", [label, " has actions known only after apply"])) if {
	iam.allows(s)
	iam.actions_unknown(s)
}
