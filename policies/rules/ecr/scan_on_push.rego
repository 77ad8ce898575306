# METADATA
# title: ECR repository scans images on push
# description: >-
#   Every pushed image is scanned for known vulnerabilities:
#   image_scanning_configuration.scan_on_push is true, or an aws_ecr_registry_scanning_configuration
#   in the plan has a rule scanning on push or continuously whose repository filter matches the
#   repository's name (registry scanning replaces the repository setting).
# custom:
#   id: TFC-ECR-002
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_ecr_repository, aws_ecr_registry_scanning_configuration]
#   controls:
#     checkov: [CKV_AWS_163]
#     trivy: [AVD-AWS-0030]
#     fsbp: [ECR.1]
#   parameters: {}
#   recommended_action: Add image_scanning_configuration { scan_on_push = true }, or enhanced registry scanning.
#   avoid: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#     }
#   prefer: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#       image_scanning_configuration {
#         scan_on_push = true
#       }
#     }
package tfcheck.rules.ecr.scan_on_push

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_ecr_repository"})

deny contains finding if {
	some r in lib.resources({"aws_ecr_repository"})
	not registry_scanned(r)
	some finding in lib.expect(r, "image_scanning_configuration.0.scan_on_push", true)
}

registry_scanned(r) if {
	some registry in lib.resources({"aws_ecr_registry_scanning_configuration"})
	some rule in lib.value(registry, "rule")
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some filter in rule.repository_filter
	matches(filter.filter, r)
}

matches("*", _)

matches(filter, r) if glob.match(filter, [], lib.value(r, "name"))
