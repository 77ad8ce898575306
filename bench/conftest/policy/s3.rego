# TFC-S3-001 and TFC-S3-002 on the raw plan (checkov: CKV_AWS_53 to CKV_AWS_56, CKV_AWS_145). A
# bucket's public access block and encryption configuration are found by a reference from the same
# module instance (`bucket = aws_s3_bucket.this.id`) or by the bucket's known name.
package main

import data.lib

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

public_access_blocks := [pab | some pab in lib.resources("aws_s3_bucket_public_access_block")]

# Every key a public access block points at a bucket under, and those of the blocks that set all
# four flags (or leave some known only after apply: that is not a known failure).
blocked_any contains key if {
	some pab in public_access_blocks
	some key in lib.attachment_keys(pab, "bucket")
}

blocked_all contains key if {
	some pab in public_access_blocks
	every flag in flags {
		on_or_unknown(pab, flag)
	}
	some key in lib.attachment_keys(pab, "bucket")
}

on_or_unknown(pab, flag) if lib.after(pab)[flag] == true

on_or_unknown(pab, flag) if lib.unknown(pab, flag)

encrypted contains key if {
	some sse in lib.resources("aws_s3_bucket_server_side_encryption_configuration")
	some key in lib.attachment_keys(sse, "bucket")
}

buckets := lib.resources("aws_s3_bucket")

deny contains lib.msg("TFC-S3-001", b, "no aws_s3_bucket_public_access_block references the bucket") if {
	some b in buckets
	keys := lib.target_keys(b, "bucket")
	count(keys & blocked_any) == 0
}

deny contains lib.msg("TFC-S3-001", b, "its aws_s3_bucket_public_access_block does not set all four flags to true") if {
	some b in buckets
	keys := lib.target_keys(b, "bucket")
	count(keys & blocked_any) > 0
	count(keys & blocked_all) == 0
}

deny contains lib.msg("TFC-S3-002", b, "no aws_s3_bucket_server_side_encryption_configuration references the bucket") if {
	some b in buckets
	count(lib.target_keys(b, "bucket") & encrypted) == 0
	not lib.configured(b, "server_side_encryption_configuration")
}
