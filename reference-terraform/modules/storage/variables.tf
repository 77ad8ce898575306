variable "bucket_name" {
  description = "Name of the media bucket (globally unique), e.g. wagtail-prod-media-<account id>."
  type        = string
}

variable "noncurrent_version_expiry_days" {
  description = "Overwritten or deleted media versions are kept this many days (recovery window), then expire."
  type        = number
  default     = 90
}

variable "aws" {
  description = "Account, region and partition the resources go to (passed in rather than looked up, so that planning needs no AWS call)."
  type = object({
    account_id = string
    region     = string
    partition  = optional(string, "aws")
  })
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
