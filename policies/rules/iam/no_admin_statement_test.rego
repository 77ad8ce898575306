package tfcheck.rules.iam.no_admin_statement_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.iam.no_admin_statement as rule

holder(type, address, path, statements) := t.resource(type, address, {"policy_documents": [t.document(path, statements)]})

# The baseline's KMS key policy: `kms:*` for the account root is a service wildcard, not `*`.
app_key := holder("aws_kms_key", "aws_kms_key.app", "policy", [object.union(
	t.allow(["kms:*"], ["*"]),
	{"sid": "AccountAdministration", "principals": {"AWS": ["arn:aws:iam::123456789012:root"]}},
)])

trust := holder("aws_iam_role", "module.service.aws_iam_role.task_web", "assume_role_policy", [t.statement({"actions": ["sts:assumerole"], "principals": {"Service": ["ecs-tasks.amazonaws.com"]}})])

test_pass_baseline_documents if {
	media := holder("aws_iam_role_policy", "module.service.aws_iam_role_policy.task_web_media", "policy", [t.allow(["s3:getobject"], ["arn:aws:s3:::media/*"])])
	deny_insecure := holder("aws_iam_policy_document", "data.aws_iam_policy_document.media_bucket", "json", [t.statement({"effect": "Deny", "actions": ["s3:*"], "resources": ["*"]})])
	inp := t.plan([app_key, trust, media, deny_insecure, t.resource("aws_s3_bucket", "aws_s3_bucket.media", {})], [])
	rule.applies == {"aws_kms_key.app", "module.service.aws_iam_role.task_web", "module.service.aws_iam_role_policy.task_web_media", "data.aws_iam_policy_document.media_bucket"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_star_on_star if {
	r := t.resource("aws_iam_role", "module.ops[\"eu\"].aws_iam_role.admin[0]", {"policy_documents": [
		t.document("assume_role_policy", []),
		t.document("inline_policy.0.policy", [
			t.allow(["s3:getobject"], ["*"]),
			object.union(t.allow(["*:*"], ["*"]), {"sid": "Admin"}),
			t.statement({"actions": ["*"], "not_resources": ["arn:aws:s3:::audit/*"]}),
		]),
	]})
	rule.deny == {
		lib.fail(r, "inline_policy.0.policy", "statement \"Admin\" allows Action \"*:*\" on Resource \"*\" (full administrator access): list the actions and resources needed"),
		lib.fail(r, "inline_policy.0.policy", "statement 2 allows Action \"*\" on Resource \"NotResource\" (full administrator access): list the actions and resources needed"),
	} with input as t.plan([r], [])
}

test_unknown_documents_and_resources if {
	opaque := t.resource("aws_iam_policy", "aws_iam_policy.generated", {
		"policy_documents": [{"path": "policy", "known": false, "source": "json", "from": null, "statements": []}],
		"expressions": {"policy": t.expression([t.ref("aws_s3_bucket.media", "aws_s3_bucket", "arn")])},
	})
	partial := holder("aws_iam_policy_document", "data.aws_iam_policy_document.ops", "json", [
		t.statement({"actions": ["*"], "resources": [], "unknown": ["resources"]}),
		t.statement({"actions": [], "resources": ["*"], "unknown": ["actions"]}),
	])
	rule.deny == {
		lib.unknown(opaque, "policy", "policy is known only after apply: its statements cannot be judged"),
		lib.unknown(partial, "json", "statement 0 allows Action \"*\" on resources known only after apply"),
		lib.unknown(partial, "json", "statement 1 has actions known only after apply on Resource \"*\""),
	} with input as t.plan([opaque, partial], [])
}

# An aws_kms_key without `policy` gets AWS's default key policy: the plan shows it unknown, and the
# configuration holds no document to judge.
test_pass_unset_key_policy_not_judged if {
	key := t.resource("aws_kms_key", "module.database.aws_kms_key.db", {
		"unknown": ["policy"],
		"policy_documents": [{"path": "policy", "known": false, "source": "json", "from": null, "statements": []}],
	})
	inp := t.plan([key, trust], [])
	rule.applies == {"module.service.aws_iam_role.task_web"} with input as inp
	rule.deny == set() with input as inp
}
