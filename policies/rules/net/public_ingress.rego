# METADATA
# title: The internet reaches only public ports
# description: >-
#   Ingress from 0.0.0.0/0 or ::/0 exposes a port to every scanner on the internet. Only the ports
#   in public_ports may be open to it, each exactly: a range that merely includes 443 fails. An
#   unknown CIDR holds by reference when it is a VPC's or subnet's CIDR of the plan.
# custom:
#   id: TFC-NET-003
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_security_group, aws_vpc_security_group_ingress_rule, aws_security_group_rule]
#   controls:
#     checkov: [CKV_AWS_24, CKV_AWS_25, CKV_AWS_260]
#     fsbp: [EC2.18]
#   parameters: {public_ports: [80, 443]}
#   recommended_action: Open only 80 and 443 to 0.0.0.0/0 and ::/0 (on the load balancer); reach everything else through security group references or a VPN.
#   avoid: |
#     resource "aws_vpc_security_group_ingress_rule" "ssh" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "0.0.0.0/0"
#       from_port         = 22
#       to_port           = 22
#       ip_protocol       = "tcp"
#     }
#   prefer: |
#     resource "aws_vpc_security_group_ingress_rule" "https" {
#       security_group_id = aws_security_group.alb.id
#       cidr_ipv4         = "0.0.0.0/0"
#       from_port         = 443
#       to_port           = 443
#       ip_protocol       = "tcp"
#     }
package tfcheck.rules.net.public_ingress

import data.tfcheck.lib

types := {"aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_security_group_rule"}

public_ports := lib.param("public_ports", [80, 443])

vpc_cidr_types := {"aws_vpc", "aws_subnet", "aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association"}

advice := concat("", ["open only ports ", concat(", ", [lib.str(p) | some p in public_ports]), " to the internet, each exactly"])

applies contains r.address if {
	some r in lib.resources(types)
	not lib.egress(r)
}

deny contains lib.fail(r, source.path, concat("", [source.path, " = ", source.value, " opens ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry] in entries
	not lib.ports_unknown(entry)
	not public(entry)
	some source in entry.sources
	lib.anywhere(source.value)
}

deny contains lib.unknown(r, source.path, concat("", [source.path, " = ", source.value, " opens ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry] in entries
	lib.ports_unknown(entry)
	some source in entry.sources
	lib.anywhere(source.value)
}

deny contains lib.unknown(r, source.path, concat("", [source.path, " is known only after apply and may be the internet, on ", lib.ports_text(entry), ": ", advice])) if {
	some [r, entry] in entries
	not public(entry)
	some source in entry.sources
	source.kind in {"cidr", "unknown"}
	source.value == null
	not vpc_cidr(source)
}

# entries[[address, index]]: [resource, ingress entry] of every judged resource, computed once (keyed
# by address, so that OPA hashes a string and not the resource).
entries[[r.address, i]] := [r, entry] if {
	some r in lib.resources(types)
	some i, entry in lib.ingress(r)
}

# public(entry): the entry opens exactly one of the public ports.
public(entry) if {
	not lib.all_ports(entry)
	entry.from_port == entry.to_port
	entry.from_port in public_ports
}

vpc_cidr(source) if {
	some ref in source.refs
	ref.type in vpc_cidr_types
}
