variable "name" {
  description = "Name of the environment, e.g. wagtail-prod: parameters live under /<name>/ and the key is alias/<name>-parameters."
  type        = string
}

variable "secret_names" {
  description = <<-EOT
    Parameters holding secrets that Terraform must never see (e.g. django-secret-key). Terraform
    creates each one as a SecureString with a placeholder and then ignores its value; an operator
    sets the real value once with `aws ssm put-parameter --overwrite` (see the module README).
  EOT
  type        = set(string)
  default     = []
}

variable "values" {
  description = "Parameters whose value Terraform knows and keeps up to date (e.g. the database endpoint), by a static name. Also SecureString: whatever a task reads through `secrets` is encrypted."
  type        = map(string)
  default     = {}
}

variable "placeholder" {
  description = "Value a secret parameter is created with, until an operator replaces it."
  type        = string
  default     = "UNSET: replace with aws ssm put-parameter --overwrite"
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
