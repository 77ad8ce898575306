# METADATA
# title: rds-db:connect names a specific database user
# description: >-
#   IAM database authentication grants `rds-db:connect` per database user:
#   `arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>`. Every Allow statement
#   that grants it (through `rds-db:connect`, `rds-db:*` or another pattern; the bare `*` is left to
#   TFC-IAM-002) names such ARNs: known, without `*` or `?`, with a 12-digit account and a
#   `cluster-`/`db-` resource id; or, when known only after apply, built from a reference to a
#   `cluster_resource_id` (aws_rds_cluster) or `resource_id` (aws_db_instance) attribute. NotResource
#   fails. Resources known only after apply that reference neither are UNKNOWN. Applies to every
#   resource holding a document with such a statement (policies, role policies, policy documents).
# custom:
#   id: TFC-IAM-001
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_policy_document, aws_iam_role, aws_iam_user_policy, aws_iam_group_policy]
#   controls:
#     spike: ["rds-db:connect on arn:aws:rds-db:...:dbuser:{db-cluster-id}/db_userx"]
#   parameters: {}
#   recommended_action: >-
#     Build the resource from the cluster's cluster_resource_id:
#     arn:aws:rds-db:<region>:<account>:dbuser:${aws_rds_cluster.db.cluster_resource_id}/<user>.
#   avoid: |
#     data "aws_iam_policy_document" "connect" {
#       statement {
#         actions   = ["rds-db:connect"]
#         resources = ["arn:aws:rds-db:eu-west-2:123456789012:dbuser:*/*"]
#       }
#     }
#   prefer: |
#     data "aws_iam_policy_document" "connect" {
#       statement {
#         actions   = ["rds-db:connect"]
#         resources = ["arn:aws:rds-db:${var.region}:${var.account_id}:dbuser:${aws_rds_cluster.db.cluster_resource_id}/wagtail"]
#       }
#     }
package tfcheck.rules.iam.rds_connect_scoped

import data.tfcheck.lib
import data.tfcheck.lib.iam

dbuser_arn := `^arn:aws(-[a-z]+)*:rds-db:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:dbuser:(cluster|db)-[A-Za-z0-9]+/[^*?/]+$`

connect_statement(s) if {
	iam.allows(s)
	some p in iam.field(s, "actions")
	not iam.all_actions(p)
	iam.action_matches(p, "rds-db:connect")
}

applies contains r.address if {
	some r in iam.with_documents
	some [_, _, s] in iam.document_statements(r)
	connect_statement(s)
}

deny contains iam.verdict_finding(r, d.path, "", verdict(s, iam.statement_label(s, i))) if {
	some r in iam.with_documents
	some [d, i, s] in iam.document_statements(r)
	connect_statement(s)
}

verdict(s, label) := iam.fail_verdict(concat("", [label, " allows rds-db:connect on ", lib.str(bad), ": name arn:aws:rds-db:<region>:<account>:dbuser:<cluster-resource-id>/<user>"])) if {
	bad := [x | some x in iam.field(s, "resources"); not regex.match(dbuser_arn, x)]
	count(bad) > 0
} else := iam.fail_verdict(concat("", [label, " allows rds-db:connect through NotResource: name the database users it may connect as"])) if {
	count(iam.field(s, "not_resources")) > 0
} else := iam.unknown_verdict(concat("", [label, " allows rds-db:connect on resources known only after apply that reference no cluster_resource_id"])) if {
	"resources" in iam.field(s, "unknown")
	not resource_id_ref(s)
}

resource_id_ref(s) if {
	some ref in iam.field(s, "refs")
	ref.field == "resources"
	ref.attribute == "cluster_resource_id"
}

resource_id_ref(s) if {
	some ref in iam.field(s, "refs")
	ref.field == "resources"
	ref.type == "aws_db_instance"
	ref.attribute == "resource_id"
}
