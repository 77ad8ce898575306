package tfcheck.rules.rds.final_snapshot_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.final_snapshot as rule

# The baseline and the spike: skip_final_snapshot = false, the identifier built from the name.
test_pass_identifier_from_variable if {
	cluster := object.union(
		t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"skip_final_snapshot": false}),
		{
			"values": {"final_snapshot_identifier": "wagtail-prod-final"},
			"expressions": {"final_snapshot_identifier": t.unresolved(["var.name"])},
		},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_skips_without_identifier if {
	cluster := t.literal("aws_rds_cluster.scratch[0]", "aws_rds_cluster", {"skip_final_snapshot": true})
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {
		lib.fail(cluster, "skip_final_snapshot", "skip_final_snapshot is true: set skip_final_snapshot = false"),
		lib.fail(cluster, "final_snapshot_identifier", "final_snapshot_identifier is not set: set final_snapshot_identifier"),
	} with input as doc
}

test_unknown_identifier if {
	cluster := object.union(
		t.literal("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {"skip_final_snapshot": false}),
		{"unknown": ["final_snapshot_identifier"], "expressions": {"final_snapshot_identifier": t.reference([["random_id.suffix", "random_id", "hex"]])}},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.unknown(cluster, "final_snapshot_identifier", "final_snapshot_identifier is known only after apply: set final_snapshot_identifier")} with input as doc
}
