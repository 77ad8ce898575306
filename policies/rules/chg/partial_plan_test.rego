package tfcheck.rules.chg.partial_plan_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.chg.partial_plan as rule

plan_with(fields) := object.union(t.plan_input([]), {"plan": fields})

test_pass_complete_plan if {
	doc := t.plan_input([t.resource("module.database.aws_rds_cluster.this", "aws_rds_cluster", {})])
	rule.applies == {"(plan)"} with input as doc
	rule.deny == set() with input as doc
}

test_fail_errored_and_incomplete if {
	doc := plan_with({"errored": true, "complete": false})
	rule.applies == {"(plan)"} with input as doc
	rule.deny == {
		lib.plan_fail("the plan errored: it holds only what was planned before the error; fix the error and plan again"),
		lib.plan_fail("the plan is not complete (complete: false): more changes follow its apply; check the next plan too"),
	} with input as doc
}

test_fail_deferred_changes if {
	doc := plan_with({"complete": false, "deferred_changes": [
		{"address": "module.app[\"eu\"].aws_ecs_service.web", "reason": "resource_config_unknown"},
		{"address": "aws_s3_bucket.logs[0]", "reason": "instance_count_unknown"},
	]})
	rule.applies == {"(plan)"} with input as doc
	rule.deny == {
		lib.plan_fail("the plan is not complete (complete: false): more changes follow its apply; check the next plan too"),
		lib.plan_fail(`the plan defers changes to aws_s3_bucket.logs[0], module.app["eu"].aws_ecs_service.web: they are not judged; plan again once they can be`),
	} with input as doc
}

# Plans older than format 1.2 carry neither complete nor errored.
test_not_set_older_plan_format if {
	doc := plan_with({"format_version": "0.1", "complete": null, "errored": null, "deferred_changes": []})
	rule.applies == {"(plan)"} with input as doc
	rule.deny == set() with input as doc
}
