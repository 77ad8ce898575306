# METADATA
# title: ECS service runs at least two tasks across at least two subnets
# description: >-
#   One task in one subnet is one failure away from an outage. The service keeps at least min_tasks
#   tasks (desired_count, or the min_capacity of an aws_appautoscaling_target that references the
#   service; DAEMON services run one task per instance and pass this part) and, when it sets
#   network_configuration, places them in at least two subnets: a known list, or a reference to at
#   least two aws_subnet instances (count and for_each expanded). Subnets or counts known only after
#   apply that no reference resolves are UNKNOWN. Services without network_configuration (EC2 bridge
#   or host networking) are placed by their cluster's instances: only the task count is judged.
# custom:
#   id: TFC-ECS-006
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_ecs_service, aws_appautoscaling_target]
#   controls:
#     fsbp: [ELB.13]
#   parameters:
#     min_tasks: 2
#   recommended_action: >-
#     Set desired_count (or an autoscaling target's min_capacity) to at least 2 and give the service
#     subnets in at least two availability zones.
#   avoid: |
#     resource "aws_ecs_service" "web" {
#       desired_count = 1
#       network_configuration {
#         subnets = [aws_subnet.private[0].id]
#       }
#     }
#   prefer: |
#     resource "aws_ecs_service" "web" {
#       desired_count = 2
#       network_configuration {
#         subnets = aws_subnet.private[*].id
#       }
#     }
package tfcheck.rules.ecs.service_min_tasks

import data.tfcheck.lib

min_tasks := lib.param("min_tasks", 2)

subnets_path := "network_configuration.0.subnets"

applies contains r.address if some r in lib.resources({"aws_ecs_service"})

deny contains lib.fail(r, "desired_count", concat("", ["desired_count is ", found, " and no autoscaling target keeps min_capacity at ", lib.str(min_tasks), " or more: run at least ", lib.str(min_tasks), " tasks"])) if {
	some r in lib.resources({"aws_ecs_service"})
	not enough_tasks(r)
	not tasks_unknown(r)
	found := desired_label(r)
}

deny contains lib.unknown(r, "desired_count", "desired_count or the autoscaling target's min_capacity is known only after apply") if {
	some r in lib.resources({"aws_ecs_service"})
	not enough_tasks(r)
	tasks_unknown(r)
}

deny contains lib.fail(r, subnets_path, concat("", [subnets_path, " has ", lib.str(n), " subnet(s): place the tasks in at least 2 (one per availability zone)"])) if {
	some r in lib.resources({"aws_ecs_service"})
	n := subnet_count(r)
	n < 2
}

deny contains lib.unknown(r, subnets_path, concat("", [subnets_path, " is known only after apply and does not reference 2 aws_subnet instances"])) if {
	some r in lib.resources({"aws_ecs_service"})
	lib.configured(r, subnets_path)
	not subnet_count(r)
}

enough_tasks(r) if lib.value(r, "scheduling_strategy") == "DAEMON"

enough_tasks(r) if lib.value(r, "desired_count") >= min_tasks

enough_tasks(r) if {
	some target in autoscaling_targets(r)
	lib.value(target, "min_capacity") >= min_tasks
}

tasks_unknown(r) if lib.is_unknown(r, "desired_count")

tasks_unknown(r) if {
	some target in autoscaling_targets(r)
	lib.is_unknown(target, "min_capacity")
}

autoscaling_targets(r) := [input.resources[ref.address] |
	some ref in r.referenced_by
	ref.type == "aws_appautoscaling_target"
]

desired_label(r) := lib.str(lib.value(r, "desired_count")) if lib.known(r, "desired_count")

desired_label(r) := "not set" if not lib.known(r, "desired_count")

# subnet_count(r): the subnets the service is placed in, known or by reference; undefined when unknown
# and not resolved, or when the service sets no network_configuration.
subnet_count(r) := count(lib.value(r, subnets_path))

subnet_count(r) := n if {
	lib.is_unknown(r, subnets_path)
	n := count({ref.address | some ref in lib.refs(r, subnets_path); ref.type == "aws_subnet"})
	resolved_subnets(r, n)
}

# resolved_subnets(r, n): the references decide: two or more subnets, or only subnets and nothing else.
resolved_subnets(_, n) if n >= 2

resolved_subnets(r, _) if {
	every ref in lib.refs(r, subnets_path) {
		ref.type == "aws_subnet"
	}
	count(object.get(r.expressions, [subnets_path, "unresolved"], [])) == 0
}
