package tfcheck.rules.ecs.separate_task_execution_roles_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.separate_task_execution_roles as rule

web := "module.service.aws_ecs_task_definition.web"

worker := "module.jobs[\"eu\"].aws_ecs_task_definition.worker[0]"

with_roles(address, task, execution) := t.task(address, [], {"roles": {"task": task, "execution": execution}})

by_arn(arn) := {"address": null, "arn": arn, "set": true}

test_pass_baseline_and_known_arns if {
	inp := t.plan(
		[
			with_roles(web, t.role_ref("module.service.aws_iam_role.task_web"), t.role_ref("module.service.aws_iam_role.execution")),
			with_roles(worker, by_arn("arn:aws:iam::123456789012:role/worker"), by_arn("arn:aws:iam::123456789012:role/ecs-execution")),
		],
		[],
	)
	rule.applies == {web, worker} with input as inp
	rule.deny == set() with input as inp
}

test_fail_same_role if {
	same := t.role_ref("aws_iam_role.ecs")
	task := with_roles(worker, same, same)
	rule.deny == {lib.fail(task, "task_role_arn", "task_role_arn and execution_role_arn are the same role (aws_iam_role.ecs): use two roles")} with input as t.plan([task], [])
}

test_fail_same_known_arn if {
	task := with_roles(web, by_arn("arn:aws:iam::123456789012:role/ecs"), by_arn("arn:aws:iam::123456789012:role/ecs"))
	rule.deny == {lib.fail(task, "task_role_arn", "task_role_arn and execution_role_arn are the same role (arn:aws:iam::123456789012:role/ecs): use two roles")} with input as t.plan([task], [])
}

test_not_set_roles if {
	task := with_roles(worker, t.no_role, t.no_role)
	rule.deny == {
		lib.fail(task, "task_role_arn", "task_role_arn is not set: give the application a role of its own"),
		lib.fail(task, "execution_role_arn", "execution_role_arn is not set: give ECS a role of its own to pull the image, write logs and read secrets"),
	} with input as t.plan([task], [])
}

test_unknown_unresolved_roles if {
	task := with_roles(web, by_arn(null), t.role_ref("module.service.aws_iam_role.execution"))
	rule.deny == {lib.unknown(task, "task_role_arn", "task_role_arn or execution_role_arn does not resolve to a role of the plan or a known ARN: cannot tell whether they are the same role")} with input as t.plan([task], [])
}
