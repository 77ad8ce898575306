# METADATA
# title: Changes do not weaken a protection
# description: >-
#   An update that turns off deletion protection, encryption, IAM authentication or key rotation,
#   makes an instance public, shortens backups or makes image tags mutable weakens what was in
#   place, often as a side effect of a module upgrade or a removed line that falls back to the
#   provider's default. The rule compares each existing resource's values before and after.
# custom:
#   id: TFC-CHG-002
#   severity: HIGH
#   tier: change
#   resource_types: [aws_rds_cluster, aws_db_instance, aws_rds_cluster_instance, aws_kms_key, aws_ecr_repository]
#   controls: {}
#   parameters: {}
#   recommended_action: Keep the protection's previous value; if the change is intended, waive the finding for this change.
#   avoid: |
#     resource "aws_rds_cluster" "db" {
#       engine              = "aurora-postgresql"
#       deletion_protection = false # was true
#     }
#   prefer: |
#     resource "aws_rds_cluster" "db" {
#       engine              = "aurora-postgresql"
#       deletion_protection = true
#     }
package tfcheck.rules.chg.protection_weakened

import data.tfcheck.lib

types := {"aws_rds_cluster", "aws_db_instance", "aws_rds_cluster_instance", "aws_kms_key", "aws_ecr_repository"}

# weakenings[attribute] = [protected value, weakened value]
weakenings := {
	"deletion_protection": [true, false],
	"storage_encrypted": [true, false],
	"iam_database_authentication_enabled": [true, false],
	"enable_key_rotation": [true, false],
	"publicly_accessible": [false, true],
}

applies contains r.address if some r in existing

deny contains lib.fail(r, path, concat("", [went(r, path), ": keep ", path, " = ", json.marshal(was)])) if {
	some r in existing
	some path, [was, weak] in weakenings
	r.before[path] == was
	lib.value(r, path) == weak
}

deny contains lib.fail(r, path, concat("", [went(r, path), ": keep it at ", lib.str(r.before[path]), " days or more"])) if {
	some r in existing
	path := "backup_retention_period"
	lib.value(r, path) < r.before[path]
}

deny contains lib.fail(r, path, concat("", [went(r, path), ": keep tags immutable"])) if {
	some r in existing
	path := "image_tag_mutability"
	startswith(r.before[path], "IMMUTABLE")
	startswith(lib.value(r, path), "MUTABLE")
}

deny contains lib.unknown(r, path, concat("", [lib.unseen(r, path), ", and was ", json.marshal(r.before[path]), ": keep it"])) if {
	some r in existing
	some path in ({p | some p, _ in weakenings} | {"backup_retention_period", "image_tag_mutability"})
	protected(r, path)
	lib.hidden(r, path)
}

# protected(r, path): before the change, the attribute held a protection that the change could weaken.
protected(r, path) if r.before[path] == weakenings[path][0]

protected(r, "backup_retention_period") if r.before.backup_retention_period > 0

protected(r, "image_tag_mutability") if startswith(r.before.image_tag_mutability, "IMMUTABLE")

# existing: the resources that exist before the change and after it (updates, replacements, no-ops).
existing[r.address] := r if {
	some r in lib.resources(types)
	r.before != null
}

went(r, path) := concat("", [path, " goes from ", json.marshal(r.before[path]), " to ", lib.shown(r, path)])
