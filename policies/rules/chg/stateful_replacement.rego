# METADATA
# title: Stateful resources are not destroyed or replaced
# description: >-
#   Deleting or replacing a database, bucket, repository, key, secret, table or file system loses
#   its data (or, for a KMS key, everything encrypted with it) unless it was moved first. A
#   replacement is often a side effect: an attribute that cannot be updated in place. The finding
#   names Terraform's action_reason and replace_paths.
# custom:
#   id: TFC-CHG-001
#   severity: CRITICAL
#   tier: change
#   resource_types: [aws_rds_cluster, aws_rds_cluster_instance, aws_db_instance, aws_s3_bucket, aws_ecr_repository, aws_kms_key, aws_secretsmanager_secret, aws_dynamodb_table, aws_efs_file_system]
#   controls: {}
#   parameters: {}
#   recommended_action: Revert the attribute that forces replacement, or move the data first and waive the finding for this change.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine            = "aurora-postgresql"
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.new.arn # changes an existing cluster's key: replacement
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine            = "aurora-postgresql"
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.db.arn
#       lifecycle {
#         prevent_destroy = true
#       }
#     }
package tfcheck.rules.chg.stateful_replacement

import data.tfcheck.lib

stateful := {
	"aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_instance", "aws_s3_bucket", "aws_ecr_repository",
	"aws_kms_key", "aws_secretsmanager_secret", "aws_dynamodb_table", "aws_efs_file_system",
}

applies contains r.address if some r in lib.changes(stateful)

deny contains lib.fail(r, path, concat("", [what(r), because(r), ": ", advice])) if {
	some r in lib.changes(stateful)
	"delete" in r.actions
	path := object.get(r, ["replace_paths", 0], "")
}

advice := "revert what forces it, or move the data first and waive this finding"

what(r) := "the plan replaces it" if "create" in r.actions

else := "the plan destroys it"

# because(r): Terraform's action_reason and replace_paths, as message text.
because(r) := "" if count(reasons(r)) == 0

else := concat("", [" (", concat("; ", reasons(r)), ")"])

reasons(r) := [text | some text in [reason_text(r), paths_text(r)]; text != ""]

reason_text(r) := concat("", ["action_reason ", r.action_reason]) if is_string(r.action_reason)

else := ""

paths_text(r) := concat("", ["replace_paths ", concat(", ", r.replace_paths)]) if count(object.get(r, "replace_paths", [])) > 0

else := ""
