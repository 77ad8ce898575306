# METADATA
# title: ECS task role grants only what the task needs
# description: >-
#   The task role's effective policy set (inline policies, aws_iam_role_policy, attached customer and
#   AWS managed policies) must not allow every action of a service (`*`, `s3:*`), must not allow by
#   NotAction, must not allow write actions on every resource (`Resource "*"`, `arn:aws:s3:::*`,
#   NotResource), and must not attach AWS managed `*FullAccess`, `AdministratorAccess` or
#   `PowerUserAccess`. A write action is one whose verb starts with a modifying word (Put, Create,
#   Delete, Update, Attach, Detach, Modify, Tag, Untag, Set, Add, Remove, Write, Upload, Terminate,
#   Run, Start, Stop, Pass, Send, Publish, Invoke, BatchWrite, Copy, Restore, Replace, Import,
#   Associate, Enable, Disable, Register, Reboot, Reset, Revoke, Authorize, Change, Execute, Rotate,
#   Purge, Complete, Initiate, Abort and their opposites), or a wildcard that can expand to one
#   (`s3:p*`, `s3:*object`). A task role that is set but does not resolve to a role of the plan, a
#   policy whose statements are not known, or a statement whose actions (or, for a write action,
#   resources) are known only after apply without a reference, is UNKNOWN. A task without a task role
#   has no permissions: it passes here (TFC-ECS-004 asks for one).
# custom:
#   id: TFC-ECS-001
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_ecs_task_definition]
#   controls:
#     spike: ["dynamic policies ... only have access to the resources they need"]
#     checkov: [CKV_AWS_62, CKV_AWS_63, CKV_AWS_290]
#     fsbp: [IAM.1, IAM.21]
#   parameters: {}
#   recommended_action: >-
#     Give the task role only the actions the task calls, on the ARNs it uses; never attach
#     *FullAccess, AdministratorAccess or PowerUserAccess.
#   avoid: |
#     resource "aws_iam_role_policy" "task" {
#       role   = aws_iam_role.task.id
#       policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
#       })
#     }
#   prefer: |
#     resource "aws_iam_role_policy" "task" {
#       role   = aws_iam_role.task.id
#       policy = jsonencode({
#         Version   = "2012-10-17"
#         Statement = [{
#           Effect   = "Allow"
#           Action   = ["s3:GetObject", "s3:PutObject"]
#           Resource = "${aws_s3_bucket.media.arn}/*"
#         }]
#       })
#     }
package tfcheck.rules.ecs.task_role_least_privilege

import data.tfcheck.lib
import data.tfcheck.lib.iam

applies contains r.address if some r in lib.resources({"aws_ecs_task_definition"})

deny contains lib.unknown(r, "task_role_arn", "task_role_arn does not resolve to a role in the plan: its policies cannot be judged") if {
	some r in lib.resources({"aws_ecs_task_definition"})
	iam.unresolved(iam.role_ref(r, "task"))
}

deny contains iam.verdict_finding(r, "task_role_arn", concat("", ["task role ", role.address, ": ", iam.policy_label(p), " "]), v) if {
	some r in lib.resources({"aws_ecs_task_definition"})
	role := iam.role_of(iam.role_ref(r, "task"))
	some p in role.policies
	some v in policy_verdicts(p)
}

policy_verdicts(p) := {iam.fail_verdict("is attached: it grants every action of one or more services; replace it with a policy of the actions the task needs")} if {
	p.kind == "aws_managed"
	iam.admin_managed(p.name)
}

policy_verdicts(p) := {iam.unknown_verdict("is known only after apply")} if iam.opaque(p)

policy_verdicts(p) := {v |
	some i, s in p.statements
	v := statement_verdict(s, iam.statement_label(s, i))
} if {
	p.known == true
}

statement_verdict(s, label) := iam.fail_verdict(concat("", [label, " allows Action ", lib.str(wildcards), " (every action of a service): list the actions the task needs"])) if {
	iam.allows(s)
	wildcards := [p | some p in iam.field(s, "actions"); iam.is_service_wildcard(p)]
	count(wildcards) > 0
} else := iam.fail_verdict(concat("", [label, " allows NotAction ", lib.str(iam.field(s, "not_actions")), " (every other action): list the actions the task needs"])) if {
	iam.allows(s)
	count(iam.field(s, "not_actions")) > 0
} else := iam.fail_verdict(concat("", [label, " allows write actions ", lib.str(writes), " on Resource \"", iam.all_resource_label(s), "\": name the ARNs the task writes to"])) if {
	iam.allows(s)
	iam.broad_resource(s)
	writes := write_actions(s)
	count(writes) > 0
} else := iam.unknown_verdict(concat("", [label, " has actions known only after apply"])) if {
	iam.allows(s)
	iam.actions_unknown(s)
} else := iam.unknown_verdict(concat("", [label, " allows write actions ", lib.str(writes), " on resources known only after apply"])) if {
	iam.allows(s)
	iam.resources_unresolved(s)
	writes := write_actions(s)
	count(writes) > 0
}

write_actions(s) := [p | some p in iam.field(s, "actions"); iam.is_write_action(p)]
