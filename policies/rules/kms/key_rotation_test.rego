package tfcheck.rules.kms.key_rotation_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.kms.key_rotation as rule

key(address, values) := t.literal(address, "aws_kms_key", object.union({"customer_master_key_spec": "SYMMETRIC_DEFAULT"}, values))

test_pass_rotating_keys if {
	db := key("module.database.aws_kms_key.db", {"enable_key_rotation": true})
	app := key("aws_kms_key.app", {"enable_key_rotation": true, "rotation_period_in_days": 180})
	signing := key("aws_kms_key.signing", {"customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY", "enable_key_rotation": false})
	doc := t.plan_input([db, app, signing])
	rule.applies == {db.address, app.address} with input as doc
	rule.deny == set() with input as doc
}

test_not_set_defaults_to_false if {
	unset := object.union(t.resource("aws_kms_key.logs[\"eu\"]", "aws_kms_key", {"enable_key_rotation": false}), {"unknown": ["customer_master_key_spec"]})
	doc := t.plan_input([unset])
	rule.applies == {unset.address} with input as doc
	rule.deny == {lib.fail(unset, "enable_key_rotation", "enable_key_rotation is false: set enable_key_rotation = true")} with input as doc
}

test_fail_rotation_off if {
	off := key("module.kms.aws_kms_key.this[0]", {"enable_key_rotation": false})
	doc := t.plan_input([off])
	rule.applies == {off.address} with input as doc
	rule.deny == {lib.fail(off, "enable_key_rotation", "enable_key_rotation is false: set enable_key_rotation = true")} with input as doc
}

test_unknown_from_variable if {
	from_var := object.union(key("aws_kms_key.app", {}), {"unknown": ["enable_key_rotation"], "expressions": {"enable_key_rotation": t.unresolved(["var.rotate"])}})
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "enable_key_rotation", "enable_key_rotation is known only after apply: set enable_key_rotation = true")} with input as doc
}
