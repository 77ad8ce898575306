# METADATA
# title: Aurora cluster copies tags to snapshots
# description: >-
#   Snapshots without the cluster's tags lose their owner, environment and cost attribution, and
#   escape tag-based access policies.
# custom:
#   id: TFC-RDS-014
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_rds_cluster]
#   controls:
#     checkov: [CKV_AWS_313]
#     fsbp: [RDS.16]
#   parameters: {}
#   recommended_action: Set copy_tags_to_snapshot = true.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine = "aurora-postgresql"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine                = "aurora-postgresql"
#       copy_tags_to_snapshot = true
#     }
package tfcheck.rules.rds.copy_tags_to_snapshot

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster"})
	some finding in lib.expect(r, "copy_tags_to_snapshot", true)
}
