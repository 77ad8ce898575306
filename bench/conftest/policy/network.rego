# TFC-NET-003 on the raw plan (checkov: CKV_AWS_24, CKV_AWS_25, CKV_AWS_260): ingress from 0.0.0.0/0
# or ::/0 only to port 80 or 443, each exactly, in the three ways Terraform writes ingress.
package main

import data.lib

public_ports := {80, 443}

ingress contains [rc, entry.protocol, entry.from_port, entry.to_port, cidr] if {
	some rc in lib.resources("aws_security_group")
	some entry in lib.after(rc).ingress
	some cidr in array.concat(lib.list(entry.cidr_blocks), lib.list(entry.ipv6_cidr_blocks))
}

ingress contains [rc, after.protocol, after.from_port, after.to_port, cidr] if {
	some rc in lib.resources("aws_security_group_rule")
	after := lib.after(rc)
	after.type == "ingress"
	some cidr in array.concat(lib.list(after.cidr_blocks), lib.list(after.ipv6_cidr_blocks))
}

ingress contains [rc, after.ip_protocol, object.get(after, "from_port", null), object.get(after, "to_port", null), cidr] if {
	some rc in lib.resources("aws_vpc_security_group_ingress_rule")
	after := lib.after(rc)
	some cidr in [after.cidr_ipv4, after.cidr_ipv6]
	is_string(cidr)
}

deny contains lib.msg("TFC-NET-003", rc, concat("", [cidr, " reaches ports other than 80 and 443"])) if {
	some [rc, protocol, from, to, cidr] in ingress
	lib.anywhere(cidr)
	not public(protocol, from, to)
}

public(protocol, from, to) if {
	not lower(format(protocol)) in {"-1", "all"}
	from == to
	from in public_ports
}

format(x) := x if is_string(x)

else := sprintf("%v", [x])
