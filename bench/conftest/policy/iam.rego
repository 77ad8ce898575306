# TFC-IAM-002 on the raw plan (checkov: CKV_AWS_62, CKV_AWS_63): no statement allows every action on
# every resource, in any policy document the plan knows: JSON strings of policy resources (parsed
# here) and the statement blocks of aws_iam_policy_document data sources.
package main

import data.lib

policy_attributes := {
	"aws_iam_policy": "policy",
	"aws_iam_role_policy": "policy",
	"aws_iam_role": "assume_role_policy",
	"aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy",
	"aws_s3_bucket_policy": "policy",
	"aws_kms_key": "policy",
	"aws_ecr_repository_policy": "policy",
	"aws_sqs_queue_policy": "policy",
	"aws_sns_topic_policy": "policy",
	"aws_secretsmanager_secret_policy": "policy",
}

documents contains [rc, attr, doc] if {
	some type, attr in policy_attributes
	some rc in lib.resources(type)
	text := lib.after(rc)[attr]
	is_string(text)
	doc := json.unmarshal(text)
}

documents contains [rc, "inline_policy", json.unmarshal(inline.policy)] if {
	some rc in lib.resources("aws_iam_role")
	some inline in lib.after(rc).inline_policy
	is_string(inline.policy)
}

deny contains lib.msg("TFC-IAM-002", rc, concat("", [attr, " allows every action on every resource"])) if {
	some [rc, attr, doc] in documents
	some s in statements(doc)
	object.get(s, "Effect", "Allow") == "Allow"
	some action in as_list(object.get(s, "Action", []))
	action in {"*", "*:*"}
	every_resource(s)
}

every_resource(s) if "*" in as_list(object.get(s, "Resource", []))

every_resource(s) if s.NotResource

statements(doc) := as_list(object.get(doc, "Statement", []))

as_list(x) := x if is_array(x)

else := [x]

deny contains lib.msg("TFC-IAM-002", rc, "statement allows every action on every resource") if {
	some rc in input.resource_changes
	rc.type == "aws_iam_policy_document"
	rc.mode == "data"
	some s in object.get(lib.after(rc), "statement", [])
	object.get(s, "effect", null) in {null, "Allow"}
	some action in object.get(s, "actions", [])
	action in {"*", "*:*"}
	data_every_resource(s)
}

data_every_resource(s) if "*" in object.get(s, "resources", [])

data_every_resource(s) if count(object.get(s, "not_resources", [])) > 0
