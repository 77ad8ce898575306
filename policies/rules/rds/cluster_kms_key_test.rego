package tfcheck.rules.rds.cluster_kms_key_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.cluster_kms_key as rule

advice := "set it to a customer managed aws_kms_key ARN"

# The baseline: kms_key_id = aws_kms_key.db.arn inside module.database, unknown until apply.
by_reference := object.union(
	t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"storage_encrypted": true}),
	{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": t.reference([["module.database.aws_kms_key.db", "aws_kms_key", "arn"]])}},
)

test_pass_reference_and_known_arn if {
	known := t.literal("aws_rds_cluster.imported[\"eu\"]", "aws_rds_cluster", {"kms_key_id": "arn:aws:kms:eu-west-2:123456789012:key/0a1b2c3d-0000-4000-8000-0123456789ab"})
	doc := t.plan_input([by_reference, known])
	rule.applies == {by_reference.address, known.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_key_id_instead_of_arn if {
	key_id := t.literal("aws_rds_cluster.db[0]", "aws_rds_cluster", {"kms_key_id": "alias/aws/rds"})
	doc := t.plan_input([by_reference, key_id])
	rule.applies == {by_reference.address, key_id.address} with input as doc
	rule.deny == {lib.fail(key_id, "kms_key_id", concat("", [`kms_key_id is "alias/aws/rds": `, advice]))} with input as doc
}

test_not_set if {
	unset := object.union(t.resource("aws_rds_cluster.db[0]", "aws_rds_cluster", {}), {"unknown": ["kms_key_id"]})
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, "kms_key_id", concat("", ["kms_key_id is not set: ", advice]))} with input as doc
}

test_unknown_root_variable if {
	from_var := object.union(
		t.resource("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {}),
		{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": t.unresolved(["var.kms_key_arn"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "kms_key_id", concat("", ["kms_key_id is known only after apply and references no aws_kms_alias or aws_kms_key: ", advice]))} with input as doc
}

# The spike: the module sets kms_key_id = var.kms_key_id, which the call leaves to its default "";
# the expression resolves to no resource and no input, yet the plan shows it unknown.
test_fail_spike_empty_default if {
	spike := object.union(
		t.resource("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {}),
		{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": {}}},
	)
	doc := t.plan_input([spike])
	rule.applies == {spike.address} with input as doc
	rule.deny == {lib.fail(spike, "kms_key_id", concat("", ["kms_key_id is an empty value: ", advice]))} with input as doc
}
