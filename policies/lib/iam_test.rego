package tfcheck.lib.iam_test

import data.tfcheck.lib.ecs_test as t
import data.tfcheck.lib.iam

test_action_matches_exact_and_wildcards if {
	iam.action_matches("dynamodb:getitem", "dynamodb:getitem")
	iam.action_matches("dynamodb:getitem", "DynamoDB:GetItem")
	iam.action_matches("*", "dynamodb:getitem")
	iam.action_matches("*:*", "dynamodb:getitem")
	iam.action_matches("dynamodb:*", "dynamodb:getitem")
	iam.action_matches("dynamodb:get*", "dynamodb:getitem")
	iam.action_matches("dynamodb:*item", "dynamodb:getitem")
	iam.action_matches("dynamodb:?etitem", "dynamodb:getitem")
	iam.action_matches("dynamo*", "dynamodb:getitem")
	iam.action_matches("*:getitem", "dynamodb:getitem")
	iam.action_matches("iam:pass*", "iam:passrole")
}

test_action_matches_rejects if {
	not iam.action_matches("dynamodb:put*", "dynamodb:getitem")
	not iam.action_matches("dynamodb:getitem", "dynamodb:getitems")
	not iam.action_matches("dynamodb:?", "dynamodb:getitem")
	not iam.action_matches("s3:*", "dynamodb:getitem")
	not iam.action_matches("dynamodb", "dynamodb:getitem")
	not iam.action_matches("rds-db:*", "rds:connect")
}

test_action_matches_glob_metacharacters_are_literal if {
	not iam.action_matches("s3:[gp]etobject", "s3:getobject")
	not iam.action_matches("s3:{get,put}object", "s3:getobject")
	iam.action_matches("s3:{get,put}object", "s3:{get,put}object")
}

test_service_patterns if {
	iam.may_grant_service("*", "dynamodb")
	iam.may_grant_service("dynamodb:get*", "dynamodb")
	iam.may_grant_service("dynamo*:query", "dynamodb")
	iam.may_grant_service("*:getitem", "dynamodb")
	not iam.may_grant_service("s3:*", "dynamodb")
	iam.covers_service("*", "dynamodb")
	iam.covers_service("*:*", "dynamodb")
	iam.covers_service("dynamodb:*", "dynamodb")
	not iam.covers_service("dynamodb:get*", "dynamodb")
	iam.is_service_wildcard("s3:*")
	iam.is_service_wildcard("*")
	not iam.is_service_wildcard("s3:get*")
}

test_write_actions if {
	every a in ["s3:putobject", "s3:put*", "s3:p*", "s3:*", "*", "s3:*object", "dynamodb:batchwriteitem", "iam:passrole", "ecs:runtask", "sqs:sendmessage"] {
		iam.is_write_action(a)
	}
	every a in ["s3:getobject", "s3:get*", "s3:list*", "ec2:describe*", "rds-db:connect", "kms:decrypt", "ecr:getauthorizationtoken"] {
		not iam.is_write_action(a)
	}
}

test_grants if {
	iam.grants(t.allow(["dynamodb:*"], ["*"]), "dynamodb:getitem")
	not iam.grants(t.statement({"effect": "Deny", "actions": ["*"], "resources": ["*"]}), "dynamodb:getitem")
	iam.grants(t.statement({"not_actions": ["s3:*"], "resources": ["*"]}), "iam:passrole")
	not iam.grants(t.statement({"not_actions": ["iam:*"], "resources": ["*"]}), "iam:passrole")
	iam.grant_via(t.allow(["s3:getobject", "iam:pass*"], ["*"]), "iam:passrole") == "iam:pass*"
	iam.grant_via(t.statement({"not_actions": ["s3:*"]}), "iam:passrole") == "NotAction"
}

test_grants_service if {
	iam.grants_service(t.allow(["dynamodb:get*"], ["*"]), "dynamodb")
	iam.grants_service(t.statement({"not_actions": ["s3:*"]}), "dynamodb")
	not iam.grants_service(t.statement({"not_actions": ["dynamodb:*"]}), "dynamodb")
	not iam.grants_service(t.allow(["s3:*"], ["*"]), "dynamodb")
}

