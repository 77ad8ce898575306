package tfcheck.rules.chg.protection_weakened_test

import data.tfcheck.lib
import data.tfcheck.lib_test as t
import data.tfcheck.rules.chg.protection_weakened as rule

update(address, type, before, after) := object.union(
	t.resource(address, type, after),
	{"actions": ["update"], "before": before},
)

test_pass_strengthened_or_unchanged if {
	cluster := update(
		"module.database.aws_rds_cluster.this", "aws_rds_cluster",
		{"deletion_protection": false, "backup_retention_period": 7, "storage_encrypted": true},
		{"deletion_protection": true, "backup_retention_period": 14, "storage_encrypted": true},
	)
	repository := update("aws_ecr_repository.app", "aws_ecr_repository", {"image_tag_mutability": "MUTABLE"}, {"image_tag_mutability": "IMMUTABLE"})
	created := t.resource("aws_kms_key.new", "aws_kms_key", {"enable_key_rotation": false})
	doc := t.plan_input([cluster, repository, created])
	rule.applies == {cluster.address, repository.address} with input as doc
	rule.deny == set() with input as doc
}

test_fail_weakened_cluster if {
	cluster := update(
		"module.database.aws_rds_cluster.this", "aws_rds_cluster",
		{"deletion_protection": true, "backup_retention_period": 14, "iam_database_authentication_enabled": true},
		{"deletion_protection": false, "backup_retention_period": 1, "iam_database_authentication_enabled": true},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {
		lib.fail(cluster, "deletion_protection", "deletion_protection goes from true to false: keep deletion_protection = true"),
		lib.fail(cluster, "backup_retention_period", "backup_retention_period goes from 14 to 1: keep it at 14 days or more"),
	} with input as doc
}

test_fail_public_instance_mutable_tags_and_rotation if {
	instance := object.union(
		update("module.database.aws_rds_cluster_instance.this[1]", "aws_rds_cluster_instance", {"publicly_accessible": false}, {"publicly_accessible": true}),
		{"actions": ["delete", "create"]},
	)
	repository := update("aws_ecr_repository.app[\"web\"]", "aws_ecr_repository", {"image_tag_mutability": "IMMUTABLE"}, {"image_tag_mutability": "MUTABLE"})
	key := update("aws_kms_key.app", "aws_kms_key", {"enable_key_rotation": true}, {"enable_key_rotation": false})
	doc := t.plan_input([instance, repository, key])
	rule.applies == {instance.address, repository.address, key.address} with input as doc
	rule.deny == {
		lib.fail(instance, "publicly_accessible", "publicly_accessible goes from false to true: keep publicly_accessible = false"),
		lib.fail(repository, "image_tag_mutability", `image_tag_mutability goes from "IMMUTABLE" to "MUTABLE": keep tags immutable`),
		lib.fail(key, "enable_key_rotation", "enable_key_rotation goes from true to false: keep enable_key_rotation = true"),
	} with input as doc
}

test_unknown_after_value if {
	cluster := object.union(
		update("aws_rds_cluster.db", "aws_rds_cluster", {"storage_encrypted": true, "deletion_protection": false}, {}),
		{"unknown": ["storage_encrypted", "deletion_protection"]},
	)
	doc := t.plan_input([cluster])
	rule.applies == {cluster.address} with input as doc
	rule.deny == {lib.unknown(cluster, "storage_encrypted", "storage_encrypted is known only after apply, and was true: keep it")} with input as doc
}

test_not_set_delete_only_not_judged if {
	gone := object.union(update("aws_db_instance.old", "aws_db_instance", {"deletion_protection": true}, {}), {"actions": ["delete"]})
	doc := t.plan_input([gone])
	rule.applies == set() with input as doc
	rule.deny == set() with input as doc
}
