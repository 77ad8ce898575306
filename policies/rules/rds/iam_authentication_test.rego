package tfcheck.rules.rds.iam_authentication_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.iam_authentication as rule

path := "iam_database_authentication_enabled"

test_pass_cluster_with_iam_auth if {
	cluster := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {path: true})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == set() with input as doc
}

test_not_set_instance_defaults_to_false if {
	cluster := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {path: true})
	instance := t.resource("aws_db_instance.legacy[0]", "aws_db_instance", {path: false})
	doc := t.plan_input([cluster, instance])
	rule.applies == {cluster.address, instance.address} with input as doc
	rule.deny == {lib.fail(instance, path, "iam_database_authentication_enabled is false: set iam_database_authentication_enabled = true")} with input as doc
}

test_unknown_sensitive_variable if {
	cluster := object.union(
		t.resource("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {path: "(sensitive)"}),
		{"sensitive": [path], "expressions": {path: t.unresolved(["var.iam_auth"])}},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.unknown(cluster, path, "iam_database_authentication_enabled is sensitive: set iam_database_authentication_enabled = true")} with input as doc
}

test_fail_cluster_iam_auth_disabled if {
	cluster := t.literal("module.wagtail.aws_rds_cluster.this[0]", "aws_rds_cluster", {path: false})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.fail(cluster, path, "iam_database_authentication_enabled is false: set iam_database_authentication_enabled = true")} with input as doc
}