test_denies_service if {
	iam.denies_service([t.statement({"effect": "Deny", "actions": ["dynamodb:*"], "resources": ["*"]})], "dynamodb")
	not iam.denies_service([t.statement({"effect": "Deny", "actions": ["dynamodb:put*"], "resources": ["*"]})], "dynamodb")
	not iam.denies_service(
		[t.statement({"effect": "Deny", "actions": ["dynamodb:*"], "resources": ["*"], "conditions": [{"operator": "StringEquals", "key": "aws:RequestedRegion", "values": ["eu-west-2"]}]})],
		"dynamodb",
	)
}

test_all_resources if {
	every x in [
		"*", "arn:aws:s3:::*", "arn:aws:ssm:*:*:parameter/*", "arn:aws:iam::123456789012:role/*",
		"arn:aws:kms:eu-west-2:123456789012:key/*", "arn:aws:rds-db:eu-west-2:123456789012:dbuser:*",
		"arn:aws:ssm:eu-west-2:123456789012:parameter:*",
	] {
		iam.is_all_resource(x)
	}
	every x in [
		"arn:aws:s3:::media/*", "arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/*",
		"arn:aws:iam::123456789012:role/app-*", "arn:aws:s3:::media:*", "arn:aws:s3:*", "aws:s3:::*",
		"arn:aws:iam::123456789012:user/*", "arn:aws:s3:::*/x", "arn:aws:s3::::*", "arn:aws:s3:::role:*/*",
		"arn:aws:s3:::/*", "arn:aws:ssm:::parameter:*:*",
	] {
		not iam.is_all_resource(x)
	}
	iam.broad_resource(t.statement({"not_resources": ["arn:aws:s3:::media"]}))
	iam.all_resource_label(t.statement({"not_resources": ["arn:aws:s3:::media"]})) == "NotResource"
}

test_resources_unresolved if {
	iam.resources_unresolved(t.statement({"resources": [], "unknown": ["resources"]}))
	not iam.resources_unresolved(t.statement({
		"resources": [],
		"unknown": ["resources"],
		"refs": [{"address": "aws_ssm_parameter.a", "type": "aws_ssm_parameter", "attribute": "arn", "field": "resources"}],
	}))
	not iam.resources_unresolved(t.allow(["s3:getobject"], ["arn:aws:s3:::media/*"]))
}

test_labels if {
	iam.statement_label(t.statement({"sid": "Media"}), 3) == "statement \"Media\""
	iam.statement_label(t.statement({}), 3) == "statement 3"
	iam.policy_label(t.managed("AmazonS3FullAccess")) == "AWS managed policy AmazonS3FullAccess"
	iam.policy_label(t.policy("role_policy", "aws_iam_role_policy.media", [])) == "aws_iam_role_policy.media"
	iam.policy_label(object.union(t.policy("inline", null, []), {"name": "media"})) == "inline policy media"
	iam.policy_label(t.policy("inline", null, [])) == "inline policy"
}

test_managed_policy_lists if {
	iam.admin_managed("AmazonDynamoDBFullAccess")
	iam.admin_managed("AdministratorAccess")
	iam.admin_managed("AdministratorAccess-Amplify")
	iam.admin_managed("PowerUserAccess")
	not iam.admin_managed("AmazonECSTaskExecutionRolePolicy")
	iam.dynamodb_managed("AmazonDynamoDBReadOnlyAccess")
	iam.dynamodb_managed("AWSLambdaDynamoDBExecutionRole")
	iam.dynamodb_managed("ReadOnlyAccess")
	not iam.dynamodb_managed("AmazonS3ReadOnlyAccess")
	iam.secret_reading_managed("AmazonSSMManagedInstanceCore")
	not iam.secret_reading_managed("AmazonECSTaskExecutionRolePolicy")
}

