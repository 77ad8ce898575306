# METADATA
# title: ECR repository has a lifecycle policy
# description: >-
#   Without a lifecycle policy a repository keeps every image ever pushed: storage grows, and old
#   vulnerable images stay available to run. An aws_ecr_lifecycle_policy points at the repository,
#   by reference or by its known name. UNKNOWN when no policy does but a lifecycle policy's repository
#   is known only after apply and resolves to no repository.
# custom:
#   id: TFC-ECR-004
#   severity: LOW
#   tier: baseline
#   resource_types: [aws_ecr_repository, aws_ecr_lifecycle_policy]
#   controls:
#     fsbp: [ECR.3]
#   parameters: {}
#   recommended_action: Add an aws_ecr_lifecycle_policy that expires untagged images and keeps the last N releases.
#   avoid: |
#     resource "aws_ecr_repository" "app" {
#       name = "app"
#     }
#   prefer: |
#     resource "aws_ecr_lifecycle_policy" "app" {
#       repository = aws_ecr_repository.app.name
#       policy = jsonencode({ rules = [{
#         rulePriority = 1
#         selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 7 }
#         action       = { type = "expire" }
#       }] })
#     }
package tfcheck.rules.ecr.lifecycle_policy

import data.tfcheck.lib

applies contains r.address if some r in lib.resources({"aws_ecr_repository"})

deny contains lib.fail(r, "", "no aws_ecr_lifecycle_policy points at the repository: expire untagged and old images") if {
	some r in lib.resources({"aws_ecr_repository"})
	count(lib.attached(r, "aws_ecr_lifecycle_policy", "repository", "name")) == 0
	not unresolved_policy
}

deny contains lib.unknown(r, "", concat("", ["no aws_ecr_lifecycle_policy points at the repository, and the repository of ", policy.address, " is known only after apply"])) if {
	some r in lib.resources({"aws_ecr_repository"})
	count(lib.attached(r, "aws_ecr_lifecycle_policy", "repository", "name")) == 0
	some policy in unresolved_policies
}

# unresolved_policies: lifecycle policies whose repository is unknown and references no repository.
unresolved_policies contains policy if {
	some policy in lib.resources({"aws_ecr_lifecycle_policy"})
	lib.is_unknown(policy, "repository")
	not lib.references_type(policy, "repository", {"aws_ecr_repository"})
}

unresolved_policy if count(unresolved_policies) > 0
