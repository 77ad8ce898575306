# METADATA
# title: RDS storage is encrypted
# description: >-
#   An unencrypted cluster or instance keeps data, logs, backups and snapshots in the clear, and
#   encryption cannot be turned on later without replacing it. The provider's default is not
#   trusted: storage_encrypted must be set explicitly (left unset, a cluster plans it as unknown).
# custom:
#   id: TFC-RDS-001
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_db_instance]
#   controls:
#     spike: ["storage_encrypted = true"]
#     checkov: [CKV_AWS_96]
#     trivy: [AVD-AWS-0079]
#     fsbp: [RDS.27]
#   parameters: {}
#   recommended_action: Set storage_encrypted = true (and kms_key_id to a customer managed key).
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine = "aurora-postgresql"
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine            = "aurora-postgresql"
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.db.arn
#     }
package tfcheck.rules.rds.storage_encrypted

import data.tfcheck.lib

types := {"aws_rds_cluster", "aws_db_instance"}

applies contains r.address if some r in lib.resources(types)

deny contains finding if {
	some r in lib.resources(types)
	some finding in lib.expect_explicit(r, "storage_encrypted", true)
}
