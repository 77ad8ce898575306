# Tests of the core helpers, and the builders that rule tests use to write inputs in the shape
# docs/policy-input.md describes.
package tfcheck.lib_test

import data.tfcheck.lib

# resource(address, type, values): a managed resource being created: every value known, nothing
# configured, nothing referencing it. Tests add unknown, sensitive, expressions, ... with object.union.
resource(address, type, values) := {
	"address": address,
	"mode": "managed",
	"type": type,
	"actions": ["create"],
	"action_reason": null,
	"replace_paths": [],
	"values": values,
	"before": null,
	"unknown": [],
	"sensitive": [],
	"expressions": {},
	"referenced_by": [],
}

# literal(address, type, values): a resource whose configuration sets every top-level value as a literal.
literal(address, type, values) := object.union(
	resource(address, type, values),
	{"expressions": constants(object.keys(values))},
)

# constants(paths): expressions setting each path to a literal.
constants(paths) := {path: {"constant": true, "refs": [], "unresolved": []} | some path in paths}

# reference(refs): an expression referencing resources, each given as [address, type, attribute].
reference(refs) := {
	"constant": false,
	"refs": [{"address": address, "type": type, "attribute": attribute} | some [address, type, attribute] in refs],
	"unresolved": [],
}

# unresolved(names): an expression referencing only variables, locals, each.* or count.*.
unresolved(names) := {"constant": false, "refs": [], "unresolved": names}

# referenced_by(refs): the referenced_by list, each given as [address, type, path].
referenced_by(refs) := [{"address": address, "type": type, "path": path} | some [address, type, path] in refs]

complete_plan := {
	"format_version": "1.2",
	"terraform_version": "1.11.4",
	"applyable": true,
	"complete": true,
	"errored": false,
	"deferred_changes": [],
	"drift": [],
	"outputs": {},
	"checks": [],
	"relevant_attributes": [],
}

# plan_input(resources): the input document of a complete plan holding resources.
plan_input(resources) := {
	"tfcheck": {"schema_version": "1.0", "tool_version": "0.1.0"},
	"plan": complete_plan,
	"resources": {r.address: r | some r in resources},
	"types": {type: sort([r.address | some r in resources; r.type == type]) | some x in resources; type := x.type},
	"names": names_index(resources),
	"iam": {"roles": {}},
}

# names_index(resources): input.names as tfcheck builds it (PolicyInput.names): type -> attribute ->
# value -> addresses of the live managed resources whose known top-level attribute is value.
names_index(resources) := {type: by_attribute |
	some x in resources
	type := x.type
	by_attribute := {attribute: by_value |
		some attribute in lib.name_attributes
		by_value := {value: sort(addresses) |
			some y in named(resources, type, attribute)
			value := y.values[attribute]
			addresses := [z.address | some z in named(resources, type, attribute); z.values[attribute] == value]
		}
		count(by_value) > 0
	}
}

named(resources, type, attribute) := [r |
	some r in resources
	r.type == type
	object.get(r, "mode", "managed") == "managed"
	object.get(r, "actions", ["create"]) != ["delete"]
	is_string(r.values[attribute])
	not attribute in object.get(r, "sensitive", [])
]

cluster := object.union(
	literal("module.database.aws_rds_cluster.this", "aws_rds_cluster", {
		"engine": "aurora-postgresql",
		"storage_encrypted": true,
		"tags_all": {"Environment": "prod"},
	}),
	{
		"unknown": ["kms_key_id", "tags_all.Owner"],
		"sensitive": ["master_password"],
		"expressions": {"kms_key_id": reference([["module.database.aws_kms_key.db", "aws_kms_key", "arn"]])},
		"values": {"master_password": "(sensitive)", "ingress": [{"cidr_blocks": ["10.0.0.0/16", null]}]},
	},
)

test_value_known_unknown_sensitive if {
	lib.value(cluster, "storage_encrypted") == true
	lib.known(object.union(cluster, {"values": {"storage_encrypted": false}}), "storage_encrypted")
	lib.known(cluster, "engine")
	not lib.known(cluster, "kms_key_id")
	lib.is_unknown(cluster, "kms_key_id")
	lib.is_unknown(cluster, "kms_key_id.anything")
	not lib.is_unknown(cluster, "kms_key")
	lib.is_sensitive(cluster, "master_password")
	lib.hidden(cluster, "master_password")
	lib.value(cluster, "ingress.0.cidr_blocks.0") == "10.0.0.0/16"
	not lib.known(cluster, "ingress.0.cidr_blocks.1")
}

