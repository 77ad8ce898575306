# Resources of terraform-aws-modules/rds-aurora v2 as the spike's arguments exercise them
# (see README.md for the two substitutions).

locals {
  port                        = var.port == "" ? (var.engine == "aurora-postgresql" ? "5432" : "3306") : var.port
  generated_password          = "StandInForRandomPassword0" # random_password.master_password.result
  master_password             = var.password == "" ? local.generated_password : var.password
  db_subnet_group_name        = join("", aws_db_subnet_group.this[*].name)
  rds_enhanced_monitoring_arn = join("", aws_iam_role.rds_enhanced_monitoring[*].arn)
  rds_security_group_id       = join("", aws_security_group.this[*].id)
  name                        = "aurora-${var.name}"
}

resource "aws_db_subnet_group" "this" {
  count = var.create_cluster ? 1 : 0

  name        = local.name
  description = "For Aurora cluster ${var.name}"
  subnet_ids  = var.subnets
  tags        = merge(var.tags, { Name = local.name })
}

resource "aws_rds_cluster" "this" {
  count = var.create_cluster ? 1 : 0

  cluster_identifier                  = var.name
  engine                              = var.engine
  engine_mode                         = var.engine_mode
  engine_version                      = var.engine_version
  kms_key_id                          = var.kms_key_id
  database_name                       = var.database_name
  master_username                     = var.username
  master_password                     = local.master_password
  final_snapshot_identifier           = "${var.final_snapshot_identifier_prefix}-${var.name}-${var.snapshot_identifier_suffix}"
  skip_final_snapshot                 = var.skip_final_snapshot
  deletion_protection                 = var.deletion_protection
  backup_retention_period             = var.backup_retention_period
  preferred_backup_window             = var.preferred_backup_window
  preferred_maintenance_window        = var.preferred_maintenance_window
  port                                = local.port
  db_subnet_group_name                = local.db_subnet_group_name
  vpc_security_group_ids              = compact(aws_security_group.this[*].id)
  storage_encrypted                   = var.storage_encrypted
  apply_immediately                   = var.apply_immediately
  db_cluster_parameter_group_name     = var.db_cluster_parameter_group_name
  iam_database_authentication_enabled = var.iam_database_authentication_enabled
  copy_tags_to_snapshot               = var.copy_tags_to_snapshot
  iam_roles                           = var.iam_roles
  enabled_cloudwatch_logs_exports     = var.enabled_cloudwatch_logs_exports
  tags                                = var.tags
}

resource "aws_rds_cluster_instance" "this" {
  count = var.create_cluster ? var.replica_count : 0

  identifier                   = "${var.name}-${count.index + 1}"
  cluster_identifier           = aws_rds_cluster.this[0].id
  engine                       = var.engine
  engine_version               = var.engine_version
  instance_class               = var.instance_type
  publicly_accessible          = var.publicly_accessible
  db_subnet_group_name         = local.db_subnet_group_name
  db_parameter_group_name      = var.db_parameter_group_name
  preferred_maintenance_window = var.preferred_maintenance_window
  apply_immediately            = var.apply_immediately
  monitoring_role_arn          = local.rds_enhanced_monitoring_arn
  monitoring_interval          = var.monitoring_interval
  auto_minor_version_upgrade   = var.auto_minor_version_upgrade
  promotion_tier               = count.index + 1
  performance_insights_enabled = var.performance_insights_enabled
  tags                         = var.tags
}

data "aws_iam_policy_document" "monitoring_rds_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "rds_enhanced_monitoring" {
  count = var.create_cluster && var.create_monitoring_role && var.monitoring_interval > 0 ? 1 : 0

  name               = "rds-enhanced-monitoring-${var.name}"
  assume_role_policy = data.aws_iam_policy_document.monitoring_rds_assume_role.json
  tags               = merge(var.tags, { Name = local.name })
}

resource "aws_iam_role_policy_attachment" "rds_enhanced_monitoring" {
  count = var.create_cluster && var.create_monitoring_role && var.monitoring_interval > 0 ? 1 : 0

  role       = aws_iam_role.rds_enhanced_monitoring[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_security_group" "this" {
  count = var.create_cluster && var.create_security_group ? 1 : 0

  name_prefix = "${var.name}-"
  vpc_id      = var.vpc_id
  description = "Control traffic to/from RDS Aurora ${var.name}"
  tags        = merge(var.tags, { Name = local.name })
}

resource "aws_security_group_rule" "default_ingress" {
  count = var.create_cluster && var.create_security_group ? length(var.allowed_security_groups) : 0

  description              = "From allowed SGs"
  type                     = "ingress"
  from_port                = aws_rds_cluster.this[0].port
  to_port                  = aws_rds_cluster.this[0].port
  protocol                 = "tcp"
  source_security_group_id = element(var.allowed_security_groups, count.index)
  security_group_id        = local.rds_security_group_id
}

resource "aws_security_group_rule" "cidr_ingress" {
  count = var.create_cluster && var.create_security_group && length(var.allowed_cidr_blocks) > 0 ? 1 : 0

  description       = "From allowed CIDRs"
  type              = "ingress"
  from_port         = aws_rds_cluster.this[0].port
  to_port           = aws_rds_cluster.this[0].port
  protocol          = "tcp"
  cidr_blocks       = var.allowed_cidr_blocks
  security_group_id = local.rds_security_group_id
}
