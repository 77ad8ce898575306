# METADATA
# title: S3 buckets have an encryption configuration
# description: >-
#   S3 encrypts new objects with SSE-S3 by default, but only an explicit configuration says which
#   key, and lets a KMS key's policy control who reads the data. An
#   aws_s3_bucket_server_side_encryption_configuration must reference the bucket (or name it), or
#   the bucket must set the deprecated inline server_side_encryption_configuration block.
# custom:
#   id: TFC-S3-002
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   controls:
#     checkov: [CKV_AWS_145]
#     fsbp: [S3.4]
#   parameters: {}
#   recommended_action: Add an aws_s3_bucket_server_side_encryption_configuration for the bucket (aws:kms with a customer managed key where the data is sensitive).
#   avoid: |
#     resource "aws_s3_bucket" "media" {
#       bucket = "media"
#     }
#   prefer: |
#     resource "aws_s3_bucket_server_side_encryption_configuration" "media" {
#       bucket = aws_s3_bucket.media.id
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.app.arn
#         }
#       }
#     }
package tfcheck.rules.s3.encryption_configuration

import data.tfcheck.lib

type := "aws_s3_bucket_server_side_encryption_configuration"

applies contains b.address if some b in lib.resources({"aws_s3_bucket"})

deny contains lib.fail(b, "", concat("", ["no ", type, " references the bucket: add one"])) if {
	some b in lib.resources({"aws_s3_bucket"})
	count(lib.attached(b, type, "bucket", "bucket")) == 0
	not lib.configured(b, "server_side_encryption_configuration")
}
