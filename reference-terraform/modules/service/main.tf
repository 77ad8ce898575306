# One ECS Fargate service plus the one-off tasks that belong to it (e.g. migrations), decoupled
# as the spike asked: the cluster comes from outside, every task definition has its own task role
# holding only the policies passed in for it, and container definitions are built from inputs
# instead of a fixed template file.

locals {
  log_group_name = "${var.log_group_prefix}/${var.name}"
  log_group_arn  = "arn:${var.aws.partition}:logs:${var.aws.region}:${var.aws.account_id}:log-group:${local.log_group_name}"

  container_definitions = {
    for task, definition in var.task_definitions : task => [
      for c in definition.containers : {
        # Unset optional fields are left out rather than sent as null.
        for key, value in {
          name                   = c.name
          image                  = coalesce(c.image, var.image)
          essential              = c.essential
          command                = c.command
          user                   = c.user
          stopTimeout            = c.stop_timeout
          readonlyRootFilesystem = true
          privileged             = false
          linuxParameters        = { initProcessEnabled = true }
          mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
          portMappings           = c.port == null ? null : [{ containerPort = c.port, hostPort = c.port, protocol = "tcp" }]
          environment            = length(c.environment) == 0 ? null : [for name in sort(keys(c.environment)) : { name = name, value = c.environment[name] }]
          secrets                = length(c.secrets) == 0 ? null : [for name in sort(keys(c.secrets)) : { name = name, valueFrom = c.secrets[name] }]
          dependsOn              = length(c.depends_on) == 0 ? null : [for name in sort(keys(c.depends_on)) : { containerName = name, condition = c.depends_on[name] }]
          healthCheck = c.health_check == null ? null : {
            command     = c.health_check
            interval    = 30
            timeout     = 5
            retries     = 3
            startPeriod = 60
          }
          logConfiguration = {
            logDriver = "awslogs"
            options = {
              awslogs-group         = local.log_group_name
              awslogs-region        = var.aws.region
              awslogs-stream-prefix = task
            }
          }
        } : key => value if value != null
      }
    ]
  }

  # Per task and service, the ARNs its execution role reads to inject the containers' secrets
  # (a Secrets Manager reference may end in :json-key:version-stage:version-id; IAM wants the
  # secret itself).
  secret_read_actions = {
    ssm            = "ssm:GetParameters"
    secretsmanager = "secretsmanager:GetSecretValue"
  }
  secret_reads_by_service = merge([
    for task, definition in var.task_definitions : {
      for service, action in local.secret_read_actions : "${task}/${service}" => {
        task   = task
        action = action
        resources = sort(distinct([
          for arn in flatten([for c in definition.containers : values(c.secrets)]) :
          service == "ssm" ? arn : join(":", slice(split(":", arn), 0, 7))
          if split(":", arn)[2] == service
        ]))
      }
    }
  ]...)
  secret_reads       = { for key, read in local.secret_reads_by_service : key => read if length(read.resources) > 0 }
  tasks_with_secrets = toset([for read in values(local.secret_reads) : read.task])
}

# --- Roles ----------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.aws.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${var.aws.partition}:ecs:${var.aws.region}:${var.aws.account_id}:*"]
    }
  }
}