test_covered if {
	lib.covered(["a.0"], "a.0.b")
	lib.covered(["a"], "a.0.b")
	lib.covered(["tags_all"], "tags_all")
	not lib.covered(["a.0"], "a.01")
	not lib.covered(["tags"], "tags_all")
	not lib.covered(["a.0.b"], "a.0")
	not lib.covered([], "a")
}

test_configured_and_refs if {
	lib.configured(cluster, "engine")
	lib.configured(cluster, "kms_key_id")
	not lib.configured(cluster, "deletion_protection")
	lib.refs(cluster, "kms_key_id") == [{"address": "module.database.aws_kms_key.db", "type": "aws_kms_key", "attribute": "arn"}]
	lib.refs(cluster, "engine") == []
	lib.references_type(cluster, "kms_key_id", {"aws_kms_alias", "aws_kms_key"})
	not lib.references_type(cluster, "kms_key_id", {"aws_iam_role"})
}

test_configured_nested_block if {
	service := object.union(
		resource("aws_ecs_service.web", "aws_ecs_service", {}),
		{"expressions": constants(["network_configuration.0", "network_configuration.0.assign_public_ip"])},
	)
	lib.configured(service, "network_configuration")
	lib.configured(service, "network_configuration.0.assign_public_ip")
	not lib.configured(service, "network")
}

test_param_default_and_override if {
	lib.param("min_tasks", 2) == 2
	lib.param("min_tasks", 2) == 3 with data.tfcheck.parameters as {"min_tasks": 3}
}

test_str if {
	lib.str("a") == "a"
	lib.str(7) == "7"
	lib.str(true) == "true"
	lib.str(1.5) == "1.5"
}

test_shown if {
	lib.shown(cluster, "engine") == `"aurora-postgresql"`
	lib.shown(cluster, "storage_encrypted") == "true"
	lib.shown(cluster, "master_password") == "a sensitive value"
	lib.shown(cluster, "port") == "not set"
}

test_expect if {
	lib.expect(cluster, "storage_encrypted", true) == set()
	lib.expect(cluster, "storage_encrypted", false) == {lib.fail(cluster, "storage_encrypted", "storage_encrypted is true: set storage_encrypted = false")}
	lib.expect(cluster, "deletion_protection", true) == {lib.fail(cluster, "deletion_protection", "deletion_protection is not set: set deletion_protection = true")}
	lib.expect(cluster, "kms_key_id", "x") == {lib.unknown(cluster, "kms_key_id", `kms_key_id is known only after apply: set kms_key_id = "x"`)}
	lib.expect(cluster, "master_password", "x") == {lib.unknown(cluster, "master_password", `master_password is sensitive: set master_password = "x"`)}

	# Unknown but not configured: the provider's computed default, which is not trusted.
	lib.expect(cluster, "tags_all.Owner", "x") == {lib.fail(cluster, "tags_all.Owner", `tags_all.Owner is not set: set tags_all.Owner = "x"`)}
}

test_expect_explicit if {
	lib.expect_explicit(cluster, "storage_encrypted", true) == set()
	lib.expect_explicit(json.remove(cluster, ["expressions/storage_encrypted"]), "storage_encrypted", true) == {lib.fail(cluster, "storage_encrypted", "storage_encrypted is not set: set storage_encrypted = true explicitly")}
}

