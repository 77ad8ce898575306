# METADATA
# title: The plan is the whole change
# description: >-
#   A plan that errored, is not complete (complete false: more changes follow an apply) or defers
#   changes holds only part of what will happen: every other rule judged that part only.
# custom:
#   id: TFC-CHG-003
#   severity: MEDIUM
#   tier: change
#   resource_types: []
#   controls: {}
#   parameters: {}
#   recommended_action: Fix the planning error, or resolve what defers changes, and check the plan that follows the apply too.
#   avoid: |
#     # terraform plan -out=tfplan   (with values only known after apply in for_each)
#   prefer: |
#     # terraform plan -target=... then a full terraform plan -out=tfplan, complete and without errors
package tfcheck.rules.chg.partial_plan

import data.tfcheck.lib

applies contains lib.plan_address

deny contains lib.plan_fail("the plan errored: it holds only what was planned before the error; fix the error and plan again") if {
	input.plan.errored == true
}

deny contains lib.plan_fail("the plan is not complete (complete: false): more changes follow its apply; check the next plan too") if {
	input.plan.complete == false
}

deny contains lib.plan_fail(concat("", ["the plan defers changes to ", concat(", ", sort(deferred)), ": they are not judged; plan again once they can be"])) if {
	deferred := {d.address | some d in object.get(input.plan, "deferred_changes", [])}
	count(deferred) > 0
}
