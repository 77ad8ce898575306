package tfcheck.rules.rds.copy_tags_to_snapshot_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.copy_tags_to_snapshot as rule

test_pass_module_cluster if {
	cluster := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"copy_tags_to_snapshot": true})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike's sketch leaves it to the module's default, false.
test_fail_spike_cluster_default if {
	cluster := t.resource("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {"copy_tags_to_snapshot": false})
	instance := t.literal("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {"copy_tags_to_snapshot": false})
	doc := t.plan_input([cluster, instance])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.fail(cluster, "copy_tags_to_snapshot", "copy_tags_to_snapshot is false: set copy_tags_to_snapshot = true")} with input as doc
}

test_unknown_from_variable if {
	cluster := object.union(
		t.resource("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {}),
		{"unknown": ["copy_tags_to_snapshot"], "expressions": {"copy_tags_to_snapshot": t.unresolved(["var.copy_tags"])}},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.unknown(cluster, "copy_tags_to_snapshot", "copy_tags_to_snapshot is known only after apply: set copy_tags_to_snapshot = true")} with input as doc
}
