package tfcheck.rules.alb.listener_tls_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.alb.listener_tls as rule

# listener(address, values, unknown, configured): configured lists the attributes the configuration sets.
listener(address, values, unknown, configured) := t.resource("aws_lb_listener", address, {
	"values": values,
	"unknown": unknown,
	"expressions": {path: t.constant | some path in configured},
})

redirect(protocol) := [{"type": "redirect", "redirect": [{"port": "443", "protocol": protocol, "status_code": "HTTP_301"}]}]

# The baseline's listeners: HTTPS with a TLS 1.3/1.2 policy, HTTP redirecting to HTTPS (its
# ssl_policy is unset and known only after apply, which does not matter on HTTP).
baseline_https := listener("aws_lb_listener.https", {"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "default_action": [{"type": "forward"}]}, [], ["protocol", "ssl_policy"])

baseline_http := listener("aws_lb_listener.http", {"port": 80, "protocol": "HTTP", "default_action": redirect("HTTPS")}, ["ssl_policy"], ["protocol"])

test_pass_baseline_listeners if {
	tcp := listener("aws_lb_listener.nlb_tcp", {"port": 5432, "protocol": "TCP", "default_action": [{"type": "forward"}]}, ["ssl_policy"], ["protocol"])
	inp := t.plan([baseline_https, baseline_http, tcp], [])
	rule.applies == {"aws_lb_listener.https", "aws_lb_listener.http"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_old_policy_and_http_forward if {
	old := listener("module.edge[\"eu\"].aws_lb_listener.https[0]", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"}, [], ["protocol", "ssl_policy"])
	forward := listener("aws_lb_listener.http", {"protocol": "HTTP", "default_action": [{"type": "forward"}]}, [], ["protocol"])
	same_protocol := listener("aws_lb_listener.http_alt", {"protocol": "HTTP", "default_action": redirect("#{protocol}")}, [], ["protocol"])
	rule.deny == {
		lib.fail(old, "ssl_policy", "ssl_policy is \"ELBSecurityPolicy-2016-08\": set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (TLS 1.2 and 1.3 only)"),
		lib.fail(forward, "default_action.0.type", "default_action.0.type is \"forward\" on an HTTP listener: redirect to HTTPS instead"),
		lib.fail(same_protocol, "default_action.0.redirect.0.protocol", "default_action.0.redirect.0.protocol is \"#{protocol}\": set default_action.0.redirect.0.protocol = \"HTTPS\""),
	} with input as t.plan([old, forward, same_protocol], [])
}

# ssl_policy is Optional+Computed: unset, the plan shows it known only after apply.
test_not_set_ssl_policy if {
	r := listener("aws_alb_listener.https", {"protocol": "HTTPS"}, ["ssl_policy"], ["protocol"])
	r2 := object.union(r, {"type": "aws_alb_listener"})
	rule.deny == {lib.fail(r2, "ssl_policy", "ssl_policy is not set: set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (TLS 1.2 and 1.3 only)")} with input as t.plan([r2], [])
}

test_unknown_protocol_and_policy if {
	protocol := listener("aws_lb_listener.dynamic", {}, ["protocol"], ["protocol"])
	from_parameter := {"ssl_policy": t.expression([t.ref("data.aws_ssm_parameter.tls_policy", "aws_ssm_parameter", "value")])}
	policy := object.union(listener("aws_lb_listener.tls", {"protocol": "TLS"}, ["ssl_policy"], ["protocol"]), {"expressions": from_parameter})
	rule.deny == {
		lib.unknown(protocol, "protocol", "protocol is known only after apply: cannot tell whether the listener encrypts"),
		lib.unknown(policy, "ssl_policy", "ssl_policy is known only after apply: set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (TLS 1.2 and 1.3 only)"),
	} with input as t.plan([protocol, policy], [])
}
