package tfcheck.rules.ecs.no_plaintext_secrets_test

import data.tfcheck.lib
import data.tfcheck.lib.ecs_test as t
import data.tfcheck.rules.ecs.no_plaintext_secrets as rule

web := "module.service.aws_ecs_task_definition.web"

migrate := "module.service.aws_ecs_task_definition.migrate"

env(pairs) := [{"name": name, "value": value} | some [name, value] in pairs]

# The baseline's web container: configuration in environment, secrets from SSM.
baseline_web := t.task(
	web, [{
		"name": "wagtail",
		"environment": env([
			["ALLOWED_HOSTS", "cms.example.org"],
			["DATABASE_HOST", "db.wagtail.internal"],
			["DATABASE_IAM_AUTH", "true"],
			["DATABASE_USER", "wagtail"],
			["DJANGO_SETTINGS_MODULE", "wagtail_site.settings.production"],
		]),
		"secrets": [
			{"name": "DJANGO_SECRET_KEY", "valueFrom": "arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/django_secret_key"},
			{"name": "EMAIL_HOST_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-2:123456789012:parameter/wagtail/prod/email_host_password"},
		],
	}],
	{},
)

test_pass_baseline_web if {
	inp := t.plan([baseline_web], [])
	rule.applies == {web} with input as inp
	rule.deny == set() with input as inp
}

test_pass_pointers_to_secrets if {
	task := t.task(
		"aws_ecs_task_definition.app[0]", [{"name": "app", "environment": env([
			["AWS_SECRET_NAME", "prod/app/db"],
			["DB_PASSWORD_ARN", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:db"],
			["DB_SECRET", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:db"],
			["DATABASE_URL", "postgres://db.internal:5432/app"],
			["MAX_TOKENS", "4096"],
		])}],
		{},
	)
	rule.deny == set() with input as t.plan([task], [])
}

test_fail_secret_names_and_credentials_url if {
	task := t.task(
		"module.app[\"eu\"].aws_ecs_task_definition.worker", [
			{"name": "init", "image": "busybox"},
			{"name": "worker", "environment": env([
				["DB_PASSWORD", "hunter2"],
				["DATABASE_URL", "postgres://wagtail:hunter2@db.internal:5432/wagtail"],
				["STRIPE_API_KEY", "(sensitive)"],
				["LOG_LEVEL", "info"],
			])},
		],
		{},
	)
	rule.deny == {
		lib.fail(task, "container_definitions", "container \"worker\" sets DB_PASSWORD in environment (its name looks secret): pass it through secrets[].valueFrom (an SSM SecureString or Secrets Manager ARN)"),
		lib.fail(task, "container_definitions", "container \"worker\" sets DATABASE_URL in environment (its value is a URL with credentials): pass it through secrets[].valueFrom (an SSM SecureString or Secrets Manager ARN)"),
		lib.fail(task, "container_definitions", "container \"worker\" sets STRIPE_API_KEY in environment (its name looks secret): pass it through secrets[].valueFrom (an SSM SecureString or Secrets Manager ARN)"),
	} with input as t.plan([task], [])
}

# The baseline's migrate task: container_definitions references the master secret's ARN, known
# only after apply.
test_unknown_container_definitions_after_apply if {
	task := t.unknown_task(migrate, [t.ref("module.service.aws_ssm_parameter.django_secret_key", "aws_ssm_parameter", "name")])
	inp := t.plan([baseline_web, task], [])
	rule.applies == {web, migrate} with input as inp
	rule.deny == {lib.unknown(task, "container_definitions", "container_definitions is known only after apply: its environment cannot be read")} with input as inp
}
