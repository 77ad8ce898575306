package tfcheck.rules.rds.deletion_protection_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.deletion_protection as rule

protected := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"deletion_protection": true})

test_pass_protected_cluster if {
	doc := t.plan_input([protected])
	rule.applies == {protected.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_instance_unprotected if {
	instance := t.literal("aws_db_instance.reporting[0]", "aws_db_instance", {"deletion_protection": false})
	doc := t.plan_input([protected, instance])
	rule.applies == {protected.address, instance.address} with input as doc
	rule.deny == {lib.fail(instance, "deletion_protection", "deletion_protection is false: set deletion_protection = true")} with input as doc
}

# Not configured: the provider plans its default, false.
test_not_set_cluster_defaults_to_false if {
	unset := t.resource("module.wagtail.aws_rds_cluster.this[0]", "aws_rds_cluster", {"deletion_protection": false})
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, "deletion_protection", "deletion_protection is false: set deletion_protection = true")} with input as doc
}

test_unknown_from_resource_attribute if {
	computed := object.union(
		t.resource("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {}),
		{"unknown": ["deletion_protection"], "expressions": {"deletion_protection": t.reference([["terraform_data.flags", "terraform_data", "output"]])}},
	)
	doc := t.plan_input([computed])
	rule.applies == {computed.address} with input as doc
	rule.deny == {lib.unknown(computed, "deletion_protection", "deletion_protection is known only after apply: set deletion_protection = true")} with input as doc
}
