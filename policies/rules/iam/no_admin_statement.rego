# METADATA
# title: No IAM statement allows every action on every resource
# description: >-
#   A statement that allows `Action "*"` (or `*:*`) on `Resource "*"` (or NotResource) is full
#   administrator access. Judged on every IAM policy document in the plan: policies, role, user and
#   group policies, trust and resource policies, aws_iam_policy_document data sources. A configured
#   document known only after apply, an `Action "*"` whose resources are known only after apply without a
#   reference, or unknown actions on `Resource "*"`, is UNKNOWN.
# custom:
#   id: TFC-IAM-002
#   severity: CRITICAL
#   tier: baseline
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_role, aws_iam_user_policy, aws_iam_group_policy, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, aws_ecr_repository_policy, aws_sqs_queue_policy, aws_sns_topic_policy, aws_secretsmanager_secret_policy]
#   controls:
#     checkov: [CKV_AWS_62, CKV_AWS_63]
#     trivy: [AVD-AWS-0057]
#     fsbp: [IAM.1]
#     cis: ["1.16"]
#   parameters: {}
#   recommended_action: List the actions and resources the principal needs instead of "*".
#   avoid: |
#     resource "aws_iam_policy" "ops" {
#       policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
#       })
#     }
#   prefer: |
#     resource "aws_iam_policy" "ops" {
#       policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{
#           Effect   = "Allow"
#           Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
#           Resource = aws_ecs_service.web.id
#         }]
#       })
#     }
package tfcheck.rules.iam.no_admin_statement

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

verdict(s, label) := iam.fail_verdict(concat("", [label, " allows Action \"", p, "\" on Resource \"", iam.all_resource_label(s), "\" (full administrator access): list the actions and resources needed"])) if {
	p := every_action(s)
	iam.broad_resource(s)
} else := iam.unknown_verdict(concat("", [label, " allows Action \"", p, "\" on resources known only after apply"])) if {
	p := every_action(s)
	iam.resources_unresolved(s)
} else := iam.unknown_verdict(concat("", [label, " has actions known only after apply on Resource \"", iam.all_resource_label(s), "\""])) if {
	iam.actions_unknown(s)
	iam.broad_resource(s)
}

every_action(s) := [p | some p in iam.field(s, "actions"); iam.all_actions(p)][0]
