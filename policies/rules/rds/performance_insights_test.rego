package tfcheck.rules.rds.performance_insights_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.performance_insights as rule

key := "performance_insights_kms_key_id"

# The baseline: enabled, with the database key by reference.
with_key := object.union(
	t.literal("module.database.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {"performance_insights_enabled": true}),
	{"unknown": [key], "expressions": {key: t.reference([["module.database.aws_kms_key.db", "aws_kms_key", "arn"]])}},
)

test_pass_with_and_without_key if {
	default_key := t.literal("module.database.aws_rds_cluster_instance.this[1]", "aws_rds_cluster_instance", {"performance_insights_enabled": true})
	doc := t.plan_input([with_key, default_key])
	rule.applies == {with_key.address, default_key.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike's module instance: performance_insights_enabled = false.
test_fail_disabled if {
	spike := t.literal("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {"performance_insights_enabled": false})
	doc := t.plan_input([with_key, spike])
	rule.applies == {with_key.address, spike.address} with input as doc
	rule.deny == {lib.fail(spike, "performance_insights_enabled", "performance_insights_enabled is false: set performance_insights_enabled = true")} with input as doc
}

test_fail_key_not_an_arn if {
	alias := object.union(with_key, {"unknown": [], "values": {key: "alias/aws/rds"}, "expressions": t.constants([key])})
	doc := t.plan_input([alias])
	rule.applies == {alias.address} with input as doc
	rule.deny == {lib.fail(alias, key, `performance_insights_kms_key_id is "alias/aws/rds": set it to a customer managed aws_kms_key ARN`)} with input as doc
}

test_unknown_enabled_from_variable if {
	from_var := object.union(
		t.resource("aws_rds_cluster_instance.reader[\"b\"]", "aws_rds_cluster_instance", {}),
		{"unknown": ["performance_insights_enabled"], "expressions": {"performance_insights_enabled": t.unresolved(["var.insights"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "performance_insights_enabled", "performance_insights_enabled is known only after apply: set performance_insights_enabled = true")} with input as doc
}
