# TFC-KMS-001 on the raw plan (checkov: CKV_AWS_7). Asymmetric and HMAC keys cannot rotate.
package main

import data.lib

deny contains lib.msg("TFC-KMS-001", rc, "enable_key_rotation is not true") if {
	some rc in lib.resources("aws_kms_key")
	not object.get(lib.after(rc), "customer_master_key_spec", "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT"
	not lib.after(rc).enable_key_rotation == true
	not configured_unknown(rc, "enable_key_rotation")
}
