package tfcheck.rules.ecs.container_read_only_root_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.container_read_only_root as rule

web := "module.service.aws_ecs_task_definition.web"

test_pass_baseline_web if {
	inp := t.plan([t.task(web, [{"name": "wagtail", "readonlyRootFilesystem": true}], {})], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

test_fail_writable_and_not_set if {
	task := t.task(
		"aws_ecs_task_definition.app[1]", [
			{"name": "app", "readonlyRootFilesystem": false},
			{"name": "sidecar"},
			{"name": "ok", "readonlyRootFilesystem": true},
		],
		{},
	)
	inp := t.plan([task, t.task(web, [{"name": "wagtail", "readonlyRootFilesystem": true}], {})], [])
	rule.applies == {web, "aws_ecs_task_definition.app[1]"} with input as inp
	rule.deny == {
		lib.fail(task, "container_definitions", "container \"app\": readonlyRootFilesystem is false; set it to true"),
		lib.fail(task, "container_definitions", "container \"sidecar\": readonlyRootFilesystem is not set; set it to true"),
	} with input as inp
}

test_unknown_container_definitions_after_apply if {
	task := t.unknown_task("module.service.aws_ecs_task_definition.migrate", [])
	rule.deny == {lib.unknown(task, "container_definitions", "container_definitions is known only after apply: its containers cannot be read")} with input as t.plan([task], [])
}
