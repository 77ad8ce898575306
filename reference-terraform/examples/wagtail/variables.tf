variable "environment" {
  description = "Environment name (prod, staging, ...); part of every resource name."
  type        = string
}

variable "account_id" {
  description = "AWS account to deploy into (passed in so that a plan needs no AWS call)."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "availability_zones" {
  description = "Zones to use (at least two); the database writer goes to the first, a reader to the second."
  type        = list(string)
}

variable "vpc_cidr" {
  description = "CIDR of the VPC."
  type        = string
  default     = "10.20.0.0/16"
}

variable "domain_name" {
  description = "Host name of the site (the certificate must cover it; point its DNS alias at the load balancer)."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate for domain_name, in this region."
  type        = string
}

variable "image_tag" {
  description = "Tag of the Wagtail image in the ECR repository (immutable: a tag names one image forever)."
  type        = string
}

variable "database_instance_class" {
  description = "Aurora instance class (writer and reader alike)."
  type        = string
  default     = "db.r7g.large"
}

variable "web_cpu" {
  description = "CPU units of a web task (1024 = 1 vCPU)."
  type        = number
  default     = 512
}

variable "web_memory" {
  description = "Memory of a web task in MiB."
  type        = number
  default     = 1024
}

variable "web_min_tasks" {
  description = "Fewest web tasks (at least two: one per zone)."
  type        = number
  default     = 2
}

variable "web_max_tasks" {
  description = "Most web tasks autoscaling may run."
  type        = number
  default     = 6
}

variable "database_ssl_root_cert" {
  description = "Path of the RDS CA bundle inside the image (verify-full needs it)."
  type        = string
  default     = "/etc/ssl/certs/rds-global-bundle.pem"
}
