output "name" {
  description = "Bucket name (from the input, so that what uses it is known when planning)."
  value       = var.name
}

output "arn" {
  description = "Bucket ARN."
  value       = local.arn
}

output "id" {
  description = "Bucket ID once created (depend on this to wait for the bucket)."
  value       = aws_s3_bucket.this.id
}
