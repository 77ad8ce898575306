package tfcheck.rules.ecs.service_circuit_breaker_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.service_circuit_breaker as rule

web := "module.service.aws_ecs_service.web"

service(address, breaker, unknown) := t.resource("aws_ecs_service", address, {
	"values": {"deployment_circuit_breaker": [breaker], "deployment_controller": []},
	"unknown": unknown,
	"expressions": {"deployment_circuit_breaker.0": {"block": true}, "deployment_circuit_breaker.0.enable": t.constant},
})

test_pass_baseline_service if {
	inp := t.plan([service(web, {"enable": true, "rollback": true}, [])], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

test_pass_code_deploy_not_judged if {
	svc := t.resource("aws_ecs_service", "aws_ecs_service.blue_green", {"values": {"deployment_controller": [{"type": "CODE_DEPLOY"}]}})
	inp := t.plan([svc, service(web, {"enable": true, "rollback": true}, [])], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

test_fail_no_rollback if {
	svc := service("module.app[\"eu\"].aws_ecs_service.api[0]", {"enable": true, "rollback": false}, [])
	rule.deny == {lib.fail(svc, "deployment_circuit_breaker.0.rollback", "deployment_circuit_breaker.0.rollback is false: set it to true")} with input as t.plan([svc], [])
}

test_not_set_circuit_breaker if {
	svc := t.resource("aws_ecs_service", web, {"values": {"deployment_circuit_breaker": [], "deployment_controller": []}})
	rule.deny == {lib.fail(svc, "deployment_circuit_breaker", "deployment_circuit_breaker is not set: set enable and rollback to true")} with input as t.plan([svc], [])
}

test_unknown_enable if {
	svc := service(web, {"rollback": true}, ["deployment_circuit_breaker.0.enable"])
	rule.deny == {lib.unknown(svc, "deployment_circuit_breaker.0.enable", "deployment_circuit_breaker.0.enable is known only after apply")} with input as t.plan([svc], [])
}
