# METADATA
# title: ECS services do not assign public IPs
# description: >-
#   A task with a public IP is reachable from the internet whatever the load balancer does, and
#   bypasses the NAT's fixed egress addresses. Tasks belong in private subnets behind the load
#   balancer. Services without an awsvpc network_configuration get no public IP and pass.
# custom:
#   id: TFC-NET-002
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_ecs_service]
#   controls:
#     checkov: [CKV_AWS_333]
#     fsbp: [ECS.2]
#   parameters: {}
#   recommended_action: Set network_configuration { assign_public_ip = false } and use private subnets with a NAT gateway.
#   avoid: |
#     resource "aws_ecs_service" "web" {
#       network_configuration {
#         subnets          = aws_subnet.public[*].id
#         assign_public_ip = true
#       }
#     }
#   prefer: |
#     resource "aws_ecs_service" "web" {
#       network_configuration {
#         subnets          = aws_subnet.private[*].id
#         security_groups  = [aws_security_group.app.id]
#         assign_public_ip = false
#       }
#     }
package tfcheck.rules.net.ecs_no_public_ip

import data.tfcheck.lib

path := "network_configuration.0.assign_public_ip"

applies contains r.address if some r in lib.resources({"aws_ecs_service"})

deny contains finding if {
	some r in lib.resources({"aws_ecs_service"})
	awsvpc(r)
	some finding in lib.expect(r, path, false)
}

awsvpc(r) if lib.configured(r, "network_configuration")

awsvpc(r) if count(object.get(r.values, "network_configuration", [])) > 0
