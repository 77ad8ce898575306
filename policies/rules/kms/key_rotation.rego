# METADATA
# title: KMS keys rotate
# description: >-
#   Automatic rotation replaces a symmetric key's material yearly (or on rotation_period_in_days),
#   limiting what one exposed key version decrypts. Asymmetric and HMAC keys cannot rotate and are
#   not judged.
# custom:
#   id: TFC-KMS-001
#   severity: MEDIUM
#   tier: baseline
#   resource_types: [aws_kms_key]
#   controls:
#     checkov: [CKV_AWS_7]
#     cis: ["3.6"]
#   parameters: {}
#   recommended_action: Set enable_key_rotation = true.
#   avoid: |
#     resource "aws_kms_key" "db" {
#       description = "database"
#     }
#   prefer: |
#     resource "aws_kms_key" "db" {
#       description         = "database"
#       enable_key_rotation = true
#     }
package tfcheck.rules.kms.key_rotation

import data.tfcheck.lib

applies contains r.address if some r in symmetric_keys

deny contains finding if {
	some r in symmetric_keys
	some finding in lib.expect(r, "enable_key_rotation", true)
}

symmetric_keys[r.address] := r if {
	some r in lib.resources({"aws_kms_key"})
	not asymmetric(r)
}

asymmetric(r) if lib.value(r, "customer_master_key_spec") != "SYMMETRIC_DEFAULT"
