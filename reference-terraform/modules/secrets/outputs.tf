# ARNs are spelled out from the names so that task definitions that reference them are known
# when planning.

output "parameter_arns" {
  description = "ARN of every parameter, by name; use them as `valueFrom` in a container's `secrets`."
  value       = { for name in local.names : name => "arn:${var.aws.partition}:ssm:${var.aws.region}:${var.aws.account_id}:parameter${local.prefix}/${name}" }
}

output "parameter_names" {
  description = "Full name of every parameter, by name."
  value       = { for name in local.names : name => "${local.prefix}/${name}" }
}

output "kms_key_arn" {
  description = "Key that encrypts the parameters (the execution roles decrypt with it)."
  value       = module.key.arn
}
