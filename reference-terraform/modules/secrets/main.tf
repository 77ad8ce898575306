# SSM Parameter Store SecureStrings, encrypted with the module's own key, for ECS tasks to read
# through the container definition's `secrets` (the execution role injects them at start; they
# never appear in the task definition). The database password is not here: Aurora's master
# password is managed by RDS in Secrets Manager and the application logs in with IAM tokens.

locals {
  prefix = "/${var.name}"
  names  = setunion(var.secret_names, keys(var.values))
}

module "key" {
  source = "../kms"

  alias       = "${var.name}-parameters"
  description = "SSM parameters under ${local.prefix}/"
  aws         = var.aws
  tags        = var.tags
}

resource "aws_ssm_parameter" "secret" {
  for_each = var.secret_names

  name        = "${local.prefix}/${each.key}"
  description = "Secret ${each.key} of ${var.name}; its value is set outside Terraform"
  type        = "SecureString"
  key_id      = module.key.arn
  value       = var.placeholder
  tags        = var.tags

  lifecycle {
    # The real value is written with put-parameter and must never be overwritten by Terraform.
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "value" {
  for_each = var.values

  name        = "${local.prefix}/${each.key}"
  description = "${each.key} of ${var.name}, maintained by Terraform"
  type        = "SecureString"
  key_id      = module.key.arn
  value       = each.value
  tags        = var.tags

  lifecycle {
    precondition {
      condition     = !contains(var.secret_names, each.key)
      error_message = "A parameter name is both in secret_names and in values."
    }
  }
}