test_expect_kms_key if {
	lib.expect_kms_key(cluster, "kms_key_id") == set()
	arn := literal("aws_rds_cluster.a", "aws_rds_cluster", {"kms_key_id": "arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
	lib.expect_kms_key(arn, "kms_key_id") == set()
	bad := literal("aws_rds_cluster.b", "aws_rds_cluster", {"kms_key_id": "alias/aws/rds"})
	lib.expect_kms_key(bad, "kms_key_id") == {lib.fail(bad, "kms_key_id", `kms_key_id is "alias/aws/rds": set it to a customer managed aws_kms_key ARN`)}
	unset := resource("aws_rds_cluster.c", "aws_rds_cluster", {})
	lib.expect_kms_key(unset, "kms_key_id") == {lib.fail(unset, "kms_key_id", "kms_key_id is not set: set it to a customer managed aws_kms_key ARN")}
}

test_expect_kms_key_unknown_and_empty if {
	var := object.union(
		resource("aws_rds_cluster.d", "aws_rds_cluster", {}),
		{"unknown": ["kms_key_id"], "expressions": {"kms_key_id": unresolved(["var.kms_key_arn"])}},
	)
	lib.expect_kms_key(var, "kms_key_id") == {lib.unknown(var, "kms_key_id", "kms_key_id is known only after apply and references no aws_kms_alias or aws_kms_key: set it to a customer managed aws_kms_key ARN")}
	empty := object.union(var, {"expressions": constants(["kms_key_id"])})
	lib.expect_kms_key(empty, "kms_key_id") == {lib.fail(empty, "kms_key_id", "kms_key_id is an empty value: set it to a customer managed aws_kms_key ARN")}
	defaulted := object.union(json.remove(var, ["expressions/kms_key_id"]), {"expressions": {"kms_key_id": {}}})
	lib.expect_kms_key(defaulted, "kms_key_id") == {lib.fail(defaulted, "kms_key_id", "kms_key_id is an empty value: set it to a customer managed aws_kms_key ARN")}
}

bucket := object.union(
	literal("aws_s3_bucket.media", "aws_s3_bucket", {"bucket": "media"}),
	{"referenced_by": referenced_by([
		["aws_s3_bucket_public_access_block.media", "aws_s3_bucket_public_access_block", "bucket"],
		["aws_s3_bucket_policy.media", "aws_s3_bucket_policy", "bucket"],
		["aws_s3_bucket_public_access_block.gone", "aws_s3_bucket_public_access_block", "bucket"],
	])},
)

blocks := [
	bucket,
	resource("aws_s3_bucket_public_access_block.media", "aws_s3_bucket_public_access_block", {}),
	resource("aws_s3_bucket_public_access_block.by_name[\"media\"]", "aws_s3_bucket_public_access_block", {"bucket": "media"}),
	resource("aws_s3_bucket_public_access_block.other", "aws_s3_bucket_public_access_block", {"bucket": "other"}),
	object.union(
		resource("aws_s3_bucket_public_access_block.gone", "aws_s3_bucket_public_access_block", {}),
		{"actions": ["delete"]},
	),
]

test_attached_by_reference_and_by_name if {
	addresses := {a.address | some a in lib.attached(bucket, "aws_s3_bucket_public_access_block", "bucket", "bucket")} with input as plan_input(blocks)
	addresses == {"aws_s3_bucket_public_access_block.media", "aws_s3_bucket_public_access_block.by_name[\"media\"]"}
}

test_attached_by_name_outside_the_index if {
	repository := resource("aws_ecr_repository.app", "aws_ecr_repository", {"name": "app"})
	policy := resource("aws_ecr_lifecycle_policy.app", "aws_ecr_lifecycle_policy", {"repository_name": "app"})
	addresses := {a.address | some a in lib.attached(repository, policy.type, "repository_name", "name")} with input as plan_input([repository, policy])
	addresses == {policy.address}
}

test_targets_by_reference_and_by_name if {
	group := resource("module.db.aws_rds_cluster_parameter_group.this[0]", "aws_rds_cluster_parameter_group", {"name": "pg"})
	named := resource("aws_rds_cluster_parameter_group.named", "aws_rds_cluster_parameter_group", {"name": "named"})
	by_ref := object.union(
		resource("module.db.aws_rds_cluster.this", "aws_rds_cluster", {}),
		{"expressions": {"db_cluster_parameter_group_name": reference([[group.address, group.type, "name"]])}},
	)
	by_name := resource("aws_rds_cluster.b", "aws_rds_cluster", {"db_cluster_parameter_group_name": "named"})
	doc := plan_input([group, named, by_ref, by_name])
	[g.address | some g in lib.targets(by_ref, "db_cluster_parameter_group_name", group.type, "name")] == [group.address] with input as doc
	[g.address | some g in lib.targets(by_name, "db_cluster_parameter_group_name", group.type, "name")] == [named.address] with input as doc
}

test_items if {
	lib.items(cluster, "ingress.0.cidr_blocks") == {"ingress.0.cidr_blocks.0": "10.0.0.0/16", "ingress.0.cidr_blocks.1": null}
	lib.items(cluster, "engine") == {"engine": "aurora-postgresql"}
	lib.items(cluster, "kms_key_id") == {"kms_key_id": null}
	lib.items(cluster, "master_password") == {"master_password": null}
	lib.items(cluster, "port") == {}
}

test_ingress_inline_blocks if {
	group := resource("aws_security_group.web", "aws_security_group", {"ingress": [{
		"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [], "prefix_list_ids": ["pl-1"],
		"from_port": 20, "to_port": 25, "protocol": "tcp", "security_groups": [], "self": false,
	}]})
	lib.ingress(group) == [{"path": "ingress.0", "protocol": "tcp", "from_port": 20, "to_port": 25, "sources": [
		{"kind": "cidr", "path": "ingress.0.cidr_blocks.0", "value": "0.0.0.0/0", "refs": []},
		{"kind": "prefix_list", "path": "ingress.0.prefix_list_ids.0", "value": "pl-1", "refs": []},
	]}]
}

test_ingress_inline_unknown_or_unset if {
	computed := object.union(resource("aws_security_group.db", "aws_security_group", {}), {"unknown": ["ingress"]})
	lib.ingress(computed) == []
	configured := object.union(computed, {"expressions": constants(["ingress.0", "ingress.0.from_port"])})
	lib.ingress(configured) == [{
		"path": "ingress", "protocol": null, "from_port": null, "to_port": null,
		"sources": [{"kind": "unknown", "path": "ingress", "value": null, "refs": []}],
	}]
}

test_ingress_rules if {
	vpc_cidr := reference([["aws_vpc.this", "aws_vpc", "cidr_block"]])
	rule := object.union(
		resource("aws_security_group_rule.db[0]", "aws_security_group_rule", {"type": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0}),
		{"unknown": ["cidr_blocks"], "expressions": {"cidr_blocks": vpc_cidr}},
	)
	lib.ingress(rule) == [{"path": "", "protocol": "-1", "from_port": 0, "to_port": 0, "sources": [{"kind": "cidr", "path": "cidr_blocks", "value": null, "refs": vpc_cidr.refs}]}]
	egress := resource("aws_security_group_rule.out", "aws_security_group_rule", {"type": "egress", "cidr_blocks": ["0.0.0.0/0"]})
	lib.ingress(egress) == []
	pending := object.union(rule, {"values": {"type": null}, "unknown": ["type", "cidr_blocks"]})
	lib.ingress(pending) == [{"path": "", "protocol": "-1", "from_port": 0, "to_port": 0, "sources": [{"kind": "cidr", "path": "cidr_blocks", "value": null, "refs": vpc_cidr.refs}]}]
	vpc_rule := resource("aws_vpc_security_group_ingress_rule.https[\"ipv6\"]", "aws_vpc_security_group_ingress_rule", {"cidr_ipv4": null, "cidr_ipv6": "::/0", "ip_protocol": "tcp", "from_port": 443, "to_port": 443})
	lib.ingress(vpc_rule) == [{"path": "", "protocol": "tcp", "from_port": 443, "to_port": 443, "sources": [{"kind": "cidr", "path": "cidr_ipv6", "value": "::/0", "refs": []}]}]
}

test_ports if {
	all := {"protocol": "-1", "from_port": 0, "to_port": 0}
	lib.covers_port(all, 5432)
	lib.ports_text(all) == "all ports"
	range := {"protocol": "tcp", "from_port": 5000, "to_port": 6000}
	lib.covers_port(range, 5432)
	not lib.covers_port(range, 443)
	not lib.ports_unknown(range)
	lib.ports_text(range) == "ports 5000-6000"
	lib.ports_text({"protocol": "tcp", "from_port": 443, "to_port": 443}) == "port 443"
	unknown := {"protocol": "tcp", "from_port": null, "to_port": 5432}
	not lib.covers_port(unknown, 5432)
	lib.ports_unknown(unknown)
	lib.ports_text(unknown) == "ports known only after apply"
	lib.ports_text({"protocol": "tcp", "from_port": null, "to_port": null}) == "ports known only after apply"
}

test_anywhere if {
	lib.anywhere("0.0.0.0/0")
	lib.anywhere("::/0")
	not lib.anywhere("10.0.0.0/8")
}

test_resources_leave_out_delete_only_and_data_sources if {
	gone := object.union(resource("aws_s3_bucket.gone", "aws_s3_bucket", {}), {"actions": ["delete"]})
	read := object.union(resource("data.aws_s3_bucket.logs", "aws_s3_bucket", {}), {"mode": "data", "actions": ["read"]})
	doc := plan_input([bucket, gone, read])
	[r.address | some r in lib.resources({"aws_s3_bucket"})] == ["aws_s3_bucket.media"] with input as doc
	[r.address | some r in lib.changes({"aws_s3_bucket"})] == ["aws_s3_bucket.gone", "aws_s3_bucket.media"] with input as doc
	not lib.live("aws_s3_bucket.gone") with input as doc
	lib.live("aws_s3_bucket.media") == bucket with input as doc
}
