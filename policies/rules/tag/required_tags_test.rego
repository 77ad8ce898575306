package tfcheck.rules.tag.required_tags_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.tag.required_tags as rule

advice := "add them to the provider's default_tags or the resource's tags"

# The baseline: tags = local.tags, and default_tags add ManagedBy and Project; tags_all is known.
test_pass_default_tags_known if {
	cluster := t.resource("module.database.aws_rds_cluster.this", "aws_rds_cluster", {
		"tags": {"Environment": "prod"},
		"tags_all": {"Environment": "prod", "ManagedBy": "terraform", "Project": "wagtail"},
	})
	subnet := t.resource("aws_subnet.private[0]", "aws_subnet", {"tags": {}, "tags_all": {"Environment": "prod"}})
	alias := t.resource("aws_kms_alias.app", "aws_kms_alias", {"name": "alias/app"})
	vpc := object.union(t.resource("data.aws_vpc.shared", "aws_vpc", {"tags_all": {}}), {"mode": "data"})
	doc := t.plan_input([cluster, subnet, alias, vpc])
	rule.applies == {cluster.address, subnet.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_missing_keys if {
	bucket := t.resource("aws_s3_bucket.media[\"eu\"]", "aws_s3_bucket", {"tags": null, "tags_all": {"Project": "wagtail"}})
	doc := t.plan_input([bucket])
	rule.applies == {bucket.address} with input as doc
	rule.deny == {lib.fail(bucket, "tags_all", concat("", ["tags_all lacks Environment, Owner: ", advice]))} with input as doc
		with data.tfcheck.parameters as {"required_tags": ["Owner", "Environment"]}
}

# A tag whose value is known only after apply is present.
test_pass_tag_value_unknown if {
	group := object.union(
		t.resource("module.app.aws_security_group.this[0]", "aws_security_group", {"tags": {}, "tags_all": {}}),
		{"unknown": ["tags.Environment", "tags_all.Environment"]},
	)
	doc := t.plan_input([group])
	rule.applies == {group.address} with input as doc
	rule.deny == set() with input as doc
}

# Older providers plan tags_all as unknown: the resource's tags decide, or default_tags may.
test_unknown_tags_all_without_tags if {
	unknown_all := object.union(
		t.resource("aws_security_group.invalid_sg_1", "aws_security_group", {"tags": null}),
		{"unknown": ["tags_all"]},
	)
	own_tags := object.union(
		t.resource("aws_security_group.valid_sg_1", "aws_security_group", {"tags": {"Environment": "dev"}}),
		{"unknown": ["tags_all"]},
	)
	doc := t.plan_input([unknown_all, own_tags])
	rule.applies == {unknown_all.address, own_tags.address} with input as doc
	rule.deny == {lib.unknown(unknown_all, "tags_all", concat("", ["tags_all is known only after apply and its tags lack Environment: ", advice]))} with input as doc
}
