package tfcheck.rules.chg.stateful_replacement_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.chg.stateful_replacement as rule

advice := "revert what forces it, or move the data first and waive this finding"

changed(address, type, fields) := object.union(
	t.resource(address, type, {"engine": "aurora-postgresql"}),
	object.union({"before": {"engine": "aurora-postgresql"}}, fields),
)

test_pass_create_update_and_noop if {
	created := t.resource("module.database.aws_rds_cluster.this", "aws_rds_cluster", {})
	updated := changed("aws_s3_bucket.media", "aws_s3_bucket", {"actions": ["update"]})
	unchanged := changed("aws_kms_key.app[\"eu\"]", "aws_kms_key", {"actions": ["no-op"]})
	stateless := changed("aws_security_group.db", "aws_security_group", {"actions": ["delete", "create"]})
	doc := t.plan_input([created, updated, unchanged, stateless])
	rule.applies == {created.address, updated.address, unchanged.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_replacement_names_reason_and_paths if {
	replaced := changed("module.database.aws_rds_cluster.this", "aws_rds_cluster", {
		"actions": ["delete", "create"],
		"action_reason": "replace_because_cannot_update",
		"replace_paths": ["kms_key_id", "storage_encrypted"],
	})
	doc := t.plan_input([replaced])
	rule.applies == {replaced.address} with input as doc
	rule.deny == {lib.fail(replaced, "kms_key_id", concat("", [
		"the plan replaces it (action_reason replace_because_cannot_update; replace_paths kms_key_id, storage_encrypted): ",
		advice,
	]))} with input as doc
}

# A delete-only resource has empty values; change rules still judge it.
test_fail_destroyed_without_reason if {
	destroyed := object.union(changed("aws_db_instance.legacy[0]", "aws_db_instance", {"actions": ["delete"]}), {"values": {}})
	tainted := changed("aws_ecr_repository.app", "aws_ecr_repository", {"actions": ["create", "delete"], "action_reason": "replace_because_tainted"})
	doc := t.plan_input([destroyed, tainted])
	rule.applies == {destroyed.address, tainted.address} with input as doc
	rule.deny == {
		lib.fail(destroyed, "", concat("", ["the plan destroys it: ", advice])),
		lib.fail(tainted, "", concat("", ["the plan replaces it (action_reason replace_because_tainted): ", advice])),
	} with input as doc
}

test_not_set_data_sources_not_judged if {
	read := object.union(t.resource("data.aws_kms_key.shared", "aws_kms_key", {}), {"mode": "data", "actions": ["read"]})
	doc := t.plan_input([read])
	rule.applies == set() with input as doc
	rule.deny == set() with input as doc
}
