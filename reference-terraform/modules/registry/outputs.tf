# ARN and URL are spelled out from the inputs (they are what AWS will assign), so that task
# definitions and IAM policies that use them are known when planning.

output "name" {
  description = "Repository name."
  value       = aws_ecr_repository.this.name
}

output "arn" {
  description = "Repository ARN."
  value       = "arn:${var.aws.partition}:ecr:${var.aws.region}:${var.aws.account_id}:repository/${var.name}"
}

output "repository_url" {
  description = "Registry URL of the repository, for docker push and image references (append :tag)."
  value       = "${var.aws.account_id}.dkr.ecr.${var.aws.region}.amazonaws.com/${var.name}"
}

output "kms_key_arn" {
  description = "Key that encrypts the images."
  value       = module.key.arn
}
