variable "name" {
  description = "Bucket name (globally unique)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed key for SSE-KMS (with an S3 Bucket Key). Null: SSE-S3 (AES256), which is what ALB access logs require."
  type        = string
  default     = null
}

variable "versioning" {
  description = "Keep previous versions of overwritten and deleted objects."
  type        = bool
  default     = false
}

variable "expiration_days" {
  description = "Objects expire this many days after creation. Null: never."
  type        = number
  default     = null
}

variable "noncurrent_version_expiration_days" {
  description = "Previous versions expire this many days after they stop being current. Null: never (only with versioning)."
  type        = number
  default     = null
}

variable "policy_documents" {
  description = "Further bucket policy documents (JSON) to merge with the module's own statement that refuses requests without TLS."
  type        = list(string)
  default     = []
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
  description = "Tags for the bucket."
  type        = map(string)
  default     = {}
}
