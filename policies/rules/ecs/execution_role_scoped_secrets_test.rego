package tfcheck.rules.ecs.execution_role_scoped_secrets_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.execution_role_scoped_secrets as rule

execution := "module.service.aws_iam_role.execution"

used_as_execution := [{"address": "module.service.aws_ecs_task_definition.web", "as": "execution"}]

resolved(field, address, type, attribute) := {"address": address, "type": type, "attribute": attribute, "field": field}

# The baseline's execution policy, from data.aws_iam_policy_document.execution: SSM parameters by
# known ARN, the master secret and the KMS keys by reference (known only after apply).
baseline_execution_policy := t.policy("customer_managed", "module.service.aws_iam_policy.execution", [
	object.union(t.allow(["ecr:getauthorizationtoken"], ["*"]), {"sid": "EcrAuth"}),
	object.union(
		t.allow(["ssm:getparameters"], [
			"arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/django_secret_key",
			"arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/email_host_password",
		]),
		{"sid": "SsmParameters"},
	),
	t.statement({
		"sid": "MasterSecret", "actions": ["secretsmanager:getsecretvalue"], "resources": [], "unknown": ["resources"],
		"refs": [resolved("resources", "module.database.aws_rds_cluster.this", "aws_rds_cluster", "master_user_secret.0.secret_arn")],
	}),
	t.statement({
		"sid": "DecryptSecrets", "actions": ["kms:decrypt"], "resources": [], "unknown": ["resources"],
		"refs": [
			resolved("resources", "aws_kms_key.app", "aws_kms_key", "arn"),
			resolved("resources", "module.database.aws_kms_key.db", "aws_kms_key", "arn"),
		],
	}),
])

test_pass_baseline_execution_role if {
	inp := t.plan([], [
		t.role(execution, [], [baseline_execution_policy], used_as_execution),
		t.role("module.service.aws_iam_role.task_web", [], [t.managed("AdministratorAccess")], [{"address": "module.service.aws_ecs_task_definition.web", "as": "task"}]),
	])
	rule.applies == {execution} with input as inp
	rule.deny == set() with input as inp
}

# The spike's execution role: AmazonECSTaskExecutionRolePolicy and SSM parameters by reference.
test_pass_spike_execution_role if {
	ssm := t.policy("role_policy", "aws_iam_role_policy.wagtail_execution_ssm", [t.statement({
		"actions": ["ssm:getparameters"], "resources": [], "unknown": ["resources"],
		"refs": [resolved("resources", "aws_ssm_parameter.db_password", "aws_ssm_parameter", "arn")],
	})])
	inp := t.plan([], [t.role("aws_iam_role.wagtail_execution", [], [t.managed("AmazonECSTaskExecutionRolePolicy"), ssm], used_as_execution)])
	rule.deny == set() with input as inp
}

test_fail_secrets_on_everything if {
	role := "module.app[\"eu\"].aws_iam_role.execution[0]"
	inp := t.plan([], [t.role(
		role, [], [
			t.managed("AmazonSSMReadOnlyAccess"),
			t.policy("inline", role, [
				t.allow(["ssm:getparameter*", "kms:decrypt"], ["*"]),
				t.allow(["secretsmanager:*"], ["arn:aws:secretsmanager:eu-west-2:123456789012:secret:*"]),
				t.statement({"actions": ["kms:decrypt"], "not_resources": ["arn:aws:kms:eu-west-2:123456789012:key/other"]}),
			]),
		],
		used_as_execution,
	)])
	prefix := concat("", [role, " statement "])
	rule.deny == {
		lib.fail({"address": role}, "", "AWS managed policy AmazonSSMReadOnlyAccess is attached: it grants secret reads on every resource; grant them on the task's parameter, secret and key ARNs"),
		lib.fail({"address": role}, "", concat("", [prefix, "0 grants [\"ssm:getparameter\",\"ssm:getparameters\",\"ssm:getparametersbypath\",\"kms:decrypt\"] on Resource \"*\": name the parameter, secret and key ARNs"])),
		lib.fail({"address": role}, "", concat("", [prefix, "1 grants [\"secretsmanager:getsecretvalue\"] on Resource \"arn:aws:secretsmanager:eu-west-2:123456789012:secret:*\": name the parameter, secret and key ARNs"])),
		lib.fail({"address": role}, "", concat("", [prefix, "2 grants [\"kms:decrypt\"] on Resource \"NotResource\": name the parameter, secret and key ARNs"])),
	} with input as inp
}

test_unknown_unresolved_resources_and_opaque_policy if {
	opaque := object.union(t.policy("customer_managed", "aws_iam_policy.generated", []), {"known": false})
	dynamic := t.policy("role_policy", "aws_iam_role_policy.dynamic", [
		t.statement({"sid": "FromVar", "actions": ["ssm:getparameters"], "resources": [], "unknown": ["resources"]}),
		t.statement({"actions": [], "resources": ["*"], "unknown": ["actions"]}),
	])
	inp := t.plan([], [t.role(execution, [], [opaque, dynamic], used_as_execution)])
	rule.deny == {
		lib.unknown({"address": execution}, "", "aws_iam_policy.generated is known only after apply"),
		lib.unknown({"address": execution}, "", "aws_iam_role_policy.dynamic statement \"FromVar\" grants [\"ssm:getparameters\"] on resources known only after apply"),
		lib.unknown({"address": execution}, "", "aws_iam_role_policy.dynamic statement 1 has actions known only after apply on Resource \"*\""),
	} with input as inp
}
