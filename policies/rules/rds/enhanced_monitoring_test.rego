package tfcheck.rules.rds.enhanced_monitoring_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.rds.enhanced_monitoring as rule

role_advice := "set it to an aws_iam_role with AmazonRDSEnhancedMonitoringRole"

# The baseline: interval 10 and the module's monitoring role, whose ARN is known after apply.
monitored(address) := object.union(
	t.literal(address, "aws_rds_cluster_instance", {"monitoring_interval": 10}),
	{"unknown": ["monitoring_role_arn"], "expressions": {"monitoring_role_arn": t.reference([["module.database.aws_iam_role.monitoring", "aws_iam_role", "arn"]])}},
)

test_pass_interval_and_role_reference if {
	first := monitored("module.database.aws_rds_cluster_instance.this[0]")
	legacy := t.literal("aws_db_instance.legacy", "aws_db_instance", {"monitoring_interval": 60, "monitoring_role_arn": "arn:aws:iam::123456789012:role/rds-monitoring"})
	doc := t.plan_input([first, legacy])
	rule.applies == {first.address, legacy.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_default_interval_and_no_role if {
	unset := t.resource("aws_rds_cluster_instance.reader[\"b\"]", "aws_rds_cluster_instance", {"monitoring_interval": 0})
	doc := t.plan_input([monitored("module.database.aws_rds_cluster_instance.this[0]"), unset])
	rule.applies == {"module.database.aws_rds_cluster_instance.this[0]", unset.address} with input as doc
	rule.deny == {
		lib.fail(unset, "monitoring_interval", "monitoring_interval is 0: set monitoring_interval to 1, 5, 10, 15, 30 or 60"),
		lib.fail(unset, "monitoring_role_arn", concat("", ["monitoring_role_arn is not set: ", role_advice])),
	} with input as doc
}

test_fail_unsupported_interval if {
	odd := object.union(monitored("aws_rds_cluster_instance.db[0]"), {"values": {"monitoring_interval": 20}})
	doc := t.plan_input([odd])
	rule.applies == {odd.address} with input as doc
	rule.deny == {lib.fail(odd, "monitoring_interval", "monitoring_interval is 20: set monitoring_interval to 1, 5, 10, 15, 30 or 60")} with input as doc
}

# The spike's module sets the role ARN from a local that joins the role's ARNs.
test_unknown_role_from_local if {
	spike := object.union(
		t.resource("module.wagtail_rds_instance.aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance", {"monitoring_interval": 10}),
		{"unknown": ["monitoring_role_arn"], "expressions": {
			"monitoring_interval": t.unresolved(["var.monitoring_interval"]),
			"monitoring_role_arn": t.unresolved(["local.rds_enhanced_monitoring_arn"]),
		}},
	)
	doc := t.plan_input([spike])
	rule.applies == {spike.address} with input as doc
	rule.deny == {lib.unknown(spike, "monitoring_role_arn", concat("", ["monitoring_role_arn is known only after apply and references no aws_iam_role: ", role_advice]))} with input as doc
}
