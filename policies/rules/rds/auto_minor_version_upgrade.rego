# METADATA
# title: Aurora instances take minor version upgrades
# description: >-
#   Minor versions carry security fixes; an instance that refuses them drifts behind the cluster's
#   patched engine.
# custom:
#   id: TFC-RDS-016
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_rds_cluster_instance]
#   controls:
#     checkov: [CKV_AWS_226]
#     fsbp: [RDS.13]
#   parameters: {}
#   recommended_action: Set auto_minor_version_upgrade = true (the provider's default) or remove the override.
#   avoid: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier         = aws_rds_cluster.db.id
#       auto_minor_version_upgrade = false
#     }
#   prefer: |
#     resource "aws_rds_cluster_instance" "db" {
#       cluster_identifier         = aws_rds_cluster.db.id
#       auto_minor_version_upgrade = true
#     }
package tfcheck.rules.rds.auto_minor_version_upgrade

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_rds_cluster_instance"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster_instance"})
	some finding in lib.expect(r, "auto_minor_version_upgrade", true)
}
