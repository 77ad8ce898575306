# METADATA
# title: ECS cluster has Container Insights
# description: >-
#   Container Insights collects the CPU, memory, network and restart metrics of the cluster's tasks.
#   The cluster sets `setting { name = "containerInsights", value = "enabled" }` (or "enhanced"), or
#   the plan sets the account default (aws_ecs_account_setting_default containerInsights) to one of
#   them.
# custom:
#   id: TFC-ECS-010
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_ecs_cluster, aws_ecs_account_setting_default]
#   controls:
#     checkov: [CKV_AWS_65]
#     trivy: [AVD-AWS-0034]
#     fsbp: [ECS.12]
#   parameters: {}
#   recommended_action: Add setting { name = "containerInsights", value = "enabled" } to the cluster.
#   avoid: |
#     resource "aws_ecs_cluster" "this" {
#       name = "app"
#     }
#   prefer: |
#     resource "aws_ecs_cluster" "this" {
#       name = "app"
#       setting {
#         name  = "containerInsights"
#         value = "enabled"
#       }
#     }
package tfcheck.rules.ecs.cluster_container_insights

import data.tfcheck.lib

enabled := {"enabled", "enhanced"}

applies contains r.address if some r in lib.resources({"aws_ecs_cluster"})

deny contains lib.fail(r, "setting", "setting containerInsights is not set: set it to enabled") if {
	some r in lib.resources({"aws_ecs_cluster"})
	count(insights(r)) == 0
	not configured_but_unknown(r)
	not account_default
}

deny contains lib.unknown(r, "setting", "setting is known only after apply: set containerInsights to enabled") if {
	some r in lib.resources({"aws_ecs_cluster"})
	configured_but_unknown(r)
	not account_default
}

# configured_but_unknown(r): the cluster's settings come from something known only after apply (an
# unset setting block shows as unknown too, but that is the provider's default: not set).
configured_but_unknown(r) if {
	lib.is_unknown(r, "setting")
	lib.configured(r, "setting")
}

deny contains lib.fail(r, path, concat("", ["setting containerInsights is \"", s.value, "\": set it to enabled"])) if {
	some r in lib.resources({"aws_ecs_cluster"})
	some i, s in insights(r)
	path := concat("", ["setting.", format_int(i, 10), ".value"])
	is_string(s.value)
	not s.value in enabled
	not lib.is_unknown(r, path)
	not account_default
}

deny contains lib.unknown(r, path, "setting containerInsights is known only after apply") if {
	some r in lib.resources({"aws_ecs_cluster"})
	some i, s in object.get(r.values, "setting", [])
	path := concat("", ["setting.", format_int(i, 10), ".value"])
	lib.is_unknown(r, path)
	object.get(s, "name", "containerInsights") == "containerInsights"
	not account_default
}

# insights(r): the cluster's containerInsights settings, indexed as in the plan.
insights(r) := {i: s | some i, s in object.get(r.values, "setting", []); s.name == "containerInsights"}

account_default if {
	some d in lib.resources({"aws_ecs_account_setting_default"})
	lib.value(d, "name") == "containerInsights"
	lib.value(d, "value") in enabled
}
