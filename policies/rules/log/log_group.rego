# METADATA
# title: CloudWatch log groups keep logs long enough, encrypted
# description: >-
#   Application and database logs are evidence after an incident: without retention_in_days set
#   they are kept forever only by accident, and too short a retention loses them before anyone
#   looks. They can hold secrets and personal data, so a customer managed KMS key encrypts them.
# custom:
#   id: TFC-LOG-001
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_cloudwatch_log_group]
#   controls:
#     checkov: [CKV_AWS_66, CKV_AWS_158, CKV_AWS_338]
#   parameters: {min_log_retention_days: 90}
#   recommended_action: Set retention_in_days (90 or more, or 0 to never expire) and kms_key_id to a customer managed key.
#   avoid: |
#     resource "aws_cloudwatch_log_group" "app" {
#       name = "/ecs/app"
#     }
#   prefer: |
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/ecs/app"
#       retention_in_days = 90
#       kms_key_id        = aws_kms_key.logs.arn
#     }
package tfcheck.rules.log.log_group

import data.tfcheck.lib

min_days := lib.param("min_log_retention_days", 90)

applies contains r.address if some r in lib.resources({"aws_cloudwatch_log_group"})

deny contains finding if {
	some r in lib.resources({"aws_cloudwatch_log_group"})
	advice := concat("", ["set retention_in_days to 0 (never expire) or ", lib.str(min_days), " days or more"])
	some finding in lib.expect_explicit_in(r, "retention_in_days", kept(r), advice)
}

deny contains finding if {
	some r in lib.resources({"aws_cloudwatch_log_group"})
	some finding in lib.expect_kms_key(r, "kms_key_id")
}

# kept(r): the group's retention when it is long enough, so that expect reports any other.
kept(r) := {days |
	days := lib.value(r, "retention_in_days")
	long_enough(days)
}

long_enough(0)

long_enough(days) if days >= min_days
