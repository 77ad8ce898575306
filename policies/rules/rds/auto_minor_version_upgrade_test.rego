package tfcheck.rules.rds.auto_minor_version_upgrade_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.auto_minor_version_upgrade as rule

path := "auto_minor_version_upgrade"

# The provider's default, true, is enough: the rule does not ask for it explicitly.
test_pass_default_and_literal if {
	first := t.literal("module.database.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {path: true})
	second := t.resource("module.database.aws_rds_cluster_instance.this[1]", "aws_rds_cluster_instance", {path: true})
	doc := t.plan_input([first, second])
	rule.applies == {first.address, second.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_upgrades_disabled if {
	instance := t.literal("aws_rds_cluster_instance.reader[\"b\"]", "aws_rds_cluster_instance", {path: false})
	doc := t.plan_input([instance])
	rule.applies == {instance.address} with input as doc
	rule.deny == {lib.fail(instance, path, "auto_minor_version_upgrade is false: set auto_minor_version_upgrade = true")} with input as doc
}

test_unknown_from_variable if {
	instance := object.union(
		t.resource("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {}),
		{"unknown": [path], "expressions": {path: t.unresolved(["var.auto_minor_version_upgrade"])}},
	)
	doc := t.plan_input([instance])
	rule.applies == {instance.address} with input as doc
	rule.deny == {lib.unknown(instance, path, "auto_minor_version_upgrade is known only after apply: set auto_minor_version_upgrade = true")} with input as doc
}
