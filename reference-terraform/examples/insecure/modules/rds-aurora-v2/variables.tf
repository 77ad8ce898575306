# The subset of terraform-aws-modules/rds-aurora v2 variables that the spike's sketch touches,
# with v2's defaults.

variable "create_cluster" {
  description = "Whether the cluster is created."
  type        = bool
  default     = true
}

variable "name" {
  description = "Name given to resources."
  type        = string
}

variable "subnets" {
  description = "Subnets of the DB subnet group."
  type        = list(string)
  default     = []
}

variable "replica_count" {
  description = "Number of instances (v2 creates this many, the first being the writer)."
  type        = number
  default     = 1
}

variable "allowed_security_groups" {
  description = "Security groups allowed in."
  type        = list(string)
  default     = []
}

variable "allowed_cidr_blocks" {
  description = "CIDR blocks allowed in."
  type        = list(string)
  default     = []
}

variable "vpc_id" {
  description = "VPC of the security group."
  type        = string
}

variable "instance_type" {
  description = "Instance class."
  type        = string
}

variable "publicly_accessible" {
  description = "Whether the instances get public addresses."
  type        = bool
  default     = false
}

variable "database_name" {
  description = "Database created with the cluster."
  type        = string
  default     = ""
}

variable "username" {
  description = "Master user."
  type        = string
  default     = "root"
}

variable "password" {
  description = "Master password; generated when empty."
  type        = string
  default     = ""
}

variable "final_snapshot_identifier_prefix" {
  description = "Prefix of the final snapshot name."
  type        = string
  default     = "final"
}

variable "snapshot_identifier_suffix" {
  description = "Stands in for random_id.snapshot_identifier.hex."
  type        = string
  default     = "6d1f0a3c"
}

variable "skip_final_snapshot" {
  description = "Skip the final snapshot on delete."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Deletion protection."
  type        = bool
  default     = false
}

variable "backup_retention_period" {
  description = "Days of backups."
  type        = number
  default     = 7
}

variable "preferred_backup_window" {
  description = "Backup window."
  type        = string
  default     = "02:00-03:00"
}

variable "preferred_maintenance_window" {
  description = "Maintenance window."
  type        = string
  default     = "sun:05:00-sun:06:00"
}

variable "port" {
  description = "Port; derived from the engine when empty."
  type        = string
  default     = ""
}

variable "apply_immediately" {
  description = "Apply changes immediately."
  type        = bool
  default     = false
}

variable "monitoring_interval" {
  description = "Enhanced Monitoring interval (0 = off)."
  type        = number
  default     = 0
}

variable "auto_minor_version_upgrade" {
  description = "Minor upgrades in the maintenance window."
  type        = bool
  default     = true
}

variable "db_parameter_group_name" {
  description = "Instance parameter group."
  type        = string
  default     = "default.aurora5.6"
}

variable "db_cluster_parameter_group_name" {
  description = "Cluster parameter group."
  type        = string
  default     = "default.aurora5.6"
}

variable "storage_encrypted" {
  description = "Encrypt storage."
  type        = bool
  default     = true
}

variable "kms_key_id" {
  description = "KMS key for storage (empty = the AWS managed key)."
  type        = string
  default     = ""
}

variable "engine" {
  description = "Engine."
  type        = string
  default     = "aurora"
}

variable "engine_version" {
  description = "Engine version."
  type        = string
  default     = "5.6.10a"
}

variable "engine_mode" {
  description = "Engine mode."
  type        = string
  default     = "provisioned"
}

variable "performance_insights_enabled" {
  description = "Performance Insights."
  type        = bool
  default     = false
}

variable "iam_database_authentication_enabled" {
  description = "IAM database authentication."
  type        = bool
  default     = false
}

variable "enabled_cloudwatch_logs_exports" {
  description = "Logs exported to CloudWatch."
  type        = list(string)
  default     = []
}

variable "iam_roles" {
  description = "IAM roles associated with the cluster."
  type        = list(string)
  default     = []
}

variable "copy_tags_to_snapshot" {
  description = "Copy tags to snapshots."
  type        = bool
  default     = false
}

variable "create_security_group" {
  description = "Whether the security group is created."
  type        = bool
  default     = true
}

variable "create_monitoring_role" {
  description = "Whether the Enhanced Monitoring role is created."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
