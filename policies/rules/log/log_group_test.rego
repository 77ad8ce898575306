package tfcheck.rules.log.log_group_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.log.log_group as rule

kms_advice := "set it to a customer managed aws_kms_key ARN"

# The baseline: 90 days; kms_key_id = var.kms_key_arn, which the root sets to aws_kms_key.app.arn.
group(address, values) := object.union(
	t.literal(address, "aws_cloudwatch_log_group", values),
	{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": t.reference([["aws_kms_key.app", "aws_kms_key", "arn"]])}},
)

test_pass_retention_and_key if {
	service := group("module.service.aws_cloudwatch_log_group.this", {"retention_in_days": 90})
	forever := group("aws_cloudwatch_log_group.audit[\"eu\"]", {"retention_in_days": 0})
	doc := t.plan_input([service, forever])
	rule.applies == {service.address, forever.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_short_retention_no_key if {
	short := t.literal("aws_cloudwatch_log_group.app[0]", "aws_cloudwatch_log_group", {"retention_in_days": 14})
	doc := t.plan_input([short])
	rule.applies == {short.address} with input as doc
	rule.deny == {
		lib.fail(short, "retention_in_days", "retention_in_days is 14: set retention_in_days to 0 (never expire) or 90 days or more"),
		lib.fail(short, "kms_key_id", concat("", ["kms_key_id is not set: ", kms_advice])),
	} with input as doc
}

test_not_set_retention if {
	unset := group("aws_cloudwatch_log_group.app", {"name": "/ecs/app", "retention_in_days": 0})
	doc := t.plan_input([json.remove(unset, ["expressions/retention_in_days"])])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, "retention_in_days", "retention_in_days is not set: set retention_in_days to 0 (never expire) or 30 days or more explicitly")} with input as doc
		with data.tfcheck.parameters as {"min_log_retention_days": 30}
}

test_unknown_key_from_variable if {
	from_var := object.union(
		t.literal("module.app.aws_cloudwatch_log_group.this", "aws_cloudwatch_log_group", {"retention_in_days": 365}),
		{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": t.unresolved(["var.kms_key_arn"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "kms_key_id", concat("", ["kms_key_id is known only after apply and references no aws_kms_alias or aws_kms_key: ", kms_advice]))} with input as doc
}
