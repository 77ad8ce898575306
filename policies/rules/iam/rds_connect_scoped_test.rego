package tfcheck.rules.iam.rds_connect_scoped_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.iam.rds_connect_scoped as rule

data_source := "module.service.data.aws_iam_policy_document.rds_connect"

role_policy := "module.service.aws_iam_role_policy.task_web_rds_connect"

# The baseline's rds_connect document: `resources = [null]`, known only after apply, built from
# var.db_cluster_resource_id, which resolves to module.database.aws_rds_cluster.this.cluster_resource_id.
baseline_statement := t.statement({
	"sid": "IamDatabaseAuth",
	"actions": ["rds-db:connect"],
	"resources": [],
	"unknown": ["resources"],
	"refs": [{"address": "module.database.aws_rds_cluster.this", "type": "aws_rds_cluster", "attribute": "cluster_resource_id", "field": "resources"}],
})

holder(type, address, path, statements) := t.resource(type, address, {"policy_documents": [t.document(path, statements)]})

baseline_resources := [
	t.resource("aws_iam_policy_document", data_source, {"policy_documents": [{"path": "json", "known": true, "source": "statement_blocks", "from": null, "statements": [baseline_statement]}]}),
	t.resource("aws_iam_role_policy", role_policy, {"policy_documents": [{"path": "policy", "known": true, "source": "reference", "from": data_source, "statements": [baseline_statement]}]}),
]

test_pass_baseline_by_reference_and_known_arn if {
	known := holder("aws_iam_policy", "aws_iam_policy.connect[0]", "policy", [t.allow(["rds-db:connect"], ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ/wagtail"])])
	s3 := holder("aws_iam_policy", "aws_iam_policy.media", "policy", [t.allow(["s3:getobject"], ["arn:aws:s3:::media/*"])])
	admin := holder("aws_iam_policy", "aws_iam_policy.admin", "policy", [t.allow(["*"], ["*"])])
	inp := t.plan(array.concat(baseline_resources, [known, s3, admin]), [])
	rule.applies == {data_source, role_policy, "aws_iam_policy.connect[0]"} with input as inp
	rule.deny == set() with input as inp
}

# The spike's policy: the resource still holds its `{local.account-number}` and `{db-cluster-id}`
# placeholders.
test_fail_spike_placeholder_arn if {
	spike := holder("aws_iam_policy", "aws_iam_policy.wagtail_rds_connect", "policy", [t.allow(["rds-db:connect"], ["arn:aws:rds-db:eu-west-2:{local.account-number}:dbuser:{db-cluster-id}/db_userx"])])
	inp := t.plan([spike], [])
	rule.applies == {"aws_iam_policy.wagtail_rds_connect"} with input as inp
	rule.deny == {lib.fail(spike, "policy", "statement 0 allows rds-db:connect on [\"arn:aws:rds-db:eu-west-2:{local.account-number}:dbuser:{db-cluster-id}/db_userx\"]: name arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>")} with input as inp
}

test_fail_wildcards_and_not_resource if {
	address := "module.app[\"eu\"].aws_iam_role_policy.connect"
	r := holder("aws_iam_role_policy", address, "policy", [
		t.allow(["rds-db:*"], ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABC/*"]),
		t.allow(["rds-db:connect"], ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABC/wagtail", "*"]),
		t.statement({"sid": "Others", "actions": ["rds-db:connect"], "not_resources": ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABC/admin"]}),
		t.statement({"effect": "Deny", "actions": ["rds-db:connect"], "resources": ["*"]}),
	])
	rule.deny == {
		lib.fail(r, "policy", "statement 0 allows rds-db:connect on [\"arn:aws:rds-db:eu-west-2:123456789012:dbuser:cluster-ABC/*\"]: name arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>"),
		lib.fail(r, "policy", "statement 1 allows rds-db:connect on [\"*\"]: name arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>"),
		lib.fail(r, "policy", "statement \"Others\" allows rds-db:connect through NotResource: name the database users it may connect as"),
	} with input as t.plan([r], [])
}

test_unknown_reference_to_cluster_arn if {
	statement := object.union(baseline_statement, {"refs": [{"address": "aws_rds_cluster.db", "type": "aws_rds_cluster", "attribute": "arn", "field": "resources"}]})
	r := holder("aws_iam_policy_document", "data.aws_iam_policy_document.connect", "json", [statement])
	rule.deny == {lib.unknown(r, "json", "statement \"IamDatabaseAuth\" allows rds-db:connect on resources known only after apply that reference no cluster_resource_id")} with input as t.plan([r], [])
}

test_pass_db_instance_resource_id if {
	statement := object.union(baseline_statement, {"refs": [{"address": "aws_db_instance.db", "type": "aws_db_instance", "attribute": "resource_id", "field": "resources"}]})
	r := holder("aws_iam_policy_document", "data.aws_iam_policy_document.connect", "json", [statement])
	rule.deny == set() with input as t.plan([r], [])
}
