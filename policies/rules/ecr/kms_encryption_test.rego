package tfcheck.rules.ecr.kms_encryption_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecr.kms_encryption as rule

path := "encryption_configuration.0.encryption_type"

repository(address, type, unknown) := t.resource("aws_ecr_repository", address, {
	"values": {"name": "wagtail", "encryption_configuration": [{"encryption_type": type}]},
	"unknown": unknown,
	"expressions": {"encryption_configuration.0": {"block": true}, path: t.constant},
})

test_pass_baseline_repository if {
	inp := t.plan([repository("aws_ecr_repository.wagtail", "KMS", ["encryption_configuration.0.kms_key"])], [])
	rule.applies == {"aws_ecr_repository.wagtail"} with input as inp
	rule.deny == set() with input as inp
}

test_fail_aes256 if {
	r := repository("module.images[\"api\"].aws_ecr_repository.this[0]", "AES256", [])
	rule.deny == {lib.fail(r, path, "encryption_configuration.0.encryption_type is \"AES256\": set encryption_configuration.0.encryption_type = \"KMS\"")} with input as t.plan([r], [])
}

test_not_set_encryption if {
	r := t.resource("aws_ecr_repository", "aws_ecr_repository.app", {"values": {"name": "app"}, "unknown": ["encryption_configuration"]})
	rule.deny == {lib.fail(r, path, "encryption_configuration.0.encryption_type is not set: set encryption_configuration.0.encryption_type = \"KMS\" explicitly")} with input as t.plan([r], [])
}

test_unknown_encryption_type if {
	r := repository("aws_ecr_repository.app", null, [path])
	rule.deny == {lib.unknown(r, path, "encryption_configuration.0.encryption_type is known only after apply: set encryption_configuration.0.encryption_type = \"KMS\"")} with input as t.plan([r], [])
}
