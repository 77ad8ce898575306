package tfcheck.rules.rds.supported_engine_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.supported_engine as rule

# The baseline: engine_version from the module variable's default, known at plan time.
test_pass_aurora_postgresql_16 if {
	db := object.union(
		t.literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {"engine": "aurora-postgresql"}),
		{"values": {"engine_version": "16.6"}, "expressions": {"engine_version": t.unresolved(["var.engine_version"])}},
	)
	major_only := t.literal("aws_rds_cluster.db[\"eu\"]", "aws_rds_cluster", {"engine": "aurora-postgresql", "engine_version": "14"})
	doc := t.plan_input([db, major_only])
	rule.applies == {db.address, major_only.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike's sketch.
test_fail_spike_11_9 if {
	spike := t.literal("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", {"engine": "aurora-postgresql", "engine_version": "11.9"})
	doc := t.plan_input([spike])
	rule.applies == {spike.address} with input as doc
	rule.deny == {lib.fail(spike, "engine_version", `engine_version is "11.9": pin engine_version to a major of 14 or later`)} with input as doc
}

test_fail_mysql_and_below_parameter if {
	mysql := t.literal("aws_rds_cluster.legacy[0]", "aws_rds_cluster", {"engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2"})
	doc := t.plan_input([mysql])
	rule.applies == {mysql.address} with input as doc
	rule.deny == {
		lib.fail(mysql, "engine", `engine is "aurora-mysql": set engine = "aurora-postgresql"`),
		lib.fail(mysql, "engine_version", `engine_version is "8.0.mysql_aurora.3.05.2": pin engine_version to a major of 16 or later`),
	} with input as doc
		with data.tfcheck.parameters as {"min_engine_major": 16}
}

test_not_set_version if {
	unpinned := object.union(
		t.literal("aws_rds_cluster.db", "aws_rds_cluster", {"engine": "aurora-postgresql"}),
		{"unknown": ["engine_version"]},
	)
	doc := t.plan_input([unpinned])
	rule.applies == {unpinned.address} with input as doc
	rule.deny == {lib.fail(unpinned, "engine_version", "engine_version is not set: pin engine_version to a major of 14 or later explicitly")} with input as doc
}

test_unknown_version_from_resource if {
	computed := object.union(
		t.literal("aws_rds_cluster.db", "aws_rds_cluster", {"engine": "aurora-postgresql"}),
		{"unknown": ["engine_version"], "expressions": {"engine_version": t.reference([["data.aws_rds_engine_version.latest", "aws_rds_engine_version", "version"]])}},
	)
	doc := t.plan_input([computed])
	rule.applies == {computed.address} with input as doc
	rule.deny == {lib.unknown(computed, "engine_version", "engine_version is known only after apply: pin engine_version to a major of 14 or later")} with input as doc
}
