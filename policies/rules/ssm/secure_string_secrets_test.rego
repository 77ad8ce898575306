package tfcheck.rules.ssm.secure_string_secrets_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ssm.secure_string_secrets as rule

parameter(address, name, type, unknown) := t.resource("aws_ssm_parameter", address, {"values": {"name": name, "type": type}, "unknown": unknown})

django := "module.service.aws_ssm_parameter.django_secret_key"

email := "module.service.aws_ssm_parameter.email_host_password"

endpoint := "module.service.aws_ssm_parameter.db_endpoint"

web := "module.service.aws_ecs_task_definition.web"

migrate := "module.service.aws_ecs_task_definition.migrate"

# The baseline: two SecureString secrets used by web (by ARN) and migrate (by reference; its
# container_definitions is known only after apply), and a plain String endpoint nobody uses as a secret.
test_pass_baseline_parameters if {
	inp := t.plan(
		[
			parameter(django, "/wagtail/prod/django_secret_key", "SecureString", ["arn"]),
			parameter(email, "/wagtail/prod/email_host_password", "SecureString", ["arn"]),
			parameter(endpoint, "/wagtail/prod/db_endpoint", "String", ["arn"]),
			t.task(
				web, [{"name": "wagtail", "secrets": [
					{"name": "DJANGO_SECRET_KEY", "valueFrom": "arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/django_secret_key"},
					{"name": "EMAIL_HOST_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/email_host_password"},
				]}],
				{},
			),
			t.unknown_task(migrate, [t.ref(django, "aws_ssm_parameter", "name")]),
		],
		[],
	)
	rule.applies == {django, email} with input as inp
	rule.deny == set() with input as inp
}

# The spike: both parameters are String; the task definition (known only after apply) references
# their ARNs, and DB_PASSWORD looks secret besides.
test_fail_spike_parameters if {
	password := parameter("aws_ssm_parameter.db_password", "/prod/wagtail/DB_PASSWORD", "String", ["arn"])
	username := parameter("aws_ssm_parameter.db_username", "/prod/wagtail/DB_USERNAME", "String", ["arn"])
	task := t.unknown_task("aws_ecs_task_definition.wagtail", [
		t.ref("aws_ssm_parameter.db_username", "aws_ssm_parameter", "arn"),
		t.ref("aws_ssm_parameter.db_password", "aws_ssm_parameter", "arn"),
	])
	inp := t.plan([password, username, task], [])
	rule.applies == {"aws_ssm_parameter.db_password", "aws_ssm_parameter.db_username"} with input as inp
	rule.deny == {
		lib.fail(password, "type", "type is \"String\" but the secrets of aws_ecs_task_definition.wagtail use it: set type = \"SecureString\""),
		lib.fail(username, "type", "type is \"String\" but the secrets of aws_ecs_task_definition.wagtail use it: set type = \"SecureString\""),
	} with input as inp
}

test_fail_secret_name_and_value_from_by_name if {
	token := parameter("module.app[\"eu\"].aws_ssm_parameter.token[0]", "/app/eu/api-token", "String", [])
	relative := parameter("aws_ssm_parameter.smtp", "smtp_password", "StringList", [])
	env_only := parameter("aws_ssm_parameter.host", "/app/db_host", "String", [])
	task := t.task("aws_ecs_task_definition.app", [{"name": "app", "secrets": [{"name": "SMTP", "valueFrom": "arn:aws:ssm:eu-west-2:123456789012:parameter/smtp_password"}]}], {"expressions": {"container_definitions": t.expression([t.ref("aws_ssm_parameter.host", "aws_ssm_parameter", "value")])}})
	inp := t.plan([token, relative, env_only, task], [])
	rule.applies == {"module.app[\"eu\"].aws_ssm_parameter.token[0]", "aws_ssm_parameter.smtp"} with input as inp
	rule.deny == {
		lib.fail(token, "type", "type is \"String\" but its name \"/app/eu/api-token\" looks secret: set type = \"SecureString\""),
		lib.fail(relative, "type", "type is \"StringList\" but the secrets of aws_ecs_task_definition.app use it: set type = \"SecureString\""),
	} with input as inp
}

test_unknown_type if {
	p := t.resource("aws_ssm_parameter", "aws_ssm_parameter.db_password", {"values": {"name": "/prod/DB_PASSWORD"}, "unknown": ["type"]})
	rule.deny == {lib.unknown(p, "type", "type is known only after apply and its name \"/prod/DB_PASSWORD\" looks secret")} with input as t.plan([p], [])
}
