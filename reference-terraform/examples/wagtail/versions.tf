terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region = var.region

  # Refuse to run against any other account than the one the variables describe.
  allowed_account_ids = [var.account_id]

  # Every taggable resource carries these (tfcheck's TFC-TAG-001 requires Environment).
  default_tags {
    tags = {
      Environment = var.environment
      Application = "wagtail"
      ManagedBy   = "terraform"
      Repository  = "tfcheck/reference-terraform"
    }
  }
}
