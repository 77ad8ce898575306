package tfcheck.rules.rds.no_plaintext_password_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.no_plaintext_password as rule

# The baseline: RDS manages the password; the plan flags the unset (null) master_password sensitive.
managed := object.union(
	t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"manage_master_user_password": true, "master_username": "wagtail_admin"}),
	{"values": {"master_password": null}, "sensitive": ["master_password", "master_password_wo"]},
)

test_pass_managed_password if {
	doc := t.plan_input([managed])
	rule.applies == {managed.address} with input as doc
	rule.deny == set() with input as doc
}

# A module's `master_password = var.manage ? null : var.password` with manage = true.
test_pass_configured_null if {
	conditional := object.union(
		t.resource("module.db.aws_db_instance.this[0]", "aws_db_instance", {"username": "app"}),
		{"expressions": {"password": t.unresolved(["var.manage_master_user_password", "var.password"])}},
	)
	doc := t.plan_input([managed, conditional])
	rule.applies == {managed.address, conditional.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike: master_password = var.password inside the module, a literal in the root.
test_fail_spike_password if {
	spike := object.union(
		t.literal("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {"master_username": "root"}),
		{
			"values": {"master_password": "(sensitive)"},
			"sensitive": ["master_password", "master_password_wo"],
			"expressions": {"master_password": t.unresolved(["var.password"])},
		},
	)
	doc := t.plan_input([spike])
	rule.applies == {spike.address} with input as doc
	rule.deny == {lib.fail(spike, "master_password", "master_password is set in the configuration: remove it and set manage_master_user_password = true (or master_password_wo)")} with input as doc
}

test_fail_instance_password_from_resource if {
	generated := object.union(
		t.resource("aws_db_instance.reporting[\"eu\"]", "aws_db_instance", {}),
		{"unknown": ["password"], "expressions": {"password": t.reference([["random_password.db", "random_password", "result"]])}},
	)
	doc := t.plan_input([generated])
	rule.applies == {generated.address} with input as doc
	rule.deny == {lib.fail(generated, "password", "password is set in the configuration: remove it and set manage_master_user_password = true (or password_wo)")} with input as doc
}

# Restored from a snapshot: no password configured, none managed either.
test_not_set_password if {
	restored := t.literal("aws_db_instance.restored[0]", "aws_db_instance", {"snapshot_identifier": "reporting-final"})
	doc := t.plan_input([restored])
	rule.applies == {restored.address} with input as doc
	rule.deny == set() with input as doc
}
