package tfcheck.rules.rds.multi_instance_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.multi_instance as rule

cluster(address, instances) := object.union(
	t.literal(address, "aws_rds_cluster", {"engine": "aurora-postgresql"}),
	{"cluster_instances": [i.address | some i in instances]},
)

instance(address, zone) := t.literal(address, "aws_rds_cluster_instance", {"availability_zone": zone})

# The baseline: count = 2 inside module.database, one instance per zone.
test_pass_two_instances_two_zones if {
	instances := [
		instance("module.database.aws_rds_cluster_instance.this[0]", "eu-west-2a"),
		instance("module.database.aws_rds_cluster_instance.this[1]", "eu-west-2b"),
	]
	db := cluster("module.database.aws_rds_cluster.this", instances)
	doc := t.plan_input(array.concat([db], instances))
	rule.applies == {db.address} with input as doc
	rule.deny == set() with input as doc
}

test_pass_zones_left_to_rds if {
	instances := [
		t.resource("aws_rds_cluster_instance.db[\"writer\"]", "aws_rds_cluster_instance", {}),
		t.resource("aws_rds_cluster_instance.db[\"reader\"]", "aws_rds_cluster_instance", {}),
	]
	db := cluster("aws_rds_cluster.db", instances)
	doc := t.plan_input(array.concat([db], instances))
	rule.applies == {db.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike: replica_count = 1, so count = 1 inside the module.
test_fail_single_instance if {
	only := object.union(
		t.resource("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {}),
		{"unknown": ["availability_zone"]},
	)
	db := cluster("module.wagtail_rds_instance.aws_rds_cluster.this[0]", [only])
	doc := t.plan_input([db, only])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, "", "instances referencing the cluster: 1; run at least 2 aws_rds_cluster_instance, in different availability zones")} with input as doc
}

# An instance being destroyed does not count.
test_fail_one_kept_one_destroyed if {
	kept := instance("aws_rds_cluster_instance.db[0]", "eu-west-2a")
	gone := object.union(instance("aws_rds_cluster_instance.db[1]", "eu-west-2b"), {"actions": ["delete"]})
	db := cluster("aws_rds_cluster.db", [kept, gone])
	doc := t.plan_input([db, kept, gone])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, "", "instances referencing the cluster: 1; run at least 2 aws_rds_cluster_instance, in different availability zones")} with input as doc
}

test_fail_same_zone if {
	instances := [instance("aws_rds_cluster_instance.db[0]", "eu-west-2a"), instance("aws_rds_cluster_instance.db[1]", "eu-west-2a")]
	db := cluster("aws_rds_cluster.db", instances)
	doc := t.plan_input(array.concat([db], instances))
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, "availability_zone", "the cluster's instances all set availability_zone eu-west-2a: spread them over at least 2 zones")} with input as doc
}

test_not_set_no_instances if {
	db := cluster("aws_rds_cluster.db", [])
	doc := t.plan_input([db])
	rule.applies == {db.address} with input as doc
	rule.deny == {lib.fail(db, "", "instances referencing the cluster: 0; run at least 2 aws_rds_cluster_instance, in different availability zones")} with input as doc
}
