output "name" {
  description = "Cluster name."
  value       = aws_ecs_cluster.this.name
}

output "arn" {
  description = "Cluster ARN."
  value       = aws_ecs_cluster.this.arn
}

output "log_group_prefix" {
  description = "Services of this cluster put their log groups under this prefix (the log key only serves these)."
  value       = local.log_group_prefix
}

output "log_kms_key_arn" {
  description = "Key for the services' log groups."
  value       = module.log_key.arn
}
