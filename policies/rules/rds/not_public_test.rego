package tfcheck.rules.rds.not_public_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.not_public as rule

path := "publicly_accessible"

# The spike's module sets it through a variable whose value is known.
test_pass_literal_and_module_variable if {
	writer := t.literal("module.database.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {path: false})
	spike := object.union(
		t.resource("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {path: false}),
		{"expressions": {path: t.unresolved(["var.publicly_accessible"])}},
	)
	doc := t.plan_input([writer, spike])
	rule.applies == {writer.address, spike.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_public_instance if {
	public := t.literal("aws_db_instance.reporting[\"eu\"]", "aws_db_instance", {path: true})
	doc := t.plan_input([public])
	rule.applies == {public.address} with input as doc
	rule.deny == {lib.fail(public, path, "publicly_accessible is true: set publicly_accessible = false")} with input as doc
}

test_not_set_even_though_default_is_false if {
	unset := t.resource("module.database.aws_rds_cluster_instance.this[1]", "aws_rds_cluster_instance", {path: false})
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, path, "publicly_accessible is not set: set publicly_accessible = false explicitly")} with input as doc
}

test_unknown_from_resource if {
	computed := object.union(
		t.resource("aws_db_instance.replica[0]", "aws_db_instance", {}),
		{"unknown": [path], "expressions": {path: t.reference([["terraform_data.network", "terraform_data", "output"]])}},
	)
	doc := t.plan_input([computed])
	rule.applies == {computed.address} with input as doc
	rule.deny == {lib.unknown(computed, path, "publicly_accessible is known only after apply: set publicly_accessible = false")} with input as doc
}
