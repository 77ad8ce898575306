output "arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "ARN suffix (CloudWatch metric dimension)."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  description = "DNS name to point the site's alias record at."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone of the load balancer (for a Route 53 alias record)."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Security group of the load balancer (services allow their port from it)."
  value       = aws_security_group.this.id
}

output "https_listener_arn" {
  description = "HTTPS listener; services add their host rules to it."
  value       = aws_lb_listener.https.arn
}

output "access_log_bucket" {
  description = "Bucket of the access logs."
  value       = module.access_logs.name
}
