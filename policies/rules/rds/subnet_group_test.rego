package tfcheck.rules.rds.subnet_group_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.subnet_group as rule

advice := "list subnets in at least 2 availability zones"

cluster_using(group) := object.union(
	t.resource("module.database.aws_rds_cluster.this", "aws_rds_cluster", {}),
	{"expressions": {"db_subnet_group_name": t.reference([[group.address, group.type, "name"]])}},
)

with_cluster(group) := object.union(group, {"referenced_by": t.referenced_by([["module.database.aws_rds_cluster.this", "aws_rds_cluster", "db_subnet_group_name"]])})

# The baseline: subnet_ids = var.subnet_ids, passed aws_subnet.private (count = 2) by the root.
test_pass_unknown_ids_by_reference if {
	group := with_cluster(object.union(
		t.resource("module.database.aws_db_subnet_group.this", "aws_db_subnet_group", {"name": "wagtail-prod"}),
		{"unknown": ["subnet_ids"], "expressions": {"subnet_ids": t.reference([
			["aws_subnet.private[0]", "aws_subnet", "id"],
			["aws_subnet.private[1]", "aws_subnet", "id"],
		])}},
	))
	unused := t.literal("aws_db_subnet_group.spare", "aws_db_subnet_group", {"name": "spare", "subnet_ids": ["subnet-1"]})
	doc := t.plan_input([cluster_using(group), group, unused])
	rule.applies == {group.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike: the cluster names the group through a local, so only the name links them.
test_pass_known_ids_by_name if {
	group := t.literal("module.wagtail_rds_instance.aws_db_subnet_group.this[0]", "aws_db_subnet_group", {
		"name": "eu-west-2-prod-wagtail-rds",
		"subnet_ids": ["subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"],
	})
	spike := t.resource("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {"db_subnet_group_name": "eu-west-2-prod-wagtail-rds"})
	doc := t.plan_input([spike, group])
	rule.applies == {group.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_one_subnet if {
	group := with_cluster(t.literal("aws_db_subnet_group.db[\"eu\"]", "aws_db_subnet_group", {"name": "db", "subnet_ids": ["subnet-1"]}))
	doc := t.plan_input([cluster_using(group), group])
	rule.applies == {group.address} with input as doc
	rule.deny == {lib.fail(group, "subnet_ids", concat("", ["subnet_ids has 1 subnet: ", advice]))} with input as doc
}

test_unknown_ids_from_variable if {
	group := with_cluster(object.union(
		t.resource("aws_db_subnet_group.db", "aws_db_subnet_group", {"name": "db"}),
		{"unknown": ["subnet_ids"], "expressions": {"subnet_ids": t.unresolved(["var.subnet_ids"])}},
	))
	doc := t.plan_input([cluster_using(group), group])
	rule.applies == {group.address} with input as doc
	rule.deny == {lib.unknown(group, "subnet_ids", concat("", ["subnet_ids is known only after apply and references fewer than 2 aws_subnet: ", advice]))} with input as doc
}
