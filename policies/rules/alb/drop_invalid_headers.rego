# METADATA
# title: Application load balancer drops invalid HTTP headers
# description: >-
#   Headers with invalid names are a request smuggling and desync vector between the load balancer
#   and the application. Application load balancers (load_balancer_type "application", the default)
#   set drop_invalid_header_fields = true; the provider's default is false. Network and gateway load
#   balancers do not parse HTTP and are not judged.
# custom:
#   id: TFC-ALB-002
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_lb, aws_alb]
#   controls:
#     checkov: [CKV_AWS_131]
#     trivy: [AVD-AWS-0052]
#     fsbp: [ELB.4]
#   parameters: {}
#   recommended_action: Set drop_invalid_header_fields = true.
#   avoid: |
#     resource "aws_lb" "this" {
#       load_balancer_type = "application"
#     }
#   prefer: |
#     resource "aws_lb" "this" {
#       load_balancer_type         = "application"
#       drop_invalid_header_fields = true
#     }
package tfcheck.rules.alb.drop_invalid_headers

import data.tfcheck.lib

judged[r.address] := r if {
	some r in lib.resources({"aws_lb", "aws_alb"})
	not http_blind(r)
}

http_blind(r) if lib.value(r, "load_balancer_type") in {"network", "gateway"}

applies contains r.address if some r in judged

deny contains finding if {
	some r in judged
	some finding in lib.expect(r, "drop_invalid_header_fields", true)
}
