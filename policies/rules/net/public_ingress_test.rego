package tfcheck.rules.net.public_ingress_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.net.public_ingress as rule

advice := "open only ports 80, 443 to the internet, each exactly"

rule_from(address, cidr, from, to) := t.literal(address, "aws_vpc_security_group_ingress_rule", {
	"cidr_ipv4": cidr, "cidr_ipv6": null, "prefix_list_id": null,
	"ip_protocol": "tcp", "from_port": from, "to_port": to,
})

# The baseline's load balancer: 80 and 443 from anywhere, over IPv4 and IPv6, by for_each.
test_pass_load_balancer_ports if {
	http := rule_from("aws_vpc_security_group_ingress_rule.alb_http[\"ipv4\"]", "0.0.0.0/0", 80, 80)
	https := object.union(
		rule_from("aws_vpc_security_group_ingress_rule.alb_https[\"ipv6\"]", null, 443, 443),
		{"values": {"cidr_ipv6": "::/0"}},
	)
	group := object.union(t.literal("aws_security_group.alb", "aws_security_group", {"name": "alb"}), {"unknown": ["ingress"]})
	doc := t.plan_input([http, https, group])
	rule.applies == {http.address, https.address, group.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_range_including_443 if {
	wide := rule_from("module.edge.aws_vpc_security_group_ingress_rule.web[0]", "0.0.0.0/0", 443, 8443)
	doc := t.plan_input([wide])
	rule.applies == {wide.address} with input as doc
	rule.deny == {lib.fail(wide, "cidr_ipv4", concat("", ["cidr_ipv4 = 0.0.0.0/0 opens ports 443-8443: ", advice]))} with input as doc
}

test_fail_inline_ssh_and_legacy_rule if {
	inline := t.literal("aws_security_group.bastion", "aws_security_group", {"ingress": [{
		"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"], "prefix_list_ids": [], "security_groups": [], "self": false,
		"protocol": "tcp", "from_port": 22, "to_port": 22,
	}]})
	legacy := t.literal("aws_security_group_rule.all[\"any\"]", "aws_security_group_rule", {"type": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})
	egress := t.literal("aws_security_group_rule.out", "aws_security_group_rule", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})
	doc := t.plan_input([inline, legacy, egress])
	rule.applies == {inline.address, legacy.address} with input as doc
	rule.deny == {
		lib.fail(inline, "ingress.0.cidr_blocks.0", concat("", ["ingress.0.cidr_blocks.0 = 0.0.0.0/0 opens port 22: ", advice])),
		lib.fail(inline, "ingress.0.ipv6_cidr_blocks.0", concat("", ["ingress.0.ipv6_cidr_blocks.0 = ::/0 opens port 22: ", advice])),
		lib.fail(legacy, "cidr_blocks.0", concat("", ["cidr_blocks.0 = 0.0.0.0/0 opens all ports: ", advice])),
	} with input as doc
}

test_pass_ssh_when_parameter_allows if {
	ssh := rule_from("aws_vpc_security_group_ingress_rule.ssh", "0.0.0.0/0", 22, 22)
	doc := t.plan_input([ssh])
	rule.applies == {ssh.address} with input as doc with data.tfcheck.parameters as {"public_ports": [22]}
	rule.deny == set() with input as doc with data.tfcheck.parameters as {"public_ports": [22]}
}

test_unknown_cidr_from_variable if {
	from_var := object.union(
		rule_from("aws_vpc_security_group_ingress_rule.admin[0]", null, 5432, 5432),
		{"unknown": ["cidr_ipv4"], "expressions": {"cidr_ipv4": t.unresolved(["var.admin_cidr"])}},
	)
	doc := t.plan_input([from_var])
	rule.applies == {from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "cidr_ipv4", concat("", ["cidr_ipv4 is known only after apply and may be the internet, on port 5432: ", advice]))} with input as doc
}

test_pass_unknown_cidr_of_the_vpc if {
	vpc := object.union(
		rule_from("aws_vpc_security_group_ingress_rule.internal", null, 8000, 8000),
		{"unknown": ["cidr_ipv4"], "expressions": {"cidr_ipv4": t.reference([["aws_vpc.this", "aws_vpc", "cidr_block"]])}},
	)
	doc := t.plan_input([vpc])
	rule.applies == {vpc.address} with input as doc
	rule.deny == set() with input as doc
}

test_unknown_ports_open_to_internet if {
	ports := object.union(
		rule_from("aws_vpc_security_group_ingress_rule.app", "0.0.0.0/0", null, null),
		{"unknown": ["from_port", "to_port"], "expressions": {"from_port": t.unresolved(["var.port"]), "to_port": t.unresolved(["var.port"])}},
	)
	doc := t.plan_input([ports])
	rule.applies == {ports.address} with input as doc
	rule.deny == {lib.unknown(ports, "cidr_ipv4", concat("", ["cidr_ipv4 = 0.0.0.0/0 opens ports known only after apply: ", advice]))} with input as doc
}
