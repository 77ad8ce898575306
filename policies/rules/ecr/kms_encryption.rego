# METADATA
# title: ECR repository is encrypted with KMS
# description: >-
#   Images are encrypted with AES256 under an AWS owned key unless the repository asks for KMS, which
#   puts access to the images under a key policy and in CloudTrail. encryption_configuration sets
#   encryption_type "KMS" (or "KMS_DSSE") explicitly; the block cannot be changed after creation.
# custom:
#   id: TFC-ECR-003
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_ecr_repository]
#   controls:
#     checkov: [CKV_AWS_136]
#     trivy: [AVD-AWS-0033]
#   parameters: {}
#   recommended_action: Add encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.x.arn }.
#   avoid: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#     }
#   prefer: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#       encryption_configuration {
#         encryption_type = "KMS"
#         kms_key         = aws_kms_key.app.arn
#       }
#     }
package tfcheck.rules.ecr.kms_encryption

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_ecr_repository"})

deny contains finding if {
	some r in lib.resources({"aws_ecr_repository"})
	some finding in lib.expect_explicit_in(r, "encryption_configuration.0.encryption_type", {"KMS", "KMS_DSSE"}, "set encryption_configuration.0.encryption_type = \"KMS\"")
}
