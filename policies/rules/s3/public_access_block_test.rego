package tfcheck.rules.s3.public_access_block_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.s3.public_access_block as rule

advice := "set all four flags of an aws_s3_bucket_public_access_block for the bucket to true"

bucket(address, name, blocks) := object.union(
	t.literal(address, "aws_s3_bucket", {"bucket": name}),
	{"referenced_by": t.referenced_by([[p, "aws_s3_bucket_public_access_block", "bucket"] | some p in blocks])},
)

# The baseline's blocks: bucket = aws_s3_bucket.x.id (unknown), all four flags literal true.
block(address, values) := object.union(
	t.literal(address, "aws_s3_bucket_public_access_block", object.union(
		{"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true},
		values,
	)),
	{"unknown": ["bucket", "id"]},
)

test_pass_blocked_by_reference_and_by_name if {
	media := bucket("aws_s3_bucket.media", "wagtail-prod-media", ["aws_s3_bucket_public_access_block.media"])
	logs := bucket("module.logs.aws_s3_bucket.this[0]", "wagtail-prod-logs", [])
	by_name := object.union(block("module.logs.aws_s3_bucket_public_access_block.this[0]", {}), {"unknown": ["id"], "values": {"bucket": "wagtail-prod-logs"}})
	doc := t.plan_input([media, block("aws_s3_bucket_public_access_block.media", {}), logs, by_name])
	rule.applies == {media.address, logs.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_no_block if {
	bare := bucket("aws_s3_bucket.uploads[\"eu\"]", "uploads", [])
	doc := t.plan_input([bare])
	rule.applies == {bare.address} with input as doc
	rule.deny == {lib.fail(bare, "", concat("", ["no aws_s3_bucket_public_access_block references the bucket: ", advice]))} with input as doc
}

test_fail_policy_not_blocked if {
	media := bucket("aws_s3_bucket.media", "media", ["aws_s3_bucket_public_access_block.media"])
	partial := block("aws_s3_bucket_public_access_block.media", {"block_public_policy": false, "restrict_public_buckets": false})
	rule.applies == {media.address} with input as t.plan_input([media, partial])
	rule.deny == {
		lib.fail(media, "", concat("", ["aws_s3_bucket_public_access_block.media: block_public_policy is false; ", advice])),
		lib.fail(media, "", concat("", ["aws_s3_bucket_public_access_block.media: restrict_public_buckets is false; ", advice])),
	} with input as t.plan_input([media, partial])
}

test_unknown_flag_from_variable if {
	media := bucket("aws_s3_bucket.media", "media", ["aws_s3_bucket_public_access_block.media"])
	pending := object.union(
		json.remove(block("aws_s3_bucket_public_access_block.media", {}), ["values/ignore_public_acls"]),
		{"unknown": ["bucket", "id", "ignore_public_acls"], "expressions": {"ignore_public_acls": t.unresolved(["var.ignore_acls"])}},
	)
	doc := t.plan_input([media, pending])
	rule.applies == {media.address} with input as doc
	rule.deny == {lib.unknown(media, "", concat("", ["aws_s3_bucket_public_access_block.media: ignore_public_acls is known only after apply; ", advice]))} with input as doc
}
