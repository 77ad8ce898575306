# METADATA
# title: Aurora cluster takes a final snapshot
# description: >-
#   Destroying a cluster that skips its final snapshot loses the data for good, automated backups
#   included; the final snapshot needs an identifier to be taken.
# custom:
#   id: TFC-RDS-013
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_rds_cluster]
#   controls: {}
#   parameters: {}
#   recommended_action: Set skip_final_snapshot = false and a final_snapshot_identifier.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine              = "aurora-postgresql"
#       skip_final_snapshot = true
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine                    = "aurora-postgresql"
#       skip_final_snapshot       = false
#       final_snapshot_identifier = "${var.name}-final"
#     }
package tfcheck.rules.rds.final_snapshot

import data.tfcheck.lib

path := "final_snapshot_identifier"

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains finding if {
	some r in lib.resources({"aws_rds_cluster"})
	some finding in lib.expect(r, "skip_final_snapshot", false)
}

deny contains lib.fail(r, path, concat("", [path, " is ", lib.shown(r, path), ": set ", path])) if {
	some r in lib.resources({"aws_rds_cluster"})
	not named(r)
	not lib.hidden(r, path)
}

deny contains lib.unknown(r, path, concat("", [lib.unseen(r, path), ": set ", path])) if {
	some r in lib.resources({"aws_rds_cluster"})
	lib.hidden(r, path)
}

named(r) if lib.value(r, path) != ""
