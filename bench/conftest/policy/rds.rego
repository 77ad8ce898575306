# TFC-RDS-001, -003, -010, -012 on the raw plan (checkov: CKV_AWS_96, CKV_AWS_139, CKV_AWS_17,
# CKV_AWS_133).
package main

import data.lib

rds_types := ["aws_rds_cluster", "aws_db_instance"]

rds contains rc if {
	some type in rds_types
	some rc in lib.resources(type)
}

deny contains lib.msg("TFC-RDS-001", rc, "storage_encrypted is not true") if {
	some rc in rds
	not lib.after(rc).storage_encrypted == true
	not configured_unknown(rc, "storage_encrypted")
}

deny contains lib.msg("TFC-RDS-001", rc, "storage_encrypted is not set explicitly") if {
	some rc in rds
	lib.after(rc).storage_encrypted == true
	not lib.configured(rc, "storage_encrypted")
}

deny contains lib.msg("TFC-RDS-003", rc, "deletion_protection is not true") if {
	some rc in rds
	not lib.after(rc).deletion_protection == true
	not lib.unknown(rc, "deletion_protection")
}

deny contains lib.msg("TFC-RDS-003", rc, "deletion_protection is left to the provider") if {
	some rc in rds
	lib.unknown(rc, "deletion_protection")
	not lib.configured(rc, "deletion_protection")
}

deny contains lib.msg("TFC-RDS-010", rc, "publicly_accessible is not set to false") if {
	some type in ["aws_rds_cluster_instance", "aws_db_instance"]
	some rc in lib.resources(type)
	not private(rc)
	not configured_unknown(rc, "publicly_accessible")
}

private(rc) if {
	lib.after(rc).publicly_accessible == false
	lib.configured(rc, "publicly_accessible")
}

deny contains lib.msg("TFC-RDS-012", rc, "backup_retention_period is not set to 7 days or more") if {
	some rc in rds
	not retained(rc)
	not configured_unknown(rc, "backup_retention_period")
}

retained(rc) if {
	lib.after(rc).backup_retention_period >= 7
	lib.configured(rc, "backup_retention_period")
}

configured_unknown(rc, attr) if {
	lib.unknown(rc, attr)
	lib.configured(rc, attr)
}
