package tfcheck.rules.ecs.task_role_no_dynamodb_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.task_role_no_dynamodb as rule

spike_task := "aws_ecs_task_definition.wagtail"

spike_role := "aws_iam_role.wagtail_task"

worker := "module.jobs[\"eu\"].aws_ecs_task_definition.worker[0]"

task_with_role(address, role, fields) := t.task(address, [], object.union({"roles": {"task": t.role_ref(role), "execution": t.no_role}}, fields))

dynamo := t.policy("role_policy", "aws_iam_role_policy.wagtail_task_dynamo", [t.allow(["dynamodb:*"], ["*"])])

# The spike's task role: `dynamodb:*` on `*` beside the rds-db:connect policy.
spike_plan := t.plan([task_with_role(spike_task, spike_role, {"config_address": spike_task})], [t.role(
	spike_role, [], [
		dynamo,
		t.policy("customer_managed", "aws_iam_policy.wagtail_rds_connect", [t.allow(["rds-db:connect"], ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABC/db_userx"])]),
	],
	[],
)])

test_fail_spike_dynamodb_wildcard if {
	rule.applies == {spike_task} with input as spike_plan
	rule.deny == {lib.fail(
		{"address": spike_task}, "task_role_arn",
		"task role aws_iam_role.wagtail_task: aws_iam_role_policy.wagtail_task_dynamo statement 0 allows Action [\"dynamodb:*\"], which grants DynamoDB actions: remove them or allow the task in dynamodb_allowed_tasks",
	)} with input as spike_plan
}

test_pass_allowed_task if {
	rule.applies == {spike_task} with input as spike_plan
		with data.tfcheck.parameters.dynamodb_allowed_tasks as [spike_task]
	rule.deny == set() with input as spike_plan
		with data.tfcheck.parameters.dynamodb_allowed_tasks as [spike_task]
}

test_pass_allowed_by_config_address if {
	inp := t.plan([task_with_role(worker, spike_role, {"config_address": "module.jobs.aws_ecs_task_definition.worker"})], [t.role(spike_role, [], [dynamo], [])])
	rule.deny == set() with input as inp with data.tfcheck.parameters.dynamodb_allowed_tasks as ["module.jobs.aws_ecs_task_definition.worker"]
}

test_pass_other_services_and_blanket_deny if {
	deny_all := t.statement({"effect": "Deny", "actions": ["dynamodb:*"], "resources": ["*"]})
	inp := t.plan(
		[
			task_with_role(worker, "aws_iam_role.worker", {}),
			task_with_role(spike_task, spike_role, {}),
			t.task("module.service.aws_ecs_task_definition.web", [], {}),
		],
		[
			t.role("aws_iam_role.worker", [], [t.policy("role_policy", "aws_iam_role_policy.s3", [t.allow(["s3:getobject"], ["arn:aws:s3:::media/*"])]), t.managed("AmazonS3ReadOnlyAccess")], []),
			t.role(spike_role, [], [dynamo, t.policy("role_policy", "aws_iam_role_policy.guard", [deny_all])], []),
		],
	)
	rule.applies == {worker, spike_task, "module.service.aws_ecs_task_definition.web"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_wildcards_not_action_and_managed if {
	inp := t.plan([task_with_role(worker, "aws_iam_role.worker", {})], [t.role(
		"aws_iam_role.worker", [], [
			t.managed("AmazonDynamoDBReadOnlyAccess"),
			t.policy("inline", "aws_iam_role.worker", [
				t.allow(["s3:getobject", "dynamodb:get*"], ["arn:aws:dynamodb:eu-west-2:123456789012:table/jobs"]),
				t.allow(["*"], ["arn:aws:s3:::media/*"]),
				t.statement({"not_actions": ["s3:*"], "resources": ["*"]}),
				t.statement({"not_actions": ["dynamodb:*"], "resources": ["*"]}),
			]),
		],
		[],
	)])
	prefix := "task role aws_iam_role.worker: "
	rule.deny == {
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "AWS managed policy AmazonDynamoDBReadOnlyAccess is attached: it grants DynamoDB actions; detach it or allow the task in dynamodb_allowed_tasks"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "aws_iam_role.worker statement 0 allows Action [\"dynamodb:get*\"], which grants DynamoDB actions: remove them or allow the task in dynamodb_allowed_tasks"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "aws_iam_role.worker statement 1 allows Action [\"*\"], which grants DynamoDB actions: remove them or allow the task in dynamodb_allowed_tasks"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "aws_iam_role.worker statement 2 allows NotAction [\"s3:*\"], which grants DynamoDB actions: list the actions the task needs"])),
	} with input as inp
}

test_unknown_unresolved_role_and_unknown_actions if {
	unresolved := t.task(spike_task, [], {"roles": {"task": {"address": null, "arn": null, "set": true}, "execution": t.no_role}})
	dynamic := t.policy("role_policy", "aws_iam_role_policy.dynamic", [t.statement({"sid": "FromVar", "actions": [], "resources": ["*"], "unknown": ["actions"]})])
	opaque := object.union(t.policy("customer_managed", "aws_iam_policy.generated", []), {"known": false})
	inp := t.plan([unresolved, task_with_role(worker, "aws_iam_role.worker", {})], [t.role("aws_iam_role.worker", [], [dynamic, opaque], [])])
	rule.deny == {
		lib.unknown(unresolved, "task_role_arn", "task_role_arn does not resolve to a role in the plan: its DynamoDB access cannot be judged"),
		lib.unknown({"address": worker}, "task_role_arn", "task role aws_iam_role.worker: aws_iam_role_policy.dynamic statement \"FromVar\" has actions known only after apply"),
		lib.unknown({"address": worker}, "task_role_arn", "task role aws_iam_role.worker: aws_iam_policy.generated is known only after apply"),
	} with input as inp
}
