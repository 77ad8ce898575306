# METADATA
# title: ECS containers have a read-only root filesystem
# description: >-
#   A writable root filesystem lets a compromised process change the image it runs from. Every
#   container sets `readonlyRootFilesystem: true` (writable paths come from volumes or tmpfs
#   mounts). UNKNOWN when container_definitions is known only after apply.
# custom:
#   id: TFC-ECS-009
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     checkov: [CKV_AWS_336]
#     fsbp: [ECS.5]
#   parameters: {}
#   recommended_action: Set readonlyRootFilesystem = true on every container and mount a volume where it must write.
#   avoid: |
#     container_definitions = jsonencode([{
#       name  = "app"
#       image = var.image
#     }])
#   prefer: |
#     container_definitions = jsonencode([{
#       name                   = "app"
#       image                  = var.image
#       readonlyRootFilesystem = true
#       mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
#     }])
package tfcheck.rules.ecs.container_read_only_root

import data.tfcheck.lib
import data.tfcheck.lib.ecs

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

deny contains lib.fail(r, "container_definitions", msg) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	some i, c in r.containers
	found := object.get(c, "readonlyRootFilesystem", null)
	found != true
	msg := concat("", [ecs.container_label(c, i), ": readonlyRootFilesystem is ", found_label(found), "; set it to true"])
}

found_label(null) := "not set"

found_label(v) := lib.str(v) if v != null

deny contains lib.unknown(r, "container_definitions", "container_definitions is known only after apply: its containers cannot be read") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	ecs.containers_unknown(r)
}
