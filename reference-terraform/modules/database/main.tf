# Aurora PostgreSQL: a writer and readers in other zones, encrypted with the module's own key,
# IAM authentication over TLS only (rds.force_ssl), the master password managed by RDS in
# Secrets Manager, Enhanced Monitoring, Performance Insights, the PostgreSQL log exported to an
# encrypted log group, daily backups with point-in-time recovery and a final snapshot.

locals {
  family         = "aurora-postgresql${split(".", var.engine_version)[0]}"
  log_group_name = "/aws/rds/cluster/${var.name}/postgresql"
  log_group_arn  = "arn:${var.aws.partition}:logs:${var.aws.region}:${var.aws.account_id}:log-group:${local.log_group_name}"
  cluster_arn    = "arn:${var.aws.partition}:rds:${var.aws.region}:${var.aws.account_id}:cluster:${var.name}"
}

module "key" {
  source = "../kms"

  alias          = "${var.name}-database"
  description    = "Aurora storage, Performance Insights, master secret and logs of ${var.name}"
  aws            = var.aws
  log_group_arns = [local.log_group_arn]
  tags           = var.tags
}

resource "aws_db_subnet_group" "this" {
  name        = var.name
  description = "Isolated database subnets of ${var.name}"
  subnet_ids  = var.subnet_ids
  tags        = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-database"
  description = "Aurora ${var.name}: PostgreSQL from the listed security groups only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-database" })
}

resource "aws_vpc_security_group_ingress_rule" "postgresql" {
  for_each = var.allowed_security_groups

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  referenced_security_group_id = each.value
  tags                         = var.tags
}

resource "aws_rds_cluster_parameter_group" "this" {
  name        = "${var.name}-${local.family}"
  family      = local.family
  description = "${var.name}: TLS required, slow statements logged"
  tags        = var.tags

  # IAM authentication tokens must travel over TLS; refuse every unencrypted connection.
  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "log_min_duration_statement"
    value        = tostring(var.log_min_duration_statement_ms)
    apply_method = "immediate"
  }

  parameter {
    name         = "log_connections"
    value        = "1"
    apply_method = "immediate"
  }

  lifecycle {
    create_before_destroy = true
  }
}

# Created before the cluster, so that RDS writes into a group that is encrypted and expires.
resource "aws_cloudwatch_log_group" "postgresql" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = module.key.arn
  tags              = var.tags
}

data "aws_iam_policy_document" "monitoring_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "monitoring" {
  name               = "${var.name}-rds-monitoring"
  assume_role_policy = data.aws_iam_policy_document.monitoring_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:${var.aws.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.name
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  port               = var.port

  master_username               = var.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = module.key.arn

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  storage_encrypted                   = true
  kms_key_id                          = module.key.arn
  iam_database_authentication_enabled = true
  deletion_protection                 = var.deletion_protection

  backup_retention_period      = var.backup_retention_days
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = var.preferred_maintenance_window
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name}-final"

  enabled_cloudwatch_logs_exports = ["postgresql"]
  allow_major_version_upgrade     = false
  apply_immediately               = false

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.postgresql]
}

resource "aws_rds_cluster_instance" "this" {
  count = length(var.availability_zones)

  identifier         = "${var.name}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.this.id
  engine             = aws_rds_cluster.this.engine
  engine_version     = aws_rds_cluster.this.engine_version
  instance_class     = var.instance_class
  availability_zone  = var.availability_zones[count.index]
  promotion_tier     = 1

  db_subnet_group_name       = aws_db_subnet_group.this.name
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  copy_tags_to_snapshot      = true
  apply_immediately          = false

  monitoring_interval                   = var.monitoring_interval
  monitoring_role_arn                   = aws_iam_role.monitoring.arn
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = module.key.arn
  performance_insights_retention_period = var.performance_insights_retention_days

  tags = var.tags
}

# --- IAM for the application and for the bootstrap task ------------------------------------

# One policy per IAM database user: rds-db:connect on dbuser:<cluster resource id>/<user>.
data "aws_iam_policy_document" "connect" {
  for_each = toset(var.iam_database_users)

  statement {
    sid       = "ConnectWithIamToken"
    actions   = ["rds-db:connect"]
    resources = ["arn:${var.aws.partition}:rds-db:${var.aws.region}:${var.aws.account_id}:dbuser:${aws_rds_cluster.this.cluster_resource_id}/${each.key}"]
  }
}

# What the one-off bootstrap task needs to log in as the master user once: read the secret that
# RDS manages and decrypt it.
data "aws_iam_policy_document" "bootstrap" {
  statement {
    sid       = "ReadMasterSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_rds_cluster.this.master_user_secret[0].secret_arn]
  }

  statement {
    sid       = "DecryptMasterSecret"
    actions   = ["kms:Decrypt"]
    resources = [module.key.arn]
  }
}
