variable "name" {
  description = "Cluster identifier and name prefix, e.g. wagtail-prod."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the DB subnet group (the network module's database tier), at least two zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "An Aurora subnet group needs subnets in at least two availability zones."
  }
}

variable "availability_zones" {
  description = "One DB instance per zone, in this order; the first becomes the writer, the others readers (failover targets)."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "Give at least two distinct zones: a writer and a reader in another zone."
  }
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect to the database port, by a static name (e.g. { web = sg-... }). There is deliberately no CIDR input."
  type        = map(string)
}

variable "engine_version" {
  description = "Aurora PostgreSQL version (major 14 or later)."
  type        = string
  default     = "16.6"

  validation {
    condition     = tonumber(split(".", var.engine_version)[0]) >= 14
    error_message = "Use Aurora PostgreSQL 14 or later; 11 and 12 are end of life."
  }
}

variable "instance_class" {
  description = "Instance class of every instance (writer and readers are the same size, so a failover keeps capacity)."
  type        = string
  default     = "db.r7g.large"
}

variable "database_name" {
  description = "Database created with the cluster."
  type        = string
  default     = "wagtail"
}

variable "master_username" {
  description = "Master user. Its password is generated and rotated by RDS in Secrets Manager; the application never uses it."
  type        = string
  default     = "wagtail_admin"
}

variable "iam_database_users" {
  description = "Database users that log in with IAM tokens (created by the bootstrap task); one rds-db:connect policy each."
  type        = list(string)
  default     = ["wagtail"]
}

variable "port" {
  description = "PostgreSQL port."
  type        = number
  default     = 5432
}

variable "backup_retention_days" {
  description = "Days of automated backups (the point-in-time recovery window), 7 to 35."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 7 and 35."
  }
}

variable "preferred_backup_window" {
  description = "Daily backup window (UTC)."
  type        = string
  default     = "02:00-03:00"
}

variable "preferred_maintenance_window" {
  description = "Weekly maintenance window (UTC); must not overlap the backup window."
  type        = string
  default     = "sun:03:30-sun:04:30"
}

variable "monitoring_interval" {
  description = "Enhanced Monitoring interval in seconds."
  type        = number
  default     = 15

  validation {
    condition     = contains([1, 5, 10, 15, 30, 60], var.monitoring_interval)
    error_message = "monitoring_interval must be one of 1, 5, 10, 15, 30, 60."
  }
}

variable "performance_insights_retention_days" {
  description = "Performance Insights retention: 7 (free tier), or a multiple of 31 up to 731."
  type        = number
  default     = 7
}

variable "log_retention_days" {
  description = "Retention of the exported PostgreSQL log (0 = never expire)."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days == 0 || var.log_retention_days >= 90
    error_message = "Keep database logs for at least 90 days (or 0 = never expire)."
  }
}

variable "log_min_duration_statement_ms" {
  description = "Statements slower than this are logged (-1 = off)."
  type        = number
  default     = 1000
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster. Turn off only in a change of its own, right before a planned destroy."
  type        = bool
  default     = true
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
