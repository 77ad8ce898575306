variable "alias" {
  description = "Alias name without the alias/ prefix, e.g. wagtail-prod-database."
  type        = string
}

variable "description" {
  description = "What the key encrypts."
  type        = string
}

variable "log_group_arns" {
  description = "CloudWatch Logs log group ARNs (wildcards allowed) that may encrypt with this key. Empty: CloudWatch Logs gets no access."
  type        = list(string)
  default     = []
}

variable "deletion_window_in_days" {
  description = "Waiting period before a scheduled deletion takes effect."
  type        = number
  default     = 30
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
  description = "Tags for the key."
  type        = map(string)
  default     = {}
}