test_roles if {
	task_role := t.role("module.service.aws_iam_role.task_web", [], [t.policy("role_policy", "a", [t.allow(["s3:getobject"], ["*"])])], [])
	inp := t.plan([], [task_role])
	iam.role_of(t.role_ref("module.service.aws_iam_role.task_web")) == task_role with input as inp
	iam.unresolved({"address": null, "arn": "arn:aws:iam::123456789012:role/elsewhere", "set": true}) with input as inp
	not iam.unresolved(t.no_role) with input as inp
	iam.role_statements(task_role) == [t.allow(["s3:getobject"], ["*"])]
}

test_with_documents_skips_deleted_and_documentless if {
	inp := t.plan(
		[
			t.resource("aws_iam_policy", "aws_iam_policy.a", {"policy_documents": [t.document("policy", [])]}),
			t.resource("aws_iam_policy", "aws_iam_policy.gone", {"actions": ["delete"], "policy_documents": [t.document("policy", [])]}),
			t.resource("aws_s3_bucket", "aws_s3_bucket.b", {}),
		],
		[],
	)
	{r.address | some r in iam.with_documents} == {"aws_iam_policy.a"} with input as inp
}

test_roles_used_as_skips_deleted_roles if {
	uses := [{"address": "aws_ecs_task_definition.app", "as": "execution"}]
	inp := t.plan(
		[t.resource("aws_iam_role", "aws_iam_role.old", {"actions": ["delete"]}), t.resource("aws_iam_role", "aws_iam_role.new", {})],
		[t.role("aws_iam_role.old", [], [], uses), t.role("aws_iam_role.new", [], [], uses), t.role("aws_iam_role.task", [], [], [{"address": "aws_ecs_task_definition.app", "as": "task"}])],
	)
	{role.address | some role in iam.roles_used_as("execution")} == {"aws_iam_role.new"} with input as inp
}

test_documents_of_skips_unset_computed_documents if {
	unset := {"path": "policy", "known": false, "source": "json", "from": null, "statements": []}
	known := t.document("policy", [])
	iam.documents_of(t.resource("aws_kms_key", "aws_kms_key.a", {"policy_documents": [unset]})) == []
	iam.documents_of(t.resource("aws_kms_key", "aws_kms_key.a", {"policy_documents": [known]})) == [known]
	configured := t.resource("aws_kms_key", "aws_kms_key.a", {"policy_documents": [unset], "expressions": {"policy": t.expression([])}})
	iam.unknown_documents(configured) == [unset]
}

test_literal_prefix if {
	iam.literal_prefix("putobject") == "putobject"
	iam.literal_prefix("put*") == "put"
	iam.literal_prefix("p?t*") == "p"
	iam.literal_prefix("*object") == ""
	iam.literal_prefix("") == ""
	iam.literal_prefix("get?bj*ct") == "get"
	iam.is_write_action("s3:p*")
	iam.is_write_action("s3:*object")
	not iam.is_write_action("s3:get*")
}

test_glob_syntax_is_literal if {
	iam.action_matches("s3:get[ab]", "s3:get[ab]")
	not iam.action_matches("s3:get[ab]*", "s3:geta")
	not iam.action_matches("s3:get{a*", "s3:get{ab")
	not iam.action_matches("s3:get\\*", "s3:get\\x")
	iam.action_matches("s3:get*", "s3:GetObject")
}

# A final `*` alone is a prefix; any other wildcard goes through the glob.
test_trailing_star_prefix if {
	iam.trailing_star_prefix("s3:get*") == "s3:get"
	iam.trailing_star_prefix("*") == ""
	not iam.trailing_star_prefix("s3:*object")
	not iam.trailing_star_prefix("s3:g?t*")
	not iam.trailing_star_prefix("s3:*get*")
	not iam.trailing_star_prefix("s3:getobject")
	iam.action_matches("s3:g?t*", "s3:getobject")
	iam.action_matches("s3:*get*", "s3:forgetme")
	not iam.action_matches("s3:*get*", "s3:putobject")
	iam.action_matches("s3:get*", "s3:get")
}

test_parts if {
	iam.parts("s3:getobject") == ["s3", "getobject"]
	iam.parts("*") == ["*", "*"]
	iam.parts("s3:") == ["s3", ""]
	iam.parts("a:b:c") == ["a", "b:c"]
}
