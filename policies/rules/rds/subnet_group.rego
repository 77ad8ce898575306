# METADATA
# title: The DB subnet group of a cluster spans at least two subnets
# description: >-
#   Instances can only fail over to a zone that the subnet group covers. The subnet group a cluster
#   uses (by reference, or by name) must list at least two subnets; when subnet_ids is known only
#   after apply, references to two or more aws_subnet instances hold by reference.
# custom:
#   id: TFC-RDS-017
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_db_subnet_group]
#   controls:
#     fsbp: [RDS.15]
#   parameters: {}
#   recommended_action: List a private subnet in each of at least two availability zones in subnet_ids.
#   avoid: |
#     resource "aws_db_subnet_group" "db" {
#       subnet_ids = [aws_subnet.private[0].id]
#     }
#   prefer: |
#     resource "aws_db_subnet_group" "db" {
#       subnet_ids = aws_subnet.private[*].id
#     }
package tfcheck.rules.rds.subnet_group

import data.tfcheck.lib

advice := "list subnets in at least 2 availability zones"

applies contains g.address if some g in groups

deny contains lib.fail(g, "subnet_ids", concat("", ["subnet_ids has ", lib.str(count(ids)), " subnet: ", advice])) if {
	some g in groups
	ids := lib.value(g, "subnet_ids")
	count(ids) < 2
}

deny contains lib.unknown(g, "subnet_ids", concat("", [lib.unseen(g, "subnet_ids"), " and references fewer than 2 aws_subnet: ", advice])) if {
	some g in groups
	lib.hidden(g, "subnet_ids")
	count({ref.address | some ref in lib.refs(g, "subnet_ids"); ref.type == "aws_subnet"}) < 2
}

# groups: the subnet groups that a cluster uses.
groups contains g if {
	some g in lib.resources({"aws_db_subnet_group"})
	count(lib.attached(g, "aws_rds_cluster", "db_subnet_group_name", "name")) > 0
}
