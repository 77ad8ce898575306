# METADATA
# title: ECS task definition has its own task role and execution role
# description: >-
#   The execution role is what ECS uses to pull the image, write logs and read secrets; the task role
#   is what the application runs as. Both are set and they are different roles, so the application
#   never holds the secret-reading permissions of the execution role. Roles are compared by the
#   aws_iam_role they resolve to, or by known ARN; UNKNOWN when both are set but neither comparison
#   can be made.
# custom:
#   id: TFC-ECS-004
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     spike: ["dynamic policies to be provided"]
#     checkov: [CKV_AWS_249]
#   parameters: {}
#   recommended_action: Set task_role_arn and execution_role_arn to two different roles.
#   avoid: |
#     resource "aws_ecs_task_definition" "app" {
#       task_role_arn      = aws_iam_role.ecs.arn
#       execution_role_arn = aws_iam_role.ecs.arn
#     }
#   prefer: |
#     resource "aws_ecs_task_definition" "app" {
#       task_role_arn      = aws_iam_role.app_task.arn
#       execution_role_arn = aws_iam_role.app_execution.arn
#     }
package tfcheck.rules.ecs.separate_task_execution_roles

import data.tfcheck.lib
import data.tfcheck.lib.iam

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

deny contains lib.fail(r, "task_role_arn", "task_role_arn is not set: give the application a role of its own") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	iam.role_ref(r, "task").set == false
}

deny contains lib.fail(r, "execution_role_arn", "execution_role_arn is not set: give ECS a role of its own to pull the image, write logs and read secrets") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	iam.role_ref(r, "execution").set == false
}

deny contains lib.fail(r, "task_role_arn", concat("", ["task_role_arn and execution_role_arn are the same role (", label, "): use two roles"])) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	label := same(iam.role_ref(r, "task"), iam.role_ref(r, "execution"))
}

deny contains lib.unknown(r, "task_role_arn", "task_role_arn or execution_role_arn does not resolve to a role of the plan or a known ARN: cannot tell whether they are the same role") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	task := iam.role_ref(r, "task")
	execution := iam.role_ref(r, "execution")
	task.set == true
	execution.set == true
	not same(task, execution)
	not different(task, execution)
}

# same(a, b): the label of the one role both references lead to.
same(a, b) := a.address if {
	is_string(a.address)
	a.address == b.address
} else := a.arn if {
	is_string(a.arn)
	a.arn == b.arn
}

different(a, b) if {
	is_string(a.address)
	is_string(b.address)
	a.address != b.address
}

different(a, b) if {
	is_string(a.arn)
	is_string(b.arn)
	a.arn != b.arn
}
