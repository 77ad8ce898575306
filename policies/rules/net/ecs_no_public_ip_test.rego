package tfcheck.rules.net.ecs_no_public_ip_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.net.ecs_no_public_ip as rule

path := "network_configuration.0.assign_public_ip"

service(address, network) := object.union(
	t.resource(address, "aws_ecs_service", {"launch_type": "FARGATE", "network_configuration": network}),
	{"expressions": t.constants(["network_configuration.0", path])},
)

# The baseline: module.service's web service, private subnets by reference, no public IP.
test_pass_private_service if {
	web := object.union(service("module.service.aws_ecs_service.web", [{"assign_public_ip": false}]), {"unknown": ["network_configuration.0.subnets"]})
	bridge := t.resource("aws_ecs_service.worker[\"ec2\"]", "aws_ecs_service", {"launch_type": "EC2", "network_configuration": []})
	doc := t.plan_input([web, bridge])
	rule.applies == {web.address, bridge.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_public_ip if {
	public := service("aws_ecs_service.web[0]", [{"assign_public_ip": true}])
	doc := t.plan_input([public])
	rule.applies == {public.address} with input as doc
	rule.deny == {lib.fail(public, path, "network_configuration.0.assign_public_ip is true: set network_configuration.0.assign_public_ip = false")} with input as doc
}

test_unknown_from_variable if {
	from_var := object.union(
		service("module.app[\"eu\"].aws_ecs_service.web", [{}]),
		{"unknown": [path], "expressions": {path: t.unresolved(["var.public"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, path, "network_configuration.0.assign_public_ip is known only after apply: set network_configuration.0.assign_public_ip = false")} with input as doc
}
