# METADATA
# title: Load balancer writes access logs
# description: >-
#   Access logs are the record of who called what through the load balancer, needed to investigate
#   an incident. access_logs sets enabled = true explicitly (with the S3 bucket to write to); the
#   provider's default is false. Gateway load balancers have no access logs and are not judged.
# custom:
#   id: TFC-ALB-003
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_lb, aws_alb]
#   controls:
#     checkov: [CKV_AWS_91]
#     fsbp: [ELB.5]
#   parameters: {}
#   recommended_action: Add access_logs { bucket = aws_s3_bucket.alb_logs.id, enabled = true }.
#   avoid: |
#     resource "aws_lb" "this" {
#       load_balancer_type = "application"
#     }
#   prefer: |
#     resource "aws_lb" "this" {
#       load_balancer_type = "application"
#       access_logs {
#         bucket  = aws_s3_bucket.alb_logs.id
#         prefix  = "alb"
#         enabled = true
#       }
#     }
package tfcheck.rules.alb.access_logs

import data.tfcheck.lib

judged[r.address] := r if {
	some r in lib.resources({"aws_lb", "aws_alb"})
	not gateway(r)
}

gateway(r) if lib.value(r, "load_balancer_type") == "gateway"

applies contains r.address if some r in judged

deny contains finding if {
	some r in judged
	some finding in lib.expect_explicit(r, "access_logs.0.enabled", true)
}
