variable "name" {
  description = "Load balancer name and prefix, e.g. wagtail-prod (at most 32 characters)."
  type        = string

  validation {
    condition     = length(var.name) <= 32
    error_message = "An ALB name has at most 32 characters."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets in at least two zones."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An Application Load Balancer needs subnets in at least two zones."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener (issued and validated outside this module)."
  type        = string
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener: TLS 1.3 preferred, TLS 1.2 still accepted."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = startswith(var.ssl_policy, "ELBSecurityPolicy-TLS13-")
    error_message = "Use a TLS 1.3 policy (ELBSecurityPolicy-TLS13-...)."
  }
}

variable "ingress_cidr_ipv4" {
  description = "Who may reach ports 80 and 443 (everyone, for a public site)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "idle_timeout" {
  description = "Seconds an idle connection stays open (keep it above gunicorn's keepalive)."
  type        = number
  default     = 60
}

variable "deletion_protection" {
  description = "Refuse to delete the load balancer."
  type        = bool
  default     = true
}

variable "access_log_retention_days" {
  description = "Days access logs are kept in their bucket."
  type        = number
  default     = 365
}

variable "elb_log_delivery_account_ids" {
  description = "Elastic Load Balancing's log-delivery account per region, for regions opened before August 2022; other regions use the logdelivery.elasticloadbalancing.amazonaws.com service principal. Values from the ELB user guide (Enable access logs for your Application Load Balancer)."
  type        = map(string)
  default = {
    us-east-1      = "127311923021"
    us-east-2      = "033677994240"
    us-west-1      = "027434742980"
    us-west-2      = "797873946194"
    af-south-1     = "098369216593"
    ap-east-1      = "754344448648"
    ap-south-1     = "718504428378"
    ap-northeast-1 = "582318560864"
    ap-northeast-2 = "600734575887"
    ap-northeast-3 = "383597477331"
    ap-southeast-1 = "114774131450"
    ap-southeast-2 = "783225319266"
    ca-central-1   = "985666609251"
    eu-central-1   = "054676820928"
    eu-west-1      = "156460612806"
    eu-west-2      = "652711504416"
    eu-west-3      = "009996457667"
    eu-south-1     = "635631232127"
    eu-north-1     = "897822967062"
    me-south-1     = "076674570225"
    sa-east-1      = "507241528517"
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
