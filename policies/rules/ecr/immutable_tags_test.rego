package tfcheck.rules.ecr.immutable_tags_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecr.immutable_tags as rule

repository(address, values, unknown) := t.resource("aws_ecr_repository", address, {"values": values, "unknown": unknown})

test_pass_baseline_repository if {
	inp := t.plan([repository("aws_ecr_repository.wagtail", {"name": "wagtail", "image_tag_mutability": "IMMUTABLE"}, [])], [])
	rule.applies == {"aws_ecr_repository.wagtail"} with input as inp
	rule.deny == set() with input as inp
}

# Unset, the provider plans its default MUTABLE.
test_fail_mutable_default if {
	r := repository("module.images[\"api\"].aws_ecr_repository.this[0]", {"name": "api", "image_tag_mutability": "MUTABLE"}, [])
	rule.deny == {lib.fail(r, "image_tag_mutability", "image_tag_mutability is \"MUTABLE\": set image_tag_mutability = \"IMMUTABLE\"")} with input as t.plan([r], [])
}

test_unknown_mutability if {
	r := object.union(repository("aws_ecr_repository.app", {"name": "app"}, ["image_tag_mutability"]), {"expressions": {"image_tag_mutability": {"unresolved": ["var.mutability"]}}})
	rule.deny == {lib.unknown(r, "image_tag_mutability", "image_tag_mutability is known only after apply: set image_tag_mutability = \"IMMUTABLE\"")} with input as t.plan([r], [])
}
