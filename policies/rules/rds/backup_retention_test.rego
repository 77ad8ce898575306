package tfcheck.rules.rds.backup_retention_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.backup_retention as rule

path := "backup_retention_period"

two_weeks := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {path: 14})

test_pass_two_weeks_and_minimum if {
	week := t.literal("aws_db_instance.legacy[0]", "aws_db_instance", {path: 7})
	doc := t.plan_input([two_weeks, week])
	rule.applies == {two_weeks.address, week.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_below_parameter if {
	doc := t.plan_input([two_weeks])
	rule.applies == {two_weeks.address} with input as doc
	rule.deny == {lib.fail(two_weeks, path, "backup_retention_period is 14: set backup_retention_period to 30 days or more")} with input as doc
		with data.tfcheck.parameters as {"min_backup_retention_days": 30}
}

test_not_set_provider_default if {
	unset := t.resource("module.wagtail.aws_rds_cluster.this[0]", "aws_rds_cluster", {path: 1})
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, path, "backup_retention_period is not set: set backup_retention_period to 7 days or more explicitly")} with input as doc
}

test_unknown_from_variable if {
	from_var := object.union(
		t.resource("aws_db_instance.db[\"eu\"]", "aws_db_instance", {}),
		{"unknown": [path], "expressions": {path: t.unresolved(["var.retention"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, path, "backup_retention_period is known only after apply: set backup_retention_period to 7 days or more")} with input as doc
}
