# METADATA
# title: Aurora cluster is encrypted with a customer managed KMS key
# description: >-
#   Without kms_key_id, Aurora encrypts with the AWS managed aws/rds key, whose policy cannot be
#   restricted or audited per application and which cannot be shared for cross-account snapshot
#   copies. The key holds by reference when kms_key_id is an aws_kms_key or aws_kms_alias of the plan.
# custom:
#   id: TFC-RDS-002
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_rds_cluster]
#   controls:
#     checkov: [CKV_AWS_327]
#   parameters: {}
#   recommended_action: Set kms_key_id to the ARN of a customer managed aws_kms_key with rotation enabled.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine            = "aurora-postgresql"
#       storage_encrypted = true
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine            = "aurora-postgresql"
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.db.arn
#     }
package tfcheck.rules.rds.cluster_kms_key

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster"})
	some finding in lib.expect_kms_key(r, "kms_key_id")
}
