# METADATA
# title: RDS instances have enhanced monitoring
# description: >-
#   Enhanced monitoring reports operating-system metrics (memory, swap, per-process CPU) that
#   CloudWatch's hypervisor metrics do not show. It needs a supported interval and a role that RDS
#   assumes to publish them; the role holds by reference to an aws_iam_role of the plan.
# custom:
#   id: TFC-RDS-006
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_rds_cluster_instance, aws_db_instance]
#   controls:
#     spike: ["monitoring_interval = 10"]
#     checkov: [CKV_AWS_118]
#     fsbp: [RDS.6]
#   parameters: {}
#   recommended_action: Set monitoring_interval (1, 5, 10, 15, 30 or 60) and monitoring_role_arn to a role with AmazonRDSEnhancedMonitoringRole.
#   avoid: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier = aws_rds_cluster.db.id
#     }
#   prefer: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier  = aws_rds_cluster.db.id
#       monitoring_interval = 10
#       monitoring_role_arn = aws_iam_role.rds_monitoring.arn
#     }
package tfcheck.rules.rds.enhanced_monitoring

import data.tfcheck.lib

types := {"aws_rds_cluster_instance", "aws_db_instance"}

intervals := {1, 5, 10, 15, 30, 60}

role_arn := `^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$`

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	some finding in lib.expect_in(r, "monitoring_interval", intervals, "set monitoring_interval to 1, 5, 10, 15, 30 or 60")
}

deny contains finding if {
	some r in lib.resources(types)
	advice := "set it to an aws_iam_role with AmazonRDSEnhancedMonitoringRole"
	some finding in lib.expect_ref(r, "monitoring_role_arn", {"aws_iam_role"}, role_arn, advice)
}
