package tfcheck.rules.rds.storage_encrypted_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.storage_encrypted as rule

# The baseline's module cluster: storage_encrypted = true as a literal.
encrypted := t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"storage_encrypted": true})

test_pass_cluster_and_instance_encrypted if {
	instance := t.literal("aws_db_instance.reporting[0]", "aws_db_instance", {"storage_encrypted": true})
	doc := t.plan_input([encrypted, instance])
	rule.applies == {encrypted.address, instance.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_instance_unencrypted if {
	instance := t.literal("aws_db_instance.reporting[\"eu\"]", "aws_db_instance", {"storage_encrypted": false})
	doc := t.plan_input([encrypted, instance])
	rule.applies == {encrypted.address, instance.address} with input as doc
	rule.deny == {lib.fail(instance, "storage_encrypted", "storage_encrypted is false: set storage_encrypted = true")} with input as doc
}

# Left unset, Aurora plans storage_encrypted as unknown: the provider's default is not trusted.
test_not_set_cluster_is_unknown_in_plan if {
	unset := object.union(
		t.resource("module.wagtail.aws_rds_cluster.this[0]", "aws_rds_cluster", {"engine": "aurora-postgresql"}),
		{"unknown": ["storage_encrypted"]},
	)
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, "storage_encrypted", "storage_encrypted is not set: set storage_encrypted = true explicitly")} with input as doc
}

test_unknown_from_variable if {
	from_var := object.union(
		t.resource("module.database.aws_rds_cluster.this", "aws_rds_cluster", {}),
		{"unknown": ["storage_encrypted"], "expressions": {"storage_encrypted": t.unresolved(["var.encrypted"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "storage_encrypted", "storage_encrypted is known only after apply: set storage_encrypted = true")} with input as doc
}

test_pass_delete_only_not_judged if {
	gone := object.union(t.resource("aws_db_instance.old", "aws_db_instance", {}), {"actions": ["delete"], "before": {"storage_encrypted": false}})
	doc := t.plan_input([encrypted, gone])
	rule.applies == {encrypted.address} with input as doc
	rule.deny == set() with input as doc
}