# The role the application runs as: only the policies declared for this task.
resource "aws_iam_role" "task" {
  for_each = var.task_definitions

  name               = "${var.name}-${each.key}-task"
  description        = "Task role of ${var.name} ${each.key}: only the policies its configuration lists"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "task" {
  for_each = var.task_role_policies

  name   = split("/", each.key)[1]
  role   = aws_iam_role.task[split("/", each.key)[0]].name
  policy = each.value

  lifecycle {
    precondition {
      condition     = contains(keys(var.task_definitions), split("/", each.key)[0])
      error_message = "A task_role_policies key names a task definition that does not exist."
    }
  }
}

# The role ECS uses to start the task: pull the image, write logs, inject the secrets.
resource "aws_iam_role" "execution" {
  for_each = var.task_definitions

  name               = "${var.name}-${each.key}-execution"
  description        = "Execution role of ${var.name} ${each.key}: pull, log, read its own secrets"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "execution_pull_and_log" {
  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "PullImage"
    actions   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = var.ecr_repository_arns
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "execution_pull_and_log" {
  for_each = var.task_definitions

  name   = "pull-image-write-logs"
  role   = aws_iam_role.execution[each.key].name
  policy = data.aws_iam_policy_document.execution_pull_and_log.json
}

data "aws_iam_policy_document" "execution_secrets" {
  for_each = local.secret_reads

  statement {
    sid       = "ReadOwnSecrets"
    actions   = [each.value.action]
    resources = each.value.resources
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  for_each = local.secret_reads

  name   = "read-${split("/", each.key)[1]}"
  role   = aws_iam_role.execution[each.value.task].name
  policy = data.aws_iam_policy_document.execution_secrets[each.key].json
}

data "aws_iam_policy_document" "execution_kms" {
  count = length(var.secrets_kms_key_arns) > 0 ? 1 : 0

  statement {
    sid       = "DecryptSecretsThroughSsmAndSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = var.secrets_kms_key_arns

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ssm.${var.aws.region}.amazonaws.com", "secretsmanager.${var.aws.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "execution_kms" {
  for_each = length(var.secrets_kms_key_arns) > 0 ? local.tasks_with_secrets : toset([])

  name   = "decrypt-secrets"
  role   = aws_iam_role.execution[each.key].name
  policy = data.aws_iam_policy_document.execution_kms[0].json
}

# --- Task definitions -----------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_ecs_task_definition" "this" {
  for_each = var.task_definitions

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(each.value.cpu)
  memory                   = tostring(each.value.memory)
  task_role_arn            = aws_iam_role.task[each.key].arn
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  container_definitions    = jsonencode(local.container_definitions[each.key])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # The only writable path of the containers (their root file systems are read-only).
  volume {
    name = "tmp"
  }

  tags = var.tags
}

# --- Network --------------------------------------------------------------------------------

resource "aws_security_group" "this" {
  name        = var.name
  description = "ECS tasks of ${var.name}"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = var.name })
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  count = var.load_balancer == null ? 0 : 1

  security_group_id            = aws_security_group.this.id
  description                  = "Application port from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.load_balancer.container_port
  to_port                      = var.load_balancer.container_port
  referenced_security_group_id = var.load_balancer.security_group_id
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "load_balancer_to_tasks" {
  count = var.load_balancer == null ? 0 : 1

  security_group_id            = var.load_balancer.security_group_id
  description                  = "To the tasks of ${var.name}"
  ip_protocol                  = "tcp"
  from_port                    = var.load_balancer.container_port
  to_port                      = var.load_balancer.container_port
  referenced_security_group_id = aws_security_group.this.id
  tags                         = var.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = toset(var.egress_https_cidrs)

  security_group_id = aws_security_group.this.id
  description       = "HTTPS (AWS APIs, through NAT)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.key
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "to_security_groups" {
  for_each = var.egress_security_groups

  security_group_id            = aws_security_group.this.id
  description                  = "To ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.security_group_id
  tags                         = var.tags
}

# --- Load balancing -------------------------------------------------------------------------

resource "aws_lb_target_group" "this" {
  count = var.load_balancer == null ? 0 : 1

  name                 = var.name
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.load_balancer.container_port
  deregistration_delay = 30

  health_check {
    path                = var.load_balancer.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "this" {
  count = var.load_balancer == null ? 0 : 1

  listener_arn = var.load_balancer.listener_arn
  priority     = var.load_balancer.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[0].arn
  }

  condition {
    host_header {
      values = var.load_balancer.host_headers
    }
  }

  tags = var.tags
}

# --- Service --------------------------------------------------------------------------------

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this[var.service_task_definition].arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.load_balancer == null ? null : 60
  availability_zone_rebalancing      = "ENABLED"
  enable_execute_command             = false
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"

  deployment_controller {
    type = "ECS"
  }

  # A deployment whose tasks keep failing stops and rolls back to the last good one.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = var.load_balancer == null ? [] : [var.load_balancer]

    content {
      target_group_arn = aws_lb_target_group.this[0].arn
      container_name   = load_balancer.value.container_name
      container_port   = load_balancer.value.container_port
    }
  }

  tags = var.tags

  lifecycle {
    # Autoscaling owns the running count after the first apply.
    ignore_changes = [desired_count]

    precondition {
      condition     = contains(keys(var.task_definitions), var.service_task_definition)
      error_message = "service_task_definition must be one of the keys of task_definitions."
    }

    precondition {
      condition     = var.min_capacity <= var.desired_count && var.desired_count <= var.max_capacity
      error_message = "desired_count must lie between min_capacity and max_capacity."
    }
  }

  # The target group must be attached to the load balancer before the service registers tasks.
  depends_on = [aws_lb_listener_rule.this]
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${var.cluster_name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
  tags               = var.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu-${var.cpu_target_percent}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
