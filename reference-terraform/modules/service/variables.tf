variable "name" {
  description = "Service name and prefix of its roles, log group and task families, e.g. wagtail-prod-web (at most 32 characters: it names the target group)."
  type        = string

  validation {
    condition     = length(var.name) <= 32 && can(regex("^[a-zA-Z0-9-]+$", var.name))
    error_message = "name: at most 32 letters, digits and hyphens."
  }
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster (ecs-cluster module) the service runs in."
  type        = string
}

variable "cluster_name" {
  description = "Name of the ECS cluster."
  type        = string
}

variable "log_group_prefix" {
  description = "The cluster's log group prefix; this service logs to <prefix>/<name>."
  type        = string
}

variable "log_kms_key_arn" {
  description = "Key that encrypts the log group (the cluster's log key)."
  type        = string
}

variable "log_retention_days" {
  description = "Log retention (0 = never expire)."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days == 0 || var.log_retention_days >= 90
    error_message = "Keep logs for at least 90 days (or 0 = never expire)."
  }
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the tasks, in at least two zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Spread the tasks over at least two subnets in different zones."
  }
}

variable "image" {
  description = "Default image of every container (registry/repository:tag); a container may name its own."
  type        = string
}

variable "ecr_repository_arns" {
  description = "ECR repositories the execution role may pull from."
  type        = list(string)

  validation {
    condition     = length(var.ecr_repository_arns) > 0
    error_message = "Name at least one ECR repository to pull from."
  }
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64 (must match the image)."
  type        = string
  default     = "X86_64"
}

variable "secrets_kms_key_arns" {
  description = "Keys that encrypt the SSM parameters and secrets the containers read; the execution role may decrypt with them, through SSM and Secrets Manager only."
  type        = list(string)
  default     = []
}

variable "task_definitions" {
  description = <<-EOT
    The task definitions of this service, by a short key (e.g. web, migrate). One of them runs as
    the service (service_task_definition); the others are one-off tasks started with run-task (see
    the run_task_commands output). Each has its own task role, holding exactly the policies that
    task_role_policies lists for it and nothing else, and its own execution role, which may read
    exactly the secrets its containers name.

    Container definitions are built from these fields; every container gets a read-only root file
    system with a writable /tmp, no privileges, an init process and the awslogs driver. `secrets`
    maps environment names to SSM parameter or Secrets Manager ARNs, which must be known when
    planning (spell them out from names, as the secrets module's parameter_arns does): the
    execution role's policies are keyed by them. `environment` must not carry
    secrets (names containing PASSWORD, SECRET, TOKEN, API_KEY or PRIVATE_KEY are refused).
  EOT
  type = map(object({
    cpu    = number
    memory = number
    containers = list(object({
      name         = string
      image        = optional(string)
      command      = optional(list(string))
      essential    = optional(bool, true)
      port         = optional(number)
      environment  = optional(map(string), {})
      secrets      = optional(map(string), {})
      depends_on   = optional(map(string), {})
      health_check = optional(list(string))
      user         = optional(string)
      stop_timeout = optional(number)
    }))
  }))

  validation {
    condition = alltrue(flatten([
      for task in values(var.task_definitions) : [
        for container in task.containers : [
          for name in keys(container.environment) :
          length(regexall("(?i)(PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY)", name)) == 0
        ]
      ]
    ]))
    error_message = "An environment variable name looks like a secret: pass it through `secrets` (SSM SecureString or Secrets Manager) instead."
  }

  validation {
    condition = alltrue(flatten([
      for task in values(var.task_definitions) : [
        for container in task.containers : [
          for arn in values(container.secrets) : can(regex("^arn:[^:]+:(ssm|secretsmanager):", arn))
        ]
      ]
    ]))
    error_message = "Every `secrets` value must be the full ARN of an SSM parameter or a Secrets Manager secret."
  }
}

variable "task_role_policies" {
  description = "The task roles' permissions: policy documents (JSON) keyed `<task definition key>/<policy name>`. A task role gets these and nothing else."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.task_role_policies) : can(regex("^[A-Za-z0-9_-]+/[A-Za-z0-9_+=,.@-]+$", key))])
    error_message = "task_role_policies keys are <task definition key>/<policy name>."
  }
}

variable "service_task_definition" {
  description = "Key of the task definition that runs as the long-lived service."
  type        = string
}

variable "desired_count" {
  description = "Tasks to start with; autoscaling moves it between min_capacity and max_capacity afterwards."
  type        = number
  default     = 2
}

variable "min_capacity" {
  description = "Fewest tasks autoscaling keeps (two or more keeps a task in a second zone)."
  type        = number
  default     = 2
}

variable "max_capacity" {
  description = "Most tasks autoscaling starts."
  type        = number
  default     = 6
}

variable "cpu_target_percent" {
  description = "Average CPU utilisation autoscaling aims at."
  type        = number
  default     = 60
}

variable "load_balancer" {
  description = "Where the service receives traffic: a rule on the edge module's HTTPS listener for these host names, forwarding to container_name:container_port. Null for a service without inbound traffic."
  type = object({
    listener_arn      = string
    security_group_id = string
    container_name    = string
    container_port    = number
    host_headers      = list(string)
    priority          = number
    health_check_path = optional(string, "/")
  })
  default = null
}

variable "egress_security_groups" {
  description = "Security groups the tasks may open connections to, by a static name: { database = { security_group_id = ..., port = 5432 } }."
  type = map(object({
    security_group_id = string
    port              = number
  }))
  default = {}
}

variable "egress_https_cidrs" {
  description = "Where the tasks may reach HTTPS (AWS APIs through the NAT gateway)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
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
