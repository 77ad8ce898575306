# METADATA
# title: ECR repository tags are immutable
# description: >-
#   With mutable tags, pushing `:1.4.2` again silently changes what every task definition that names
#   it runs. image_tag_mutability is "IMMUTABLE" (the provider's default is MUTABLE).
# custom:
#   id: TFC-ECR-001
#   severity: MEDIUM
#   tier: spike
#   resource_types: [aws_ecr_repository]
#   controls:
#     spike: ["new ECR resource"]
#     checkov: [CKV_AWS_51]
#     trivy: [AVD-AWS-0031]
#     fsbp: [ECR.2]
#   parameters: {}
#   recommended_action: Set image_tag_mutability = "IMMUTABLE" and push every build under a new tag.
#   avoid: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#     }
#   prefer: |
#     resource "aws_ecr_repository" "app" {
#       name                 = "app"
#       image_tag_mutability = "IMMUTABLE"
#     }
package tfcheck.rules.ecr.immutable_tags

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_ecr_repository"})

deny contains finding if {
	some r in lib.resources({"aws_ecr_repository"})
	some finding in lib.expect(r, "image_tag_mutability", "IMMUTABLE")
}
