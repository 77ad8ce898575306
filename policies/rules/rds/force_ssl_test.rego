package tfcheck.rules.rds.force_ssl_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.force_ssl as rule

path := "db_cluster_parameter_group_name"

advice := "use an aws_rds_cluster_parameter_group that sets rds.force_ssl = 1"

# The baseline's group: log_connections, log_min_duration_statement and rds.force_ssl.
group(address, parameters) := t.literal(address, "aws_rds_cluster_parameter_group", {
	"family": "aurora-postgresql16",
	"name": "wagtail-prod-apg16",
	"parameter": [{"apply_method": "immediate", "name": name, "value": value} | some [name, value] in parameters],
})

baseline_group := group("module.database.aws_rds_cluster_parameter_group.this", [["log_connections", "1"], ["rds.force_ssl", "1"]])

uses(address, g) := object.union(
	t.resource(address, "aws_rds_cluster", {path: "wagtail-prod-apg16"}),
	{"expressions": {path: t.reference([[g.address, g.type, "name"]])}},
)

test_pass_group_forces_ssl if {
	db := uses("module.database.aws_rds_cluster.this", baseline_group)
	doc := t.plan_input([db, baseline_group])
	rule.applies == {db.address} with input as doc
	rule.deny == set() with input as doc
}

test_pass_group_by_name if {
	db := t.literal("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {path: "wagtail-prod-apg16"})
	doc := t.plan_input([db, baseline_group])
	rule.applies == {db.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike: db_cluster_parameter_group_name = "default".
test_fail_default_group if {
	spike := t.literal("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {path: "default"})
	doc := t.plan_input([spike])
	rule.applies == {spike.address} with input as doc
	rule.deny == {lib.fail(spike, path, concat("", [`db_cluster_parameter_group_name is "default", a default group that does not force TLS: `, advice]))} with input as doc
}

test_fail_group_without_force_ssl if {
	loose := group("aws_rds_cluster_parameter_group.pg[0]", [["log_connections", "1"], ["rds.force_ssl", "0"]])
	db := uses("aws_rds_cluster.db", loose)
	doc := t.plan_input([db, loose])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, path, concat("", ["db_cluster_parameter_group_name is aws_rds_cluster_parameter_group.pg[0], which does not set rds.force_ssl = 1: ", advice]))} with input as doc
}

test_not_set if {
	db := t.resource("aws_rds_cluster.db", "aws_rds_cluster", {"engine": "aurora-postgresql"})
	doc := t.plan_input([db])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, path, concat("", ["db_cluster_parameter_group_name is not set: the default group does not force TLS; ", advice]))} with input as doc
}

test_unknown_parameter_value if {
	pending := object.union(
		group("aws_rds_cluster_parameter_group.pg[0]", [["log_connections", "1"]]),
		{"values": {"parameter": [{"apply_method": "immediate", "name": "rds.force_ssl"}]}, "unknown": ["parameter.0.value"]},
	)
	db := uses("aws_rds_cluster.db", pending)
	doc := t.plan_input([db, pending])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.unknown(db, path, concat("", ["db_cluster_parameter_group_name is aws_rds_cluster_parameter_group.pg[0], whose parameters are known only after apply: ", advice]))} with input as doc
}

test_unknown_group_outside_plan if {
	db := t.literal("aws_rds_cluster.db", "aws_rds_cluster", {path: "shared-apg16"})
	doc := t.plan_input([db])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.unknown(db, path, concat("", [`db_cluster_parameter_group_name is "shared-apg16", a group outside the plan: `, advice]))} with input as doc
}

test_unknown_name_from_variable if {
	db := object.union(t.resource("aws_rds_cluster.db", "aws_rds_cluster", {}), {"unknown": [path], "expressions": {path: t.unresolved(["var.pg"])}})
	doc := t.plan_input([db])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.unknown(db, path, concat("", ["db_cluster_parameter_group_name is known only after apply and references no aws_rds_cluster_parameter_group: ", advice]))} with input as doc
}
