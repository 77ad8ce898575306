# METADATA
# title: RDS IAM database authentication is on
# description: >-
#   IAM authentication lets tasks connect with short-lived tokens from their role instead of a
#   stored password, which is what the spike prefers.
# custom:
#   id: TFC-RDS-004
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_db_instance]
#   controls:
#     spike: ["iam_database_authentication_enabled = true"]
#     checkov: [CKV_AWS_162]
#     fsbp: [RDS.12]
#   parameters: {}
#   recommended_action: Set iam_database_authentication_enabled = true and grant rds-db:connect on the database user.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine = "aurora-postgresql"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine                              = "aurora-postgresql"
#       iam_database_authentication_enabled = true
#     }
package tfcheck.rules.rds.iam_authentication

import data.tfcheck.lib

types := {"aws_rds_cluster", "aws_db_instance"}

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	some finding in lib.expect(r, "iam_database_authentication_enabled", true)
}
