package tfcheck.rules.ecr.lifecycle_policy_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecr.lifecycle_policy as rule

repository(address, name, referenced_by) := t.resource("aws_ecr_repository", address, {"values": {"name": name}, "referenced_by": referenced_by})

lifecycle(address, values, unknown) := t.resource("aws_ecr_lifecycle_policy", address, {"values": values, "unknown": unknown})

test_pass_baseline_by_reference if {
	inp := t.plan(
		[
			repository("aws_ecr_repository.wagtail", "wagtail", [{"address": "aws_ecr_lifecycle_policy.wagtail", "type": "aws_ecr_lifecycle_policy", "path": "repository"}]),
			lifecycle("aws_ecr_lifecycle_policy.wagtail", {"repository": "wagtail"}, []),
		],
		[],
	)
	rule.applies == {"aws_ecr_repository.wagtail"} with input as inp
	rule.deny == set() with input as inp
}

test_pass_by_name if {
	inp := t.plan(
		[
			repository("module.images[\"api\"].aws_ecr_repository.this[0]", "api", []),
			lifecycle("aws_ecr_lifecycle_policy.api", {"repository": "api"}, []),
		],
		[],
	)
	rule.deny == set() with input as inp
}

test_fail_policy_for_another_repository if {
	r := repository("aws_ecr_repository.app", "app", [])
	inp := t.plan([r, lifecycle("aws_ecr_lifecycle_policy.api", {"repository": "api"}, [])], [])
	rule.deny == {lib.fail(r, "", "no aws_ecr_lifecycle_policy points at the repository: expire untagged and old images")} with input as inp
}

test_not_set_lifecycle_policy if {
	r := repository("aws_ecr_repository.app", "app", [{"address": "aws_ecr_repository_policy.app", "type": "aws_ecr_repository_policy", "path": "repository"}])
	rule.deny == {lib.fail(r, "", "no aws_ecr_lifecycle_policy points at the repository: expire untagged and old images")} with input as t.plan([r], [])
}

test_unknown_policy_repository if {
	r := repository("aws_ecr_repository.app", "app", [])
	inp := t.plan([r, lifecycle("aws_ecr_lifecycle_policy.dynamic", {}, ["repository"])], [])
	rule.deny == {lib.unknown(r, "", "no aws_ecr_lifecycle_policy points at the repository, and the repository of aws_ecr_lifecycle_policy.dynamic is known only after apply")} with input as inp
}
