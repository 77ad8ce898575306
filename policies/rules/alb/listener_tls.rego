# METADATA
# title: Load balancer listeners use TLS 1.2+ or redirect to HTTPS
# description: >-
#   HTTPS and TLS listeners set ssl_policy explicitly to a policy of the TLS 1.2+ families
#   (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*); unset, the provider picks
#   ELBSecurityPolicy-2016-08, which still accepts TLS 1.0. HTTP listeners only redirect: every
#   default_action is a redirect whose protocol is HTTPS. TCP, UDP and GENEVE listeners are not
#   judged; a listener whose protocol is known only after apply is UNKNOWN.
# custom:
#   id: TFC-ALB-001
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   controls:
#     checkov: [CKV_AWS_2, CKV_AWS_103, CKV2_AWS_20]
#     trivy: [AVD-AWS-0047, AVD-AWS-0054]
#     fsbp: [ELB.1, ELB.17]
#   parameters: {}
#   recommended_action: >-
#     Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" on HTTPS listeners and make HTTP
#     listeners redirect to HTTPS with status HTTP_301.
#   avoid: |
#     resource "aws_lb_listener" "http" {
#       port     = 80
#       protocol = "HTTP"
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.app.arn
#       }
#     }
#   prefer: |
#     resource "aws_lb_listener" "http" {
#       port     = 80
#       protocol = "HTTP"
#       default_action {
#         type = "redirect"
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
package tfcheck.rules.alb.listener_tls

import data.tfcheck.lib

types := {"aws_lb_listener", "aws_alb_listener"}

tls12 := `^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`

judged[r.address] := r if {
	some r in lib.resources(types)
	lib.value(r, "protocol") in {"HTTPS", "TLS", "HTTP"}
}

judged[r.address] := r if {
	some r in lib.resources(types)
	lib.is_unknown(r, "protocol")
}

applies contains r.address if some r in judged

deny contains lib.unknown(r, "protocol", "protocol is known only after apply: cannot tell whether the listener encrypts") if {
	some r in judged
	lib.is_unknown(r, "protocol")
}

deny contains finding if {
	some r in judged
	lib.value(r, "protocol") in {"HTTPS", "TLS"}
	some finding in lib.expect_ref(r, "ssl_policy", set(), tls12, "set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (TLS 1.2 and 1.3 only)")
}

deny contains lib.fail(r, path, concat("", [path, " is ", lib.shown(r, path), " on an HTTP listener: redirect to HTTPS instead"])) if {
	some r in judged
	lib.value(r, "protocol") == "HTTP"
	some i, _ in lib.value(r, "default_action")
	path := concat("", ["default_action.", format_int(i, 10), ".type"])
	lib.value(r, path) != "redirect"
}

deny contains finding if {
	some r in judged
	lib.value(r, "protocol") == "HTTP"
	some i, _ in lib.value(r, "default_action")
	lib.value(r, concat("", ["default_action.", format_int(i, 10), ".type"])) == "redirect"
	some finding in lib.expect(r, concat("", ["default_action.", format_int(i, 10), ".redirect.0.protocol"]), "HTTPS")
}
