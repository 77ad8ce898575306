# METADATA
# title: S3 buckets block public access
# description: >-
#   A bucket without a public access block is one ACL or bucket policy away from being public.
#   An aws_s3_bucket_public_access_block must reference the bucket (or name it) with all four
#   flags true.
# custom:
#   id: TFC-S3-001
#   severity: HIGH
#   tier: baseline
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block]
#   controls:
#     checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
#     fsbp: [S3.8]
#   parameters: {}
#   recommended_action: Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.
#   avoid: |
#     resource "aws_s3_bucket" "media" {
#       bucket = "media"
#     }
#   prefer: |
#     resource "aws_s3_bucket" "media" {
#       bucket = "media"
#     }
#     resource "aws_s3_bucket_public_access_block" "media" {
#       bucket                  = aws_s3_bucket.media.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
package tfcheck.rules.s3.public_access_block

import data.tfcheck.lib

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

advice := "set all four flags of an aws_s3_bucket_public_access_block for the bucket to true"

applies contains b.address if some b in lib.resources({"aws_s3_bucket"})

deny contains lib.fail(b, "", concat("", ["no aws_s3_bucket_public_access_block references the bucket: ", advice])) if {
	some b in lib.resources({"aws_s3_bucket"})
	count(blocks_of[b.address]) == 0
}

deny contains lib.fail(b, "", concat("", [p.address, ": ", flag, " is ", lib.shown(p, flag), "; ", advice])) if {
	some b in lib.resources({"aws_s3_bucket"})
	not blocked(b)
	some p in blocks_of[b.address]
	some flag in flags
	not on(p, flag)
	not lib.hidden(p, flag)
}

deny contains lib.unknown(b, "", concat("", [p.address, ": ", lib.unseen(p, flag), "; ", advice])) if {
	some b in lib.resources({"aws_s3_bucket"})
	not blocked(b)
	some p in blocks_of[b.address]
	some flag in flags
	lib.hidden(p, flag)
}

# blocks_of[address]: the public access blocks of each bucket, worked out once per bucket (OPA keeps
# a rule's value, not a function's result, which every rule body would compute again).
blocks_of[b.address] := lib.attached(b, "aws_s3_bucket_public_access_block", "bucket", "bucket") if {
	some b in lib.resources({"aws_s3_bucket"})
}

blocked(b) if {
	some p in blocks_of[b.address]
	count([flag | some flag in flags; on(p, flag)]) == count(flags)
}

on(p, flag) if lib.value(p, flag) == true
