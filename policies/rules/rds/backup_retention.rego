# METADATA
# title: RDS keeps automated backups long enough
# description: >-
#   Automated backups are the point-in-time recovery window. The provider's default (1 day for a
#   cluster) leaves no time to notice a bad migration or a deletion, so backup_retention_period
#   must be set explicitly to at least min_backup_retention_days (RDS allows up to 35).
# custom:
#   id: TFC-RDS-012
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_rds_cluster, aws_db_instance]
#   controls:
#     checkov: [CKV_AWS_133]
#     fsbp: [RDS.11]
#   parameters: {min_backup_retention_days: 7}
#   recommended_action: Set backup_retention_period to 7 days or more.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine = "aurora-postgresql"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine                  = "aurora-postgresql"
#       backup_retention_period = 14
#     }
package tfcheck.rules.rds.backup_retention

import data.tfcheck.lib

types := {"aws_rds_cluster", "aws_db_instance"}

min_days := lib.param("min_backup_retention_days", 7)

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	advice := concat("", ["set backup_retention_period to ", lib.str(min_days), " days or more"])
	some finding in lib.expect_explicit_in(r, "backup_retention_period", {d | some d in numbers.range(min_days, 35); d >= min_days}, advice)
}
