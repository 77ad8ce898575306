# METADATA
# title: Aurora instances have Performance Insights
# description: >-
#   Performance Insights shows which statements and waits load the database. Its data includes
#   query text, so where performance_insights_kms_key_id is set it must name a KMS key.
# custom:
#   id: TFC-RDS-015
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_rds_cluster_instance]
#   controls:
#     checkov: [CKV_AWS_353, CKV_AWS_354]
#   parameters: {}
#   recommended_action: Set performance_insights_enabled = true and performance_insights_kms_key_id to a customer managed key.
#   avoid: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier = aws_rds_cluster.db.id
#     }
#   prefer: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier              = aws_rds_cluster.db.id
#       performance_insights_enabled    = true
#       performance_insights_kms_key_id = aws_kms_key.db.arn
#     }
package tfcheck.rules.rds.performance_insights

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_rds_cluster_instance"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster_instance"})
	some finding in lib.expect(r, "performance_insights_enabled", true)
}

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster_instance"})
	lib.configured(r, "performance_insights_kms_key_id")
	some finding in lib.expect_kms_key(r, "performance_insights_kms_key_id")
}
