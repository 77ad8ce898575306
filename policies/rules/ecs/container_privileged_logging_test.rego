package tfcheck.rules.ecs.container_privileged_logging_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.container_privileged_logging as rule

web := "module.service.aws_ecs_task_definition.web"

awslogs := {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/wagtail-prod", "awslogs-stream-prefix": "web"}}

test_pass_baseline_web if {
	inp := t.plan([t.task(web, [{"name": "wagtail", "logConfiguration": awslogs, "privileged": false}], {})], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

# A sensitive container_definitions keeps booleans and the shape of logConfiguration.
test_pass_sensitive_definitions if {
	masked := {"logDriver": "(sensitive)", "options": {"awslogs-group": "(sensitive)"}}
	inp := t.plan([t.task("aws_ecs_task_definition.app[0]", [{"name": "app", "image": "(sensitive)", "logConfiguration": masked}], {})], [])
	rule.deny == set() with input as inp
}

test_fail_privileged_and_no_logs if {
	task := t.task(
		"module.jobs[\"eu\"].aws_ecs_task_definition.worker", [
			{"name": "agent", "privileged": true, "logConfiguration": awslogs},
			{"name": "worker", "logConfiguration": null},
			{"image": "busybox"},
		],
		{},
	)
	rule.deny == {
		lib.fail(task, "container_definitions", "container \"agent\" sets privileged: true: drop it"),
		lib.fail(task, "container_definitions", "container \"worker\" has no logConfiguration: send its logs to CloudWatch Logs (awslogs) or FireLens"),
		lib.fail(task, "container_definitions", "container 2 has no logConfiguration: send its logs to CloudWatch Logs (awslogs) or FireLens"),
	} with input as t.plan([task], [])
}

test_unknown_container_definitions_after_apply if {
	task := t.unknown_task("module.service.aws_ecs_task_definition.migrate", [])
	rule.deny == {lib.unknown(task, "container_definitions", "container_definitions is known only after apply: its containers cannot be read")} with input as t.plan([task], [])
}
