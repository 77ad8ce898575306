# METADATA
# title: Aurora PostgreSQL exports its log to CloudWatch
# description: >-
#   Without the postgresql log export, connection failures, slow statements and authentication
#   errors stay on the instance and disappear with it.
# custom:
#   id: TFC-RDS-007
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_rds_cluster]
#   controls:
#     spike: ["enabled_cloudwatch_logs_exports = [\"postgresql\"]"]
#     checkov: [CKV_AWS_324]
#     fsbp: [RDS.37]
#   parameters: {}
#   recommended_action: Add "postgresql" to enabled_cloudwatch_logs_exports.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine = "aurora-postgresql"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine                          = "aurora-postgresql"
#       enabled_cloudwatch_logs_exports = ["postgresql"]
#     }
package tfcheck.rules.rds.log_exports

import data.tfcheck.lib

path := "enabled_cloudwatch_logs_exports"

advice := `add "postgresql" to enabled_cloudwatch_logs_exports`

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains lib.fail(r, path, concat("", [path, " is ", lib.shown(r, path), ": ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	not "postgresql" in exports(r)
	not null in exports(r)
}

deny contains lib.unknown(r, path, concat(": ", [lib.unseen(r, path), advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	not "postgresql" in exports(r)
	null in exports(r)
}

# exports(r): the exported log types, null for those known only after apply.
exports(r) := {v | some v in lib.items(r, path)}
