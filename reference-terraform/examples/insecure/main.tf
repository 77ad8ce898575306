# The infrastructure spike's Terraform sketch ("5) How is the above implemented in Terraform?"),
# reproduced as written so that tfcheck's tests have a real plan of it. It is NOT an example to
# follow: fixtures/reference/insecure.expected-failures.txt lists the rules it breaks and why, and
# examples/wagtail is the corrected architecture. Where the spike leaves something to "our
# existing" modules (ECR, the ECS task, cymph_app.json), the closest plain reading is used and
# marked "assumed".

locals {
  wagtail_port = 5432
  region       = var.region
}

# --- 1. The RDS instance (the spike's module block, verbatim but for the source) -------------

module "wagtail_rds_instance" {
  # The spike: source = "terraform-aws-modules/rds-aurora/aws", version = "~> 2.0".
  # No registry is reachable here, so a local stand-in with v2's interface (see its README).
  source = "./modules/rds-aurora-v2"

  name           = "${var.region}-${var.stage}-wagtail-rds"
  engine         = "aurora-postgresql"
  engine_version = "11.9"
  instance_type  = "db.t3.medium"

  database_name = "wagtail"
  port          = local.wagtail_port

  deletion_protection = true

  iam_database_authentication_enabled = true

  iam_roles = [var.wagtail_rds_iam_role]

  vpc_id  = var.private_subnet_id
  subnets = var.subnets

  replica_count           = 1
  allowed_security_groups = [var.wagtail_ecs_sg]
  allowed_cidr_blocks     = [var.wagtail_cidr_range]

  storage_encrypted   = true
  apply_immediately   = true
  monitoring_interval = 10

  db_parameter_group_name         = "default"
  db_cluster_parameter_group_name = "default"

  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = {
    Environment = "${var.stage}"
  }
}

# --- 2. Handling our connection --------------------------------------------------------------

# "Database Username and Password: ... create SSM env values and allow the ECS task to access
# these." (assumed: plain String parameters, as the spike does not say SecureString)
resource "aws_ssm_parameter" "db_username" {
  name  = "/${var.stage}/wagtail/DB_USERNAME"
  type  = "String"
  value = module.wagtail_rds_instance.this_rds_cluster_master_username
  tags  = { Environment = var.stage }
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/${var.stage}/wagtail/DB_PASSWORD"
  type  = "String"
  value = module.wagtail_rds_instance.this_rds_cluster_master_password
  tags  = { Environment = var.stage }
}

# "IAM Authentication ... these statements will look like this" (the spike's JSON, verbatim:
# its account and cluster placeholders are literal text, not references).
resource "aws_iam_policy" "wagtail_rds_connect" {
  name = "${var.stage}-wagtail-rds-connect"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "rds-db:connect"
        ]
        Resource = [
          "arn:aws:rds-db:${local.region}:{local.account-number}:dbuser:{db-cluster-id}/db_userx",
        ]
      }
    ]
  })
  tags = { Environment = var.stage }
}

# --- 3. The ECS task -------------------------------------------------------------------------

# "we will need to create a new ECR resource ... as we already have an ECR module" (assumed:
# that module's repository at the provider's defaults: mutable tags, no scanning, AES256).
resource "aws_ecr_repository" "wagtail" {
  name = "${var.stage}-wagtail"
  tags = { Environment = var.stage }
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "wagtail_task" {
  name               = "${var.stage}-wagtail-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = { Environment = var.stage }
}

# Today's ECS module gives every task DynamoDB ("prevent all ECS tasks from having access to
# dynamo" is what the spike wants to change).
resource "aws_iam_role_policy" "wagtail_task_dynamo" {
  name = "dynamo"
  role = aws_iam_role.wagtail_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "dynamodb:*"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "wagtail_task_rds_connect" {
  role       = aws_iam_role.wagtail_task.name
  policy_arn = aws_iam_policy.wagtail_rds_connect.arn
}

resource "aws_iam_role" "wagtail_execution" {
  name               = "${var.stage}-wagtail-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = { Environment = var.stage }
}

resource "aws_iam_role_policy_attachment" "wagtail_execution" {
  role       = aws_iam_role.wagtail_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "wagtail_execution_ssm" {
  statement {
    actions = ["ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.db_username.arn,
      aws_ssm_parameter.db_password.arn,
    ]
  }
}

resource "aws_iam_role_policy" "wagtail_execution_ssm" {
  name   = "ssm-env"
  role   = aws_iam_role.wagtail_execution.id
  policy = data.aws_iam_policy_document.wagtail_execution_ssm.json
}

# "these will need to be passed into the template file, as we have done with values within
# cymph_app" - one fixed template (templates/cymph_app.json.tpl).
resource "aws_ecs_task_definition" "wagtail" {
  family                   = "${var.stage}-wagtail"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  task_role_arn            = aws_iam_role.wagtail_task.arn
  execution_role_arn       = aws_iam_role.wagtail_execution.arn

  container_definitions = templatefile("${path.module}/templates/cymph_app.json.tpl", {
    name            = "wagtail"
    image           = var.image
    region          = var.region
    stage           = var.stage
    db_host         = module.wagtail_rds_instance.this_rds_cluster_endpoint
    db_username_arn = aws_ssm_parameter.db_username.arn
    db_password_arn = aws_ssm_parameter.db_password.arn
  })

  tags = { Environment = var.stage }
}
