# METADATA
# title: ECS service rolls back failed deployments
# description: >-
#   Without the deployment circuit breaker a deployment whose tasks never become healthy keeps
#   replacing them forever; with rollback, ECS returns to the last working task definition.
#   deployment_circuit_breaker sets both enable and rollback to true. Services deployed by CodeDeploy
#   or an external controller (deployment_controller type CODE_DEPLOY or EXTERNAL) cannot use the
#   circuit breaker and are not judged.
# custom:
#   id: TFC-ECS-007
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_ecs_service]
#   controls: {}
#   parameters: {}
#   recommended_action: Add deployment_circuit_breaker { enable = true, rollback = true }.
#   avoid: |
#     resource "aws_ecs_service" "web" {
#       desired_count = 2
#     }
#   prefer: |
#     resource "aws_ecs_service" "web" {
#       desired_count = 2
#       deployment_circuit_breaker {
#         enable   = true
#         rollback = true
#       }
#     }
package tfcheck.rules.ecs.service_circuit_breaker

import data.tfcheck.lib

judged[r.address] := r if {
	some r in lib.resources({"aws_ecs_service"})
	not external_controller(r)
}

external_controller(r) if lib.value(r, "deployment_controller.0.type") in {"CODE_DEPLOY", "EXTERNAL"}

applies contains r.address if some r in judged

deny contains lib.fail(r, "deployment_circuit_breaker", "deployment_circuit_breaker is not set: set enable and rollback to true") if {
	some r in judged
	not lib.configured(r, "deployment_circuit_breaker.0")
}

deny contains lib.fail(r, path, concat("", [path, " is ", lib.str(found), ": set it to true"])) if {
	some r in judged
	lib.configured(r, "deployment_circuit_breaker.0")
	some flag in ["enable", "rollback"]
	path := concat(".", ["deployment_circuit_breaker.0", flag])
	found := object.get(r.values, ["deployment_circuit_breaker", 0, flag], "not set")
	not lib.is_unknown(r, path)
	found != true
}

deny contains lib.unknown(r, path, concat("", [path, " is known only after apply"])) if {
	some r in judged
	some flag in ["enable", "rollback"]
	path := concat(".", ["deployment_circuit_breaker.0", flag])
	lib.is_unknown(r, path)
}
