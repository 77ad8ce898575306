package tfcheck.rules.rds.log_exports_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.log_exports as rule

path := "enabled_cloudwatch_logs_exports"

advice := `add "postgresql" to enabled_cloudwatch_logs_exports`

test_pass_postgresql_exported if {
	cluster := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {path: ["postgresql"]})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_other_logs_only if {
	cluster := t.literal("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {path: ["instance"]})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.fail(cluster, path, concat("", [`enabled_cloudwatch_logs_exports is ["instance"]: `, advice]))} with input as doc
}

test_not_set if {
	cluster := t.resource("module.wagtail.aws_rds_cluster.this[0]", "aws_rds_cluster", {"engine": "aurora-postgresql"})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.fail(cluster, path, concat("", ["enabled_cloudwatch_logs_exports is not set: ", advice]))} with input as doc
}

test_unknown_element if {
	cluster := object.union(
		t.literal("aws_rds_cluster.db[0]", "aws_rds_cluster", {path: ["instance", null]}),
		{"unknown": ["enabled_cloudwatch_logs_exports.1"]},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.unknown(cluster, path, concat("", ["enabled_cloudwatch_logs_exports is known only after apply: ", advice]))} with input as doc
}

test_pass_known_postgresql_beside_unknown_element if {
	cluster := object.union(
		t.literal("aws_rds_cluster.db[0]", "aws_rds_cluster", {path: [null, "postgresql"]}),
		{"unknown": ["enabled_cloudwatch_logs_exports.0"]},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == set() with input as doc
}
