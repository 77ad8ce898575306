# TFC-LOG-001 on the raw plan (checkov: CKV_AWS_66, CKV_AWS_158, CKV_AWS_338).
package main

import data.lib

deny contains lib.msg("TFC-LOG-001", rc, "retention_in_days is not set to 0 or 90 days or more") if {
	some rc in lib.resources("aws_cloudwatch_log_group")
	not kept(rc)
	not configured_unknown(rc, "retention_in_days")
}

kept(rc) if {
	lib.configured(rc, "retention_in_days")
	days := lib.after(rc).retention_in_days
	long_enough(days)
}

long_enough(0)

long_enough(days) if days >= 90

deny contains lib.msg("TFC-LOG-001", rc, "kms_key_id is not a customer managed KMS key") if {
	some rc in lib.resources("aws_cloudwatch_log_group")
	not lib.configured(rc, "kms_key_id")
}

deny contains lib.msg("TFC-LOG-001", rc, "kms_key_id is not a KMS key ARN") if {
	some rc in lib.resources("aws_cloudwatch_log_group")
	lib.configured(rc, "kms_key_id")
	not lib.unknown(rc, "kms_key_id")
	not lib.kms_arn(object.get(lib.after(rc), "kms_key_id", ""))
}
