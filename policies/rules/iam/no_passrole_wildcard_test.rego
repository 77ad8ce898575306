package tfcheck.rules.iam.no_passrole_wildcard_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.iam.no_passrole_wildcard as rule

holder(type, address, path, statements) := t.resource(type, address, {"policy_documents": [t.document(path, statements)]})

passed_to_ecs := [{"operator": "StringEquals", "key": "iam:PassedToService", "values": ["ecs-tasks.amazonaws.com"]}]

# The baseline's deploy policy passes the three ECS roles by ARN.
test_pass_baseline_deploy_policy if {
	deploy := holder("aws_iam_policy", "aws_iam_policy.deploy", "policy", [
		object.union(t.allow(["ecr:getauthorizationtoken"], ["*"]), {"sid": "EcrLogin"}),
		object.union(
			t.allow(["iam:passrole"], [
				"arn:aws:iam::123456789012:role/wagtail-prod-ecs-task-web",
				"arn:aws:iam::123456789012:role/wagtail-prod-ecs-execution",
			]),
			{"sid": "PassTaskRoles", "conditions": passed_to_ecs},
		),
	])
	by_ref := holder("aws_iam_policy_document", "module.ci.data.aws_iam_policy_document.deploy[0]", "json", [t.statement({
		"actions": ["iam:passrole"], "resources": [], "unknown": ["resources"],
		"refs": [{"address": "module.service.aws_iam_role.execution", "type": "aws_iam_role", "attribute": "arn", "field": "resources"}],
	})])
	inp := t.plan([deploy, by_ref], [])
	rule.applies == {"aws_iam_policy.deploy", "module.ci.data.aws_iam_policy_document.deploy[0]"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_passrole_on_everything if {
	r := holder("aws_iam_role_policy", "module.ci[\"prod\"].aws_iam_role_policy.deploy", "policy", [
		object.union(t.allow(["iam:passrole"], ["*"]), {"sid": "Pass", "conditions": passed_to_ecs}),
		t.allow(["iam:*"], ["arn:aws:iam::123456789012:role/*"]),
		t.statement({"not_actions": ["s3:*"], "resources": ["*"]}),
		t.statement({"not_actions": ["iam:*"], "resources": ["*"]}),
	])
	rule.deny == {
		lib.fail(r, "policy", "statement \"Pass\" allows iam:PassRole (through \"iam:passrole\") on Resource \"*\": name the roles it may pass"),
		lib.fail(r, "policy", "statement 1 allows iam:PassRole (through \"iam:*\") on Resource \"arn:aws:iam::123456789012:role/*\": name the roles it may pass"),
		lib.fail(r, "policy", "statement 2 allows iam:PassRole (through \"NotAction\") on Resource \"*\": name the roles it may pass"),
	} with input as t.plan([r], [])
}

test_unknown_passrole_resources if {
	opaque := t.resource("aws_iam_policy", "aws_iam_policy.generated", {
		"policy_documents": [{"path": "policy", "known": false, "source": "json", "from": null, "statements": []}],
		"expressions": {"policy": t.expression([t.ref("aws_s3_bucket.media", "aws_s3_bucket", "arn")])},
	})
	r := holder("aws_iam_policy_document", "data.aws_iam_policy_document.deploy", "json", [t.statement({"actions": ["iam:passrole"], "resources": [], "unknown": ["resources"]})])
	rule.deny == {
		lib.unknown(opaque, "policy", "policy is known only after apply: its statements cannot be judged"),
		lib.unknown(r, "json", "statement 0 allows iam:PassRole on resources known only after apply"),
	} with input as t.plan([opaque, r], [])
}
