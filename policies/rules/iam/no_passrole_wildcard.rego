# METADATA
# title: iam:PassRole is never granted on every role
# description: >-
#   iam:PassRole on `*` lets the principal hand any role of the account, administrators included, to
#   a service it controls (an ECS task, a Lambda function). No Allow statement grants iam:PassRole
#   (directly, through `iam:*`, `iam:Pass*`, `*` or a NotAction that does not exclude it) on
#   `Resource "*"`, an ARN whose resource part is `*` or `role/*`, or NotResource; a condition such as
#   iam:PassedToService does not excuse it. Judged on every IAM policy document in the plan.
#   A configured document known only after apply, a PassRole grant on resources known only after apply without
#   a reference, or unknown actions on `Resource "*"`, is UNKNOWN.
# custom:
#   id: TFC-IAM-004
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_role, aws_iam_user_policy, aws_iam_group_policy, aws_iam_policy_document]
#   controls:
#     checkov: [CKV_AWS_286]
#   parameters: {}
#   recommended_action: Grant iam:PassRole on the ARNs of the roles the principal passes.
#   avoid: |
#     statement {
#       actions   = ["iam:PassRole"]
#       resources = ["*"]
#     }
#   prefer: |
#     statement {
#       actions   = ["iam:PassRole"]
#       resources = [aws_iam_role.task.arn, aws_iam_role.execution.arn]
#       condition {
#         test     = "StringEquals"
#         variable = "iam:PassedToService"
#         values   = ["ecs-tasks.amazonaws.com"]
#       }
#     }
package tfcheck.rules.iam.no_passrole_wildcard

import data.tfcheck.lib
import data.tfcheck.lib.iam

applies contains r.address if some r in iam.with_documents

deny contains lib.unknown(r, d.path, concat("", [d.path, " is known only after apply: its statements cannot be judged"])) if {
	some r in iam.with_documents
	some d in iam.unknown_documents(r)
}

deny contains iam.verdict_finding(r, d.path, "", verdict(s, iam.statement_label(s, i))) if {
	some r in iam.with_documents
	some [d, i, s] in iam.document_statements(r)
	iam.allows(s)
}

verdict(s, label) := iam.fail_verdict(concat("", [label, " allows iam:PassRole (through \"", iam.grant_via(s, "iam:passrole"), "\") on Resource \"", iam.all_resource_label(s), "\": name the roles it may pass"])) if {
	iam.grants(s, "iam:passrole")
	iam.broad_resource(s)
} else := iam.unknown_verdict(concat("", [label, " allows iam:PassRole on resources known only after apply"])) if {
	iam.grants(s, "iam:passrole")
	iam.resources_unresolved(s)
} else := iam.unknown_verdict(concat("", [label, " has actions known only after apply on Resource \"", iam.all_resource_label(s), "\""])) if {
	iam.actions_unknown(s)
	iam.broad_resource(s)
}
