variable "name" {
  description = "Name prefix for every resource, e.g. wagtail-prod."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC; a /16 leaves room for the three subnet tiers."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 18
    error_message = "cidr_block must be an IPv4 CIDR of /18 or larger."
  }
}

variable "availability_zones" {
  description = "Availability zones to spread the subnets over (names, e.g. eu-west-2a). Passed in rather than looked up, so that a plan needs no AWS call."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "Give at least two distinct availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper; outbound traffic stops if its zone fails) instead of one per zone."
  type        = bool
  default     = false
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow log group (0 = never expire)."
  type        = number
  default     = 365

  validation {
    condition     = var.flow_log_retention_days == 0 || var.flow_log_retention_days >= 90
    error_message = "Keep flow logs for at least 90 days (or 0 = never expire)."
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
  description = "Tags added to every resource (the provider's default_tags apply too)."
  type        = map(string)
  default     = {}
}
