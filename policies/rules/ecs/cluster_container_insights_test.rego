package tfcheck.rules.ecs.cluster_container_insights_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.cluster_container_insights as rule

cluster_address := "module.service.aws_ecs_cluster.this"

cluster(address, settings, unknown) := t.resource("aws_ecs_cluster", address, {"values": {"name": "wagtail-prod", "setting": settings}, "unknown": unknown})

test_pass_baseline_cluster if {
	inp := t.plan([cluster(cluster_address, [{"name": "containerInsights", "value": "enabled"}], [])], [])
	rule.applies == {cluster_address} with input as inp
	rule.deny == set() with input as inp
}

test_pass_account_default if {
	account := t.resource("aws_ecs_account_setting_default", "aws_ecs_account_setting_default.insights", {"values": {"name": "containerInsights", "value": "enhanced"}})
	inp := t.plan([cluster("aws_ecs_cluster.jobs[0]", [], []), account], [])
	rule.applies == {"aws_ecs_cluster.jobs[0]"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_disabled if {
	c := cluster("module.app[\"eu\"].aws_ecs_cluster.this", [{"name": "containerInsights", "value": "disabled"}], [])
	rule.deny == {lib.fail(c, "setting.0.value", "setting containerInsights is \"disabled\": set it to enabled")} with input as t.plan([c], [])
}

test_not_set_insights if {
	c := cluster(cluster_address, [], [])
	rule.deny == {lib.fail(c, "setting", "setting containerInsights is not set: set it to enabled")} with input as t.plan([c], [])
}

test_unknown_insights_value if {
	c := cluster(cluster_address, [{"name": "containerInsights"}], ["setting.0.value"])
	rule.deny == {lib.unknown(c, "setting.0.value", "setting containerInsights is known only after apply")} with input as t.plan([c], [])
}

# An aws_ecs_cluster without setting blocks: the provider leaves setting unknown in the plan, but
# nothing chose a value: not set.
test_not_set_setting_computed if {
	c := t.resource("aws_ecs_cluster", "aws_ecs_cluster.plain", {"values": {"name": "plain"}, "unknown": ["setting"]})
	rule.deny == {lib.fail(c, "setting", "setting containerInsights is not set: set it to enabled")} with input as t.plan([c], [])
}

test_unknown_settings_from_an_expression if {
	c := object.union(
		t.resource("aws_ecs_cluster", "aws_ecs_cluster.dynamic", {"values": {"name": "dynamic"}, "unknown": ["setting"]}),
		{"expressions": {"setting.0": {"block": true}, "setting.0.value": {"unresolved": ["var.insights"]}}},
	)
	rule.deny == {lib.unknown(c, "setting", "setting is known only after apply: set containerInsights to enabled")} with input as t.plan([c], [])
}
