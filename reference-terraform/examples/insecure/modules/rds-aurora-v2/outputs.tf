# v2's output names.

output "this_rds_cluster_id" {
  description = "Cluster ID."
  value       = join("", aws_rds_cluster.this[*].id)
}

output "this_rds_cluster_resource_id" {
  description = "Cluster resource ID."
  value       = join("", aws_rds_cluster.this[*].cluster_resource_id)
}

output "this_rds_cluster_endpoint" {
  description = "Writer endpoint."
  value       = join("", aws_rds_cluster.this[*].endpoint)
}

output "this_rds_cluster_master_username" {
  description = "Master user."
  value       = join("", aws_rds_cluster.this[*].master_username)
}

output "this_rds_cluster_master_password" {
  description = "Master password."
  value       = local.master_password
  sensitive   = true
}

output "this_security_group_id" {
  description = "Security group ID."
  value       = local.rds_security_group_id
}
