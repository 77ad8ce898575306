output "bucket_name" {
  description = "Name of the media bucket (from the input, so that task definitions using it are known when planning)."
  value       = module.bucket.name
}

output "bucket_arn" {
  description = "ARN of the media bucket."
  value       = module.bucket.arn
}

output "kms_key_arn" {
  description = "Key that encrypts the media."
  value       = module.key.arn
}

output "read_write_policy_json" {
  description = "Policy document granting read, write and delete on the media (for a task role)."
  value       = data.aws_iam_policy_document.read_write.json
}
