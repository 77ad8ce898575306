output "cluster_identifier" {
  description = "Identifier of the cluster."
  value       = aws_rds_cluster.this.cluster_identifier
}

output "cluster_arn" {
  description = "ARN of the cluster."
  value       = local.cluster_arn
}

output "cluster_resource_id" {
  description = "The cluster's resource ID (cluster-...), the part of rds-db:connect ARNs that names the cluster."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "endpoint" {
  description = "Writer endpoint. Connect with this name: IAM tokens and TLS verify-full are bound to it."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint (load-balanced over the readers)."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = var.port
}

output "database_name" {
  description = "Name of the database."
  value       = var.database_name
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}

output "kms_key_arn" {
  description = "Key that encrypts storage, Performance Insights, the master secret and the log group."
  value       = module.key.arn
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (managed by RDS) holding the master credentials; only the bootstrap task reads it."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "connect_policy_json" {
  description = "Per IAM database user: a policy document allowing rds-db:connect as that user, to hand to the task role that needs it."
  value       = { for user, document in data.aws_iam_policy_document.connect : user => document.json }
}

output "bootstrap_policy_json" {
  description = "Policy document for the bootstrap task role: read and decrypt the master secret."
  value       = data.aws_iam_policy_document.bootstrap.json
}

output "log_group_name" {
  description = "Log group of the exported PostgreSQL log."
  value       = aws_cloudwatch_log_group.postgresql.name
}
