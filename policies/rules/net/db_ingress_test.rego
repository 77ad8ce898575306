package tfcheck.rules.net.db_ingress_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.net.db_ingress as rule

advice := "allow only security groups (referenced_security_group_id) to the database port"

cluster(address, group, values) := object.union(
	t.literal(address, "aws_rds_cluster", object.union({"engine": "aurora-postgresql", "port": 5432}, values)),
	{"expressions": {"vpc_security_group_ids": t.reference([[group, "aws_security_group", "id"]])}},
)

# A security group whose ingress is computed (no inline blocks), with the rules that attach to it.
group(address, rules) := object.union(
	t.literal(address, "aws_security_group", {"name": "db"}),
	{"unknown": ["ingress", "egress"], "referenced_by": t.referenced_by([[r.address, r.type, "security_group_id"] | some r in rules])},
)

vpc_rule(address, values) := t.literal(address, "aws_vpc_security_group_ingress_rule", object.union(
	{"cidr_ipv4": null, "cidr_ipv6": null, "prefix_list_id": null, "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432},
	values,
))

# The baseline: module.database's group, and one rule from the application's security group.
test_pass_security_group_source if {
	from_app := object.union(
		vpc_rule("module.database.aws_vpc_security_group_ingress_rule.db_from_app", {}),
		{"unknown": ["referenced_security_group_id"], "expressions": {"referenced_security_group_id": t.reference([["aws_security_group.app", "aws_security_group", "id"]])}},
	)
	db_group := group("module.database.aws_security_group.db", [from_app])
	db := cluster("module.database.aws_rds_cluster.this", db_group.address, {})
	doc := t.plan_input([db, db_group, from_app])
	rule.applies == {db_group.address, from_app.address} with input as doc
	rule.deny == set() with input as doc
}

# The spike: the module names the group through a local, but the rules' ports reference the cluster.
spike_rule(address, values) := object.union(
	t.literal(address, "aws_security_group_rule", object.union({"type": "ingress", "protocol": "tcp", "from_port": 5432, "to_port": 5432}, values)),
	{"expressions": {
		"from_port": t.reference([["module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_rds_cluster", ""]]),
		"security_group_id": t.unresolved(["local.rds_security_group_id"]),
	}},
)

test_fail_spike_cidr_rule if {
	cidr := spike_rule("module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]", {"cidr_blocks": ["10.20.0.0/16"]})
	sg := spike_rule("module.wagtail_rds_instance.aws_security_group_rule.default_ingress[0]", {"source_security_group_id": "sg-0c3d4e5f607182930"})
	db_group := group("module.wagtail_rds_instance.aws_security_group.this[0]", [])
	db := cluster("module.wagtail_rds_instance.aws_rds_cluster.this[0]", db_group.address, {})
	doc := t.plan_input([db, db_group, cidr, sg])
	rule.applies == {db_group.address, cidr.address, sg.address} with input as doc
	rule.deny == {lib.fail(cidr, "cidr_blocks.0", concat("", ["cidr_blocks.0 = 10.20.0.0/16 reaches the database on port 5432: ", advice]))} with input as doc
}

test_pass_cidr_inside_allowed if {
	cidr := spike_rule("module.wagtail_rds_instance.aws_security_group_rule.cidr_ingress[0]", {"cidr_blocks": ["10.20.0.0/16"]})
	db := cluster("module.wagtail_rds_instance.aws_rds_cluster.this[0]", "aws_security_group.absent", {})
	doc := t.plan_input([db, cidr])
	rule.applies == {cidr.address} with input as doc
	rule.deny == set() with input as doc with data.tfcheck.parameters as {"allowed_db_cidrs": ["10.0.0.0/8"]}
}

# Inline blocks on a MySQL instance's group: only the entry reaching 3306 counts; the internet
# fails even when allowed_db_cidrs lists it.
test_fail_inline_internet_all_ports if {
	inline := t.literal("aws_security_group.db[\"eu\"]", "aws_security_group", {"ingress": [
		{"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": false, "protocol": "tcp", "from_port": 22, "to_port": 22},
		{"cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"], "prefix_list_ids": ["pl-0123"], "security_groups": [], "self": false, "protocol": "-1", "from_port": 0, "to_port": 0},
	]})
	db := object.union(
		t.literal("aws_db_instance.reporting[0]", "aws_db_instance", {"engine": "mysql"}),
		{"expressions": {"vpc_security_group_ids": t.reference([[inline.address, "aws_security_group", "id"]])}},
	)
	doc := t.plan_input([db, inline])
	rule.applies == {inline.address} with input as doc
	rule.deny == {
		lib.fail(inline, "ingress.1.ipv6_cidr_blocks.0", concat("", ["ingress.1.ipv6_cidr_blocks.0 = ::/0 reaches the database on all ports: ", advice])),
		lib.fail(inline, "ingress.1.prefix_list_ids.0", concat("", ["ingress.1.prefix_list_ids.0 = pl-0123 reaches the database on all ports: ", advice])),
	} with input as doc
		with data.tfcheck.parameters as {"allowed_db_cidrs": ["::/0"]}
}

test_unknown_cidr_with_allowed_list if {
	from_var := object.union(vpc_rule("aws_vpc_security_group_ingress_rule.db[0]", {}), {"unknown": ["cidr_ipv4"], "expressions": {"cidr_ipv4": t.unresolved(["var.office_cidr"])}})
	db_group := group("aws_security_group.db", [from_var])
	doc := t.plan_input([cluster("aws_rds_cluster.db", db_group.address, {}), db_group, from_var])
	rule.applies == {db_group.address, from_var.address} with input as doc
	rule.deny == {lib.unknown(from_var, "cidr_ipv4", concat("", ["cidr_ipv4 (known only after apply) reaches the database on port 5432: ", advice]))} with input as doc
		with data.tfcheck.parameters as {"allowed_db_cidrs": ["10.0.0.0/8"]}
	rule.deny == {lib.fail(from_var, "cidr_ipv4", concat("", ["cidr_ipv4 (known only after apply) reaches the database on port 5432: ", advice]))} with input as doc
}

test_unknown_ports if {
	ports := object.union(
		vpc_rule("aws_vpc_security_group_ingress_rule.db[1]", {"cidr_ipv4": "192.168.0.0/24", "from_port": null, "to_port": null}),
		{"unknown": ["from_port", "to_port"], "expressions": {"from_port": t.unresolved(["var.port"]), "to_port": t.unresolved(["var.port"])}},
	)
	egress := t.literal("aws_security_group_rule.out", "aws_security_group_rule", {"type": "egress", "cidr_blocks": ["0.0.0.0/0"]})
	db_group := group("aws_security_group.db", [ports, egress])
	db := cluster("aws_rds_cluster.db", db_group.address, {"port": 6432})
	doc := t.plan_input([db, db_group, ports, egress])
	rule.applies == {db_group.address, ports.address} with input as doc
	rule.deny == {lib.unknown(ports, "cidr_ipv4", concat("", ["cidr_ipv4 = 192.168.0.0/24 may reach the database on ports known only after apply: ", advice]))} with input as doc
}
