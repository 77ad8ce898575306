package tfcheck.rules.ecs.service_min_tasks_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.service_min_tasks as rule

web := "module.service.aws_ecs_service.web"

target := "module.service.aws_appautoscaling_target.web"

private_subnets := [
	t.ref("aws_subnet.private[0]", "aws_subnet", "id"),
	t.ref("aws_subnet.private[1]", "aws_subnet", "id"),
]

# service(address, values, unknown, subnet_refs): an awsvpc service whose subnets are known only after
# apply and reference subnet_refs.
service(address, values, unknown, subnet_refs) := t.resource("aws_ecs_service", address, {
	"values": object.union({"network_configuration": [{"assign_public_ip": false}], "scheduling_strategy": "REPLICA"}, values),
	"unknown": array.concat(["network_configuration.0.subnets"], unknown),
	"expressions": {
		"desired_count": t.constant,
		"network_configuration.0": {"block": true},
		"network_configuration.0.subnets": t.expression(subnet_refs),
	},
})

autoscaling(address, min_capacity) := t.resource("aws_appautoscaling_target", address, {"values": {"min_capacity": min_capacity, "max_capacity": 6}})

test_pass_baseline_service if {
	svc := object.union(service(web, {"desired_count": 2}, [], private_subnets), {"referenced_by": [{"address": target, "type": "aws_appautoscaling_target", "path": "resource_id"}]})
	inp := t.plan([svc, autoscaling(target, 2)], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

test_pass_autoscaling_min_capacity_and_known_subnets if {
	svc := t.resource("aws_ecs_service", "module.app[\"eu\"].aws_ecs_service.api[0]", {
		"values": {"desired_count": 1, "network_configuration": [{"subnets": ["subnet-a", "subnet-b"]}]},
		"expressions": {"network_configuration.0": {"block": true}, "network_configuration.0.subnets": t.constant},
		"referenced_by": [{"address": "aws_appautoscaling_target.api", "type": "aws_appautoscaling_target", "path": "resource_id"}],
	})
	inp := t.plan([svc, autoscaling("aws_appautoscaling_target.api", 3)], [])
	rule.deny == set() with input as inp
}

test_fail_one_task_one_subnet if {
	svc := service(web, {"desired_count": 1}, [], [t.ref("aws_subnet.private[0]", "aws_subnet", "id")])
	rule.deny == {
		lib.fail(svc, "desired_count", "desired_count is 1 and no autoscaling target keeps min_capacity at 2 or more: run at least 2 tasks"),
		lib.fail(svc, "network_configuration.0.subnets", "network_configuration.0.subnets has 1 subnet(s): place the tasks in at least 2 (one per availability zone)"),
	} with input as t.plan([svc], [])
}

test_fail_below_parameter if {
	svc := service(web, {"desired_count": 2}, [], private_subnets)
	rule.deny == {lib.fail(svc, "desired_count", "desired_count is 2 and no autoscaling target keeps min_capacity at 3 or more: run at least 3 tasks")} with input as t.plan([svc], [])
		with data.tfcheck.parameters.min_tasks as 3
}

test_not_set_desired_count if {
	svc := t.resource("aws_ecs_service", "aws_ecs_service.bridge", {"values": {"scheduling_strategy": "REPLICA"}})
	rule.deny == {lib.fail(svc, "desired_count", "desired_count is not set and no autoscaling target keeps min_capacity at 2 or more: run at least 2 tasks")} with input as t.plan([svc], [])
}

test_unknown_count_and_subnets_from_data_source if {
	svc := service(web, {}, ["desired_count"], [t.ref("data.aws_subnets.private", "aws_subnets", "ids")])
	rule.deny == {
		lib.unknown(svc, "desired_count", "desired_count or the autoscaling target's min_capacity is known only after apply"),
		lib.unknown(svc, "network_configuration.0.subnets", "network_configuration.0.subnets is known only after apply and does not reference 2 aws_subnet instances"),
	} with input as t.plan([svc], [])
}
