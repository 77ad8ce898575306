# METADATA
# title: Only security groups reach the database port
# description: >-
#   The database port must be reachable only from the application's security groups: a CIDR admits
#   every address in it, present and future, and 0.0.0.0/0 or ::/0 admits the internet. The rule
#   judges the security groups in a cluster's or instance's vpc_security_group_ids, the ingress
#   rules attached to them (security_group_id), and the ingress rules whose ports reference the
#   database (modules that name the group through a local). Other CIDRs pass only when inside
#   allowed_db_cidrs; prefix lists are CIDRs too.
# custom:
#   id: TFC-NET-001
#   severity: CRITICAL
#   tier: spike
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   controls:
#     spike: ["allowed_security_groups", "allowed_cidr_blocks"]
#     checkov: [CKV_AWS_24, CKV_AWS_25, CKV_AWS_260]
#     fsbp: [EC2.18, EC2.19]
#   parameters: {allowed_db_cidrs: []}
#   recommended_action: Allow the database port from the application's security group (referenced_security_group_id), not from CIDR blocks.
#   avoid: |
#     resource "aws_security_group_rule" "db" {
#       type              = "ingress"
#       security_group_id = aws_security_group.db.id
#       from_port         = 5432
#       to_port           = 5432
#       protocol          = "tcp"
#       cidr_blocks       = ["10.20.0.0/16"]
#     }
#   prefer: |
#     resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
#       security_group_id            = aws_security_group.db.id
#       referenced_security_group_id = aws_security_group.app.id
#       from_port                    = 5432
#       to_port                      = 5432
#       ip_protocol                  = "tcp"
#     }
package tfcheck.rules.net.db_ingress

import data.tfcheck.lib

databases := {"aws_rds_cluster", "aws_db_instance"}

rule_types := {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule"}

allowed := lib.param("allowed_db_cidrs", [])

advice := "allow only security groups (referenced_security_group_id) to the database port"

applies contains address if some address, _ in guarded

deny contains lib.fail(r, source.path, concat("", [described(source), " reaches the database on ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry, ports] in judged
	some port in ports
	lib.covers_port(entry, port)
	some source in entry.sources
	refused(source)
}

deny contains lib.unknown(r, source.path, concat("", [described(source), " may reach the database on ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry, ports] in judged
	lib.ports_unknown(entry)
	some source in entry.sources
	not accepted(source)
}

deny contains lib.unknown(r, source.path, concat("", [described(source), " reaches the database on ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry, ports] in judged
	some port in ports
	lib.covers_port(entry, port)
	some source in entry.sources
	not refused(source)
	not accepted(source)
}

# judged[[address, index]]: [resource, ingress entry, database ports] of every security group and rule
# guarding a database.
judged[[address, i]] := [r, entry, ports] if {
	some address, ports in guarded
	r := lib.live(address)
	some i, entry in lib.ingress(r)
}

# guarded[address]: the database ports that the security group or ingress rule at address guards.
guarded[address] := ports if {
	some address, _ in object.union(groups, rules)
	ports := object.get(groups, address, set()) | object.get(rules, address, set())
}

groups[ref.address] contains port(db) if {
	some db in lib.resources(databases)
	some ref in lib.refs(db, "vpc_security_group_ids")
	ref.type == "aws_security_group"
	lib.live(ref.address)
}

rules[ref.address] contains port if {
	some address, ports in groups
	some ref in input.resources[address].referenced_by
	ref.type in rule_types
	ref.path == "security_group_id"
	attached := lib.live(ref.address)
	not lib.egress(attached)
	some port in ports
}

rules[r.address] contains port(db) if {
	some r in lib.resources(rule_types)
	some path in ["from_port", "to_port"]
	some ref in lib.refs(r, path)
	ref.type in databases
	db := lib.live(ref.address)
	not lib.egress(r)
}

# port(db): the database's port, or its engine's default.
port(db) := p if p := lib.value(db, "port")

else := 3306 if regex.match("mysql|mariadb", lib.value(db, "engine"))

else := 5432

# refused(source): the source is not allowed, whatever its unknown parts turn out to be.
refused(source) if source.kind == "prefix_list"

refused(source) if {
	source.kind == "cidr"
	is_string(source.value)
	not inside_allowed(source.value)
}

refused(source) if {
	source.kind == "cidr"
	source.value == null
	count(allowed) == 0
}

# accepted(source): the source is known to be allowed.
accepted(source) if {
	source.kind == "cidr"
	inside_allowed(source.value)
}

inside_allowed(cidr) if {
	not lib.anywhere(cidr)
	some block in allowed
	net.cidr_contains(block, cidr)
}

described(source) := concat("", [source.path, " = ", source.value]) if is_string(source.value)

else := concat("", [source.path, " (known only after apply)"])
