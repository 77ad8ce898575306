# METADATA
# title: RDS instances are not publicly accessible
# description: >-
#   A publicly accessible instance gets a public DNS name and address, one security group rule away
#   from the internet. The database belongs in private subnets; publicly_accessible must be set to
#   false explicitly rather than left to a default.
# custom:
#   id: TFC-RDS-010
#   severity: CRITICAL
#   tier: spike
#   resource_types: [aws_rds_cluster_instance, aws_db_instance]
#   controls:
#     spike: ["where does the database sit"]
#     checkov: [CKV_AWS_17]
#     fsbp: [RDS.2]
#   parameters: {}
#   recommended_action: Set publicly_accessible = false and place the instances in private subnets.
#   avoid: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier  = aws_rds_cluster.db.id
#       publicly_accessible = true
#     }
#   prefer: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier  = aws_rds_cluster.db.id
#       publicly_accessible = false
#     }
package tfcheck.rules.rds.not_public

import data.tfcheck.lib

types := {"aws_rds_cluster_instance", "aws_db_instance"}

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	some finding in lib.expect_explicit(r, "publicly_accessible", false)
}
