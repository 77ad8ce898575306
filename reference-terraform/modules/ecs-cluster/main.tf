# The ECS cluster on its own, so that any number of services (the service module) share it,
# and the key that encrypts their log groups, which live under /ecs/<cluster>/.

locals {
  log_group_prefix = "/ecs/${var.name}"
}

module "log_key" {
  source = "../kms"

  alias          = "${var.name}-ecs-logs"
  description    = "Log groups of the services in the ECS cluster ${var.name}"
  aws            = var.aws
  log_group_arns = ["arn:${var.aws.partition}:logs:${var.aws.region}:${var.aws.account_id}:log-group:${local.log_group_prefix}/*"]
  tags           = var.tags
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}
