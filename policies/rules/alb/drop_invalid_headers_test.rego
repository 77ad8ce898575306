package tfcheck.rules.alb.drop_invalid_headers_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.alb.drop_invalid_headers as rule

lb(address, values, unknown) := t.resource("aws_lb", address, {"values": values, "unknown": unknown})

test_pass_baseline_alb if {
	nlb := lb("aws_lb.internal", {"load_balancer_type": "network", "drop_invalid_header_fields": false}, [])
	inp := t.plan([lb("aws_lb.this", {"load_balancer_type": "application", "drop_invalid_header_fields": true}, []), nlb], [])
	rule.applies == {"aws_lb.this"} with input as inp
	rule.deny == set() with input as inp
}

# Unset, the provider plans its default false.
test_fail_default_false if {
	r := object.union(lb("module.edge[\"eu\"].aws_alb.this[0]", {"load_balancer_type": "application", "drop_invalid_header_fields": false}, []), {"type": "aws_alb"})
	rule.deny == {lib.fail(r, "drop_invalid_header_fields", "drop_invalid_header_fields is false: set drop_invalid_header_fields = true")} with input as t.plan([r], [])
}

test_unknown_drop_invalid_header_fields if {
	r := object.union(lb("aws_lb.this", {"load_balancer_type": "application"}, ["drop_invalid_header_fields"]), {"expressions": {"drop_invalid_header_fields": {"unresolved": ["var.drop_invalid_headers"]}}})
	rule.deny == {lib.unknown(r, "drop_invalid_header_fields", "drop_invalid_header_fields is known only after apply: set drop_invalid_header_fields = true")} with input as t.plan([r], [])
}
