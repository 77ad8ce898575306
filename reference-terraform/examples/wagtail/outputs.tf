output "load_balancer_dns_name" {
  description = "Point domain_name's alias (or CNAME) record here."
  value       = module.edge.dns_name
}

output "load_balancer_zone_id" {
  description = "Hosted zone of the load balancer, for a Route 53 alias record."
  value       = module.edge.zone_id
}

output "repository_url" {
  description = "Push the Wagtail image here (docker push <url>:<tag>)."
  value       = module.registry.repository_url
}

output "django_secret_key_parameter" {
  description = "Set the Django secret key here once (aws ssm put-parameter --overwrite ...)."
  value       = module.secrets.parameter_names["django-secret-key"]
}

output "migrate_command" {
  description = "Starts the one-off migrate task (bootstrap the IAM database user, then manage.py migrate); prints the task ARN."
  value       = module.wagtail.run_task_commands["migrate"]
}

output "database_endpoint" {
  description = "Writer endpoint of the Aurora cluster."
  value       = module.database.endpoint
}

output "media_bucket" {
  description = "Bucket of the uploaded media."
  value       = module.storage.bucket_name
}

output "log_group" {
  description = "Log group of the Wagtail containers."
  value       = module.wagtail.log_group_name
}
