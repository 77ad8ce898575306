variable "name" {
  description = "Cluster name, e.g. wagtail-prod."
  type        = string
}

variable "container_insights" {
  description = "CloudWatch Container Insights: enabled, or enhanced (per-task and per-container metrics)."
  type        = string
  default     = "enhanced"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "container_insights must be enabled or enhanced."
  }
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
