package tfcheck.rules.ecs.task_role_least_privilege_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.task_role_least_privilege as rule

web := "module.service.aws_ecs_task_definition.web"

migrate := "module.service.aws_ecs_task_definition.migrate"

worker := "module.app[\"eu\"].aws_ecs_task_definition.worker[0]"

task_web := "module.service.aws_iam_role.task_web"

# task_with_role(address, role): a task definition whose task_role_arn resolves to role.
task_with_role(address, role) := t.task(address, [], {"roles": {"task": t.role_ref(role), "execution": t.no_role}})

task_role(address, policies) := t.role(address, [], policies, [])

# The baseline's task role: an S3 policy on one bucket and rds-db:connect from a policy document
# whose resources are known only after apply but reference the cluster's cluster_resource_id.
media := t.policy("role_policy", "module.service.aws_iam_role_policy.task_web_media", [
	object.union(t.allow(["s3:getobject", "s3:putobject", "s3:deleteobject"], ["arn:aws:s3:::wagtail-prod-media-123456789012/*"]), {"sid": "MediaObjects"}),
	object.union(t.allow(["s3:listbucket"], ["arn:aws:s3:::wagtail-prod-media-123456789012"]), {"sid": "MediaList"}),
])

rds_connect := t.policy("role_policy", "module.service.aws_iam_role_policy.task_web_rds_connect", [t.statement({
	"sid": "IamDatabaseAuth",
	"actions": ["rds-db:connect"],
	"resources": [],
	"unknown": ["resources"],
	"refs": [{"address": "module.database.aws_rds_cluster.this", "type": "aws_rds_cluster", "attribute": "cluster_resource_id", "field": "resources"}],
})])

test_pass_baseline_task_roles if {
	inp := t.plan(
		[task_with_role(web, task_web), task_with_role(migrate, "module.service.aws_iam_role.task_migrate"), t.task(worker, [], {})],
		[task_role(task_web, [media, rds_connect]), task_role("module.service.aws_iam_role.task_migrate", [])],
	)
	rule.applies == {web, migrate, worker} with input as inp
	rule.deny == set() with input as inp
}

test_pass_write_on_resources_resolved_by_reference if {
	put := t.statement({
		"actions": ["ssm:putparameter"],
		"resources": [],
		"unknown": ["resources"],
		"refs": [{"address": "aws_ssm_parameter.state", "type": "aws_ssm_parameter", "attribute": "arn", "field": "resources"}],
	})
	inp := t.plan([task_with_role(web, task_web)], [task_role(task_web, [t.policy("role_policy", "aws_iam_role_policy.state", [put])])])
	rule.deny == set() with input as inp
}

test_fail_spike_dynamodb_wildcard if {
	task := "aws_ecs_task_definition.wagtail"
	role := "aws_iam_role.wagtail_task"
	connect := t.allow(["rds-db:connect"], ["arn:aws:rds-db:eu-west-2:{local.account-number}:dbuser:{db-cluster-id}/db_userx"])
	inp := t.plan([task_with_role(task, role)], [task_role(role, [
		t.policy("role_policy", "aws_iam_role_policy.wagtail_task_dynamo", [t.allow(["dynamodb:*"], ["*"])]),
		t.policy("customer_managed", "aws_iam_policy.wagtail_rds_connect", [connect]),
	])])
	rule.applies == {task} with input as inp
	rule.deny == {lib.fail(
		{"address": task}, "task_role_arn",
		"task role aws_iam_role.wagtail_task: aws_iam_role_policy.wagtail_task_dynamo statement 0 allows Action [\"dynamodb:*\"] (every action of a service): list the actions the task needs",
	)} with input as inp
}

test_fail_full_access_not_action_and_write_on_everything if {
	inp := t.plan([task_with_role(worker, task_web)], [task_role(task_web, [
		t.managed("AmazonS3FullAccess"),
		t.managed("AmazonECSTaskExecutionRolePolicy"),
		t.policy("inline", task_web, [
			t.allow(["s3:getobject"], ["*"]),
			t.statement({"sid": "Everything", "not_actions": ["iam:*"], "resources": ["*"]}),
			t.allow(["sqs:sendmessage", "sqs:receivemessage"], ["arn:aws:sqs:*:*:*"]),
			t.allow(["sns:publish"], ["*"]),
		]),
	])])
	prefix := "task role module.service.aws_iam_role.task_web: "
	rule.deny == {
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "AWS managed policy AmazonS3FullAccess is attached: it grants every action of one or more services; replace it with a policy of the actions the task needs"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "module.service.aws_iam_role.task_web statement \"Everything\" allows NotAction [\"iam:*\"] (every other action): list the actions the task needs"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "module.service.aws_iam_role.task_web statement 2 allows write actions [\"sqs:sendmessage\"] on Resource \"arn:aws:sqs:*:*:*\": name the ARNs the task writes to"])),
		lib.fail({"address": worker}, "task_role_arn", concat("", [prefix, "module.service.aws_iam_role.task_web statement 3 allows write actions [\"sns:publish\"] on Resource \"*\": name the ARNs the task writes to"])),
	} with input as inp
}

test_unknown_role_not_in_plan if {
	task := t.task(web, [], {"roles": {"task": {"address": null, "arn": "arn:aws:iam::123456789012:role/shared", "set": true}, "execution": t.no_role}})
	rule.deny == {lib.unknown(task, "task_role_arn", "task_role_arn does not resolve to a role in the plan: its policies cannot be judged")} with input as t.plan([task], [])
}

test_unknown_policy_and_statements if {
	opaque := object.union(t.policy("customer_managed", "aws_iam_policy.generated", []), {"known": false})
	dynamic := t.policy("role_policy", "aws_iam_role_policy.dynamic", [
		t.statement({"actions": [], "resources": ["*"], "unknown": ["actions"]}),
		t.statement({"actions": ["s3:putobject"], "resources": [], "unknown": ["resources"]}),
	])
	inp := t.plan([task_with_role(migrate, task_web)], [task_role(task_web, [opaque, dynamic])])
	prefix := "task role module.service.aws_iam_role.task_web: "
	rule.deny == {
		lib.unknown({"address": migrate}, "task_role_arn", concat("", [prefix, "aws_iam_policy.generated is known only after apply"])),
		lib.unknown({"address": migrate}, "task_role_arn", concat("", [prefix, "aws_iam_role_policy.dynamic statement 0 has actions known only after apply"])),
		lib.unknown({"address": migrate}, "task_role_arn", concat("", [prefix, "aws_iam_role_policy.dynamic statement 1 allows write actions [\"s3:putobject\"] on resources known only after apply"])),
	} with input as inp
}
