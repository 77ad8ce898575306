# METADATA
# title: Aurora PostgreSQL forces TLS
# description: >-
#   IAM authentication tokens and passwords travel in the clear unless the server refuses
#   unencrypted connections. The cluster parameter group that the cluster references must set
#   rds.force_ssl = 1; the default groups do not, and cannot be changed.
# custom:
#   id: TFC-RDS-008
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_rds_cluster_parameter_group]
#   controls:
#     spike: ["IAM authentication relies on a HTTPS connection"]
#     checkov: [CKV2_AWS_69]
#   parameters: {}
#   recommended_action: Give the cluster an aws_rds_cluster_parameter_group with parameter rds.force_ssl = 1.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine                          = "aurora-postgresql"
#       db_cluster_parameter_group_name = "default.aurora-postgresql16"
#     }
#   prefer: |
#     resource "aws_rds_cluster_parameter_group" "db" {
#       family = "aurora-postgresql16"
#       parameter {
#         name  = "rds.force_ssl"
#         value = "1"
#       }
#     }
#     resource "aws_rds_cluster" "db" {
#       engine                          = "aurora-postgresql"
#       db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.db.name
#     }
package tfcheck.rules.rds.force_ssl

import data.tfcheck.lib

path := "db_cluster_parameter_group_name"

advice := "use an aws_rds_cluster_parameter_group that sets rds.force_ssl = 1"

applies contains r.address if some r in lib.resources({"aws_rds_cluster"})

deny contains lib.fail(r, path, concat("", [path, " is not set: the default group does not force TLS; ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	not lib.configured(r, path)
}

deny contains lib.fail(r, path, concat("", [path, " is ", lib.shown(r, path), ", a default group that does not force TLS: ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	startswith(lib.value(r, path), "default")
}

deny contains lib.fail(r, path, concat("", [path, " is ", concat(", ", sort(addresses)), ", which does not set rds.force_ssl = 1: ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	addresses := {g.address | some g in groups(r)}
	count(addresses) > 0
	not forced(r)
	not pending(r)
}

deny contains lib.unknown(r, path, concat("", [path, " is ", g.address, ", whose parameters are known only after apply: ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	not forced(r)
	some g in groups(r)
	may_force_ssl(g)
}

deny contains lib.unknown(r, path, concat("", [path, " is ", lib.shown(r, path), ", a group outside the plan: ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	count(groups(r)) == 0
	name := lib.value(r, path)
	not startswith(name, "default")
}

deny contains lib.unknown(r, path, concat("", [lib.unseen(r, path), " and references no aws_rds_cluster_parameter_group: ", advice])) if {
	some r in lib.resources({"aws_rds_cluster"})
	lib.configured(r, path)
	count(groups(r)) == 0
	lib.hidden(r, path)
}

# groups(r): the cluster parameter groups of the plan that the cluster uses, by reference or by name.
groups(r) := lib.targets(r, path, "aws_rds_cluster_parameter_group", "name")

forced(r) if {
	some g in groups(r)
	forces_ssl(g)
}

pending(r) if {
	some g in groups(r)
	may_force_ssl(g)
}

forces_ssl(g) if {
	some p in lib.value(g, "parameter")
	p.name == "rds.force_ssl"
	p.value == "1"
}

# may_force_ssl(g): the group's parameters are not all known, and an unknown one may set rds.force_ssl = 1.
may_force_ssl(g) if lib.hidden(g, "parameter")

may_force_ssl(g) if {
	some p in lib.value(g, "parameter")
	field(p, "name") in {null, "rds.force_ssl"}
	field(p, "value") in {null, "1"}
	null in {field(p, "name"), field(p, "value")}
}

field(p, key) := object.get(p, key, null) if is_object(p)

else := null
