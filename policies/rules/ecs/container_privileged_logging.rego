# METADATA
# title: ECS containers are not privileged and send their logs somewhere
# description: >-
#   A privileged container has root on its host; a container without a logConfiguration leaves no
#   trace of what it did. Every container sets a logConfiguration and none sets `privileged: true`.
#   UNKNOWN when container_definitions is known only after apply.
# custom:
#   id: TFC-ECS-008
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     checkov: [CKV_AWS_97]
#     fsbp: [ECS.4, ECS.9]
#   parameters: {}
#   recommended_action: Drop privileged and give every container a logConfiguration (awslogs or FireLens).
#   avoid: |
#     container_definitions = jsonencode([{
#       name       = "app"
#       privileged = true
#     }])
#   prefer: |
#     container_definitions = jsonencode([{
#       name = "app"
#       logConfiguration = {
#         logDriver = "awslogs"
#         options = {
#           awslogs-group         = aws_cloudwatch_log_group.app.name
#           awslogs-region        = var.region
#           awslogs-stream-prefix = "app"
#         }
#       }
#     }])
package tfcheck.rules.ecs.container_privileged_logging

import data.tfcheck.lib
import data.tfcheck.lib.ecs

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

deny contains lib.fail(r, "container_definitions", concat("", [ecs.container_label(c, i), " sets privileged: true: drop it"])) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	some i, c in r.containers
	c.privileged == true
}

deny contains lib.fail(r, "container_definitions", concat("", [ecs.container_label(c, i), " has no logConfiguration: send its logs to CloudWatch Logs (awslogs) or FireLens"])) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	some i, c in r.containers
	not is_object(object.get(c, "logConfiguration", null))
}

deny contains lib.unknown(r, "container_definitions", "container_definitions is known only after apply: its containers cannot be read") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	ecs.containers_unknown(r)
}
