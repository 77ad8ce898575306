package tfcheck.rules.alb.access_logs_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.alb.access_logs as rule

path := "access_logs.0.enabled"

lb(address, values, unknown, configured) := t.resource("aws_lb", address, {
	"values": values,
	"unknown": unknown,
	"expressions": {p: t.constant | some p in configured},
})

test_pass_baseline_alb if {
	alb := lb("aws_lb.this", {"load_balancer_type": "application", "access_logs": [{"bucket": "wagtail-prod-alb-logs-123456789012", "enabled": true, "prefix": "alb"}]}, [], ["access_logs.0.bucket", path])
	gwlb := lb("aws_lb.inspection", {"load_balancer_type": "gateway", "access_logs": []}, [], [])
	inp := t.plan([alb, gwlb], [])
	rule.applies == {"aws_lb.this"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_disabled if {
	r := lb("module.edge[\"eu\"].aws_lb.this[0]", {"load_balancer_type": "network", "access_logs": [{"bucket": "logs", "enabled": false}]}, [], ["access_logs.0.bucket", path])
	rule.deny == {lib.fail(r, path, "access_logs.0.enabled is false: set access_logs.0.enabled = true")} with input as t.plan([r], [])
}

test_not_set_access_logs if {
	r := lb("aws_lb.this", {"load_balancer_type": "application", "access_logs": []}, [], [])
	rule.deny == {lib.fail(r, path, "access_logs.0.enabled is not set: set access_logs.0.enabled = true explicitly")} with input as t.plan([r], [])
}

test_unknown_enabled if {
	r := object.union(lb("aws_lb.this", {"load_balancer_type": "application", "access_logs": [{"bucket": "logs"}]}, [path], []), {"expressions": {path: t.expression([t.ref("aws_s3_bucket.logs", "aws_s3_bucket", "bucket")])}})
	rule.deny == {lib.unknown(r, path, "access_logs.0.enabled is known only after apply: set access_logs.0.enabled = true")} with input as t.plan([r], [])
}
