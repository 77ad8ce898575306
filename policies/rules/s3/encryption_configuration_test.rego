package tfcheck.rules.s3.encryption_configuration_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.s3.encryption_configuration as rule

type := "aws_s3_bucket_server_side_encryption_configuration"

# The baseline: the configuration's bucket = aws_s3_bucket.media.id, unknown until apply.
test_pass_configuration_by_reference if {
	media := object.union(
		t.literal("aws_s3_bucket.media", "aws_s3_bucket", {"bucket": "wagtail-prod-media"}),
		{"unknown": ["server_side_encryption_configuration"], "referenced_by": t.referenced_by([["aws_s3_bucket_server_side_encryption_configuration.media", type, "bucket"]])},
	)
	sse := object.union(t.resource("aws_s3_bucket_server_side_encryption_configuration.media", type, {}), {"unknown": ["bucket"]})
	inline := object.union(
		t.literal("module.legacy.aws_s3_bucket.this[0]", "aws_s3_bucket", {"bucket": "legacy"}),
		{"expressions": t.constants(["server_side_encryption_configuration.0", "server_side_encryption_configuration.0.rule.0"])},
	)
	doc := t.plan_input([media, sse, inline])
	rule.applies == {media.address, inline.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_configuration_of_another_bucket if {
	uploads := t.literal("aws_s3_bucket.uploads[\"eu\"]", "aws_s3_bucket", {"bucket": "uploads"})
	other := t.literal("aws_s3_bucket_server_side_encryption_configuration.logs", type, {"bucket": "logs"})
	doc := t.plan_input([uploads, other])
	rule.applies == {uploads.address} with input as doc
	rule.deny == {lib.fail(uploads, "", "no aws_s3_bucket_server_side_encryption_configuration references the bucket: add one")} with input as doc
}

test_not_set_configuration_being_destroyed if {
	media := object.union(
		t.literal("aws_s3_bucket.media", "aws_s3_bucket", {"bucket": "media"}),
		{"referenced_by": t.referenced_by([["aws_s3_bucket_server_side_encryption_configuration.media", type, "bucket"]])},
	)
	gone := object.union(t.resource("aws_s3_bucket_server_side_encryption_configuration.media", type, {}), {"actions": ["delete"]})
	doc := t.plan_input([media, gone])
	rule.applies == {media.address} with input as doc
	rule.deny == {lib.fail(media, "", "no aws_s3_bucket_server_side_encryption_configuration references the bucket: add one")} with input as doc
}
