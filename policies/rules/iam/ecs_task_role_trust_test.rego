package tfcheck.rules.iam.ecs_task_role_trust_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.iam.ecs_task_role_trust as rule

task_web := "module.service.aws_iam_role.task_web"

execution := "module.service.aws_iam_role.execution"

web := "module.service.aws_ecs_task_definition.web"

assume(principals) := t.statement({"actions": ["sts:assumerole"], "principals": principals})

# The baseline's trust policy: ecs-tasks.amazonaws.com with aws:SourceAccount and aws:SourceArn.
baseline_trust := [object.union(assume({"Service": [ecs_tasks]}), {"conditions": [
	{"operator": "StringEquals", "key": "aws:SourceAccount", "values": ["123456789012"]},
	{"operator": "ArnLike", "key": "aws:SourceArn", "values": ["arn:aws:ecs:eu-west-2:123456789012:*"]},
]})]

ecs_tasks := "ecs-tasks.amazonaws.com"

test_pass_baseline_roles if {
	inp := t.plan([], [
		t.role(task_web, baseline_trust, [], [{"address": web, "as": "task"}]),
		t.role(execution, baseline_trust, [], [{"address": web, "as": "execution"}, {"address": "module.service.aws_ecs_task_definition.migrate", "as": "execution"}]),
		t.role("module.database.aws_iam_role.monitoring", [assume({"Service": ["monitoring.rds.amazonaws.com"]})], [], []),
	])
	rule.applies == {task_web, execution} with input as inp
	rule.deny == set() with input as inp
}

test_fail_other_principals if {
	role := "module.jobs[\"eu\"].aws_iam_role.worker[0]"
	trust := [
		assume({"Service": [ecs_tasks, "ec2.amazonaws.com"]}),
		assume({"AWS": ["*"]}),
		t.statement({"effect": "Deny", "actions": ["sts:assumerole"], "principals": {"AWS": ["arn:aws:iam::111122223333:root"]}}),
		object.union(assume(null), {"sid": "Others", "not_principals": {"AWS": ["arn:aws:iam::123456789012:root"]}}),
	]
	rule.deny == {
		lib.fail({"address": role}, "assume_role_policy", "statement 0 trusts [\"Service ec2.amazonaws.com\"]: trust only Service ecs-tasks.amazonaws.com"),
		lib.fail({"address": role}, "assume_role_policy", "statement 1 trusts [\"AWS *\"]: trust only Service ecs-tasks.amazonaws.com"),
		lib.fail({"address": role}, "assume_role_policy", "statement \"Others\" uses NotPrincipal (everyone else): trust only Service ecs-tasks.amazonaws.com"),
	} with input as t.plan([], [t.role(role, trust, [], [{"address": web, "as": "task"}])])
}

test_unknown_trust if {
	unknown_trust := object.union(t.role(task_web, [], [], [{"address": web, "as": "task"}]), {"trust_known": false})
	partial := t.role(execution, [object.union(assume({"AWS": []}), {"unknown": ["principals"]})], [], [{"address": web, "as": "execution"}])
	rule.deny == {
		lib.unknown({"address": task_web}, "assume_role_policy", "assume_role_policy is known only after apply: its principals cannot be judged"),
		lib.unknown({"address": execution}, "assume_role_policy", "statement 0 has principals known only after apply"),
	} with input as t.plan([], [unknown_trust, partial])
}
