package tfcheck.rules.ecr.scan_on_push_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecr.scan_on_push as rule

repository(address, values, unknown) := t.resource("aws_ecr_repository", address, {"values": values, "unknown": unknown})

registry(frequency, filter) := t.resource("aws_ecr_registry_scanning_configuration", "aws_ecr_registry_scanning_configuration.this", {"values": {
	"scan_type": "ENHANCED",
	"rule": [{"scan_frequency": frequency, "repository_filter": [{"filter": filter, "filter_type": "WILDCARD"}]}],
}})

test_pass_baseline_repository if {
	inp := t.plan([repository("aws_ecr_repository.wagtail", {"name": "wagtail", "image_scanning_configuration": [{"scan_on_push": true}]}, [])], [])
	rule.applies == {"aws_ecr_repository.wagtail"} with input as inp
	rule.deny == set() with input as inp
}

test_pass_registry_scanning if {
	r := repository("module.images[\"api\"].aws_ecr_repository.this[0]", {"name": "prod-api", "image_scanning_configuration": []}, [])
	rule.deny == set() with input as t.plan([r, registry("CONTINUOUS_SCAN", "prod-*")], [])
}

test_fail_scan_on_push_false_and_registry_filter_elsewhere if {
	r := repository("aws_ecr_repository.app", {"name": "app", "image_scanning_configuration": [{"scan_on_push": false}]}, [])
	rule.deny == {lib.fail(r, "image_scanning_configuration.0.scan_on_push", "image_scanning_configuration.0.scan_on_push is false: set image_scanning_configuration.0.scan_on_push = true")} with input as t.plan([r, registry("SCAN_ON_PUSH", "prod-*")], [])
}

test_not_set_scanning if {
	r := repository("aws_ecr_repository.app", {"name": "app", "image_scanning_configuration": []}, [])
	rule.deny == {lib.fail(r, "image_scanning_configuration.0.scan_on_push", "image_scanning_configuration.0.scan_on_push is not set: set image_scanning_configuration.0.scan_on_push = true")} with input as t.plan([r, registry("MANUAL", "*")], [])
}

test_unknown_scan_on_push if {
	r := object.union(repository("aws_ecr_repository.app", {"name": "app", "image_scanning_configuration": [{}]}, ["image_scanning_configuration.0.scan_on_push"]), {"expressions": {"image_scanning_configuration.0.scan_on_push": {"unresolved": ["var.scan"]}}})
	rule.deny == {lib.unknown(r, "image_scanning_configuration.0.scan_on_push", "image_scanning_configuration.0.scan_on_push is known only after apply: set image_scanning_configuration.0.scan_on_push = true")} with input as t.plan([r], [])
}
