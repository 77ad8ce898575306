# METADATA
# title: RDS deletion protection is on
# description: >-
#   Without deletion protection, one mistaken destroy or replacement removes the database and its
#   automated backups.
# custom:
#   id: TFC-RDS-003
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_db_instance]
#   controls:
#     spike: ["deletion_protection = true"]
#     checkov: [CKV_AWS_139]
#     fsbp: [RDS.7]
#   parameters: {}
#   recommended_action: Set deletion_protection = true.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine              = "aurora-postgresql"
#       deletion_protection = false
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine              = "aurora-postgresql"
#       deletion_protection = true
#     }
package tfcheck.rules.rds.deletion_protection

import data.tfcheck.lib

types := {"aws_rds_cluster", "aws_db_instance"}

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	some finding in lib.expect(r, "deletion_protection", true)
}
