# The values scripts/plan-reference.sh plans with (no AWS account is involved: the plan runs with
# mock credentials). 123456789012 is AWS's documentation account ID; the certificate does not
# exist. Copy this file and put your own values in it to deploy.
environment        = "prod"
account_id         = "123456789012"
region             = "eu-west-2"
availability_zones = ["eu-west-2a", "eu-west-2b", "eu-west-2c"]
domain_name        = "cms.example.org"
certificate_arn    = "arn:aws:acm:eu-west-2:123456789012:certificate/00000000-0000-4000-8000-000000000000"
image_tag          = "2026.11.0"
