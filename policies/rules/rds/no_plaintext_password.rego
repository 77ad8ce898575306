# METADATA
# title: RDS master password is not in the configuration
# description: >-
#   A password in configuration ends up in variables files, CI logs and the state in the clear.
#   Let RDS manage it in Secrets Manager (manage_master_user_password = true) or pass it through a
#   write-only argument, which Terraform never stores. The cluster's attribute is master_password,
#   the instance's password.
# custom:
#   id: TFC-RDS-009
#   severity: HIGH
#   tier: spike
#   resource_types: [aws_rds_cluster, aws_db_instance]
#   controls:
#     spike: ["Database Username and Password: SSM env values"]
#     fsbp: [RDS.24]
#   parameters: {}
#   recommended_action: Remove master_password; set manage_master_user_password = true (or master_password_wo).
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       master_username = "root"
#       master_password = var.db_password
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       master_username               = "wagtail_admin"
#       manage_master_user_password   = true
#       master_user_secret_kms_key_id = aws_kms_key.db.arn
#     }
package tfcheck.rules.rds.no_plaintext_password

import data.tfcheck.lib

password := {"aws_rds_cluster": "master_password", "aws_db_instance": "password"}

applies contains r.address if some r in lib.resources(object.keys(password))

deny contains lib.fail(r, path, message) if {
	some r in lib.resources(object.keys(password))
	path := password[r.type]
	lib.configured(r, path)
	holds_value(r, path)
	not managed(r)
	message := concat("", [
		path, " is set in the configuration: remove it and set manage_master_user_password = true (or ",
		path, "_wo)",
	])
}

managed(r) if lib.value(r, "manage_master_user_password") == true

# holds_value(r, path): the attribute has a value or will have one; a configured null (a module's
# conditional) sets no password.
holds_value(r, path) if lib.known(r, path)

holds_value(r, path) if lib.is_unknown(r, path)
