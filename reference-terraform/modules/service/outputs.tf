output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "security_group_id" {
  description = "Security group of the tasks (allow it into the database, caches, ...)."
  value       = aws_security_group.this.id
}

output "task_role_arns" {
  description = "Task role of each task definition."
  value       = { for task, role in aws_iam_role.task : task => role.arn }
}

output "execution_role_arns" {
  description = "Execution role of each task definition."
  value       = { for task, role in aws_iam_role.execution : task => role.arn }
}

output "task_definition_families" {
  description = "Family of each task definition."
  value       = { for task, definition in aws_ecs_task_definition.this : task => definition.family }
}

output "log_group_name" {
  description = "Log group of every container of this service (streams <task>/<container>/<task id>)."
  value       = aws_cloudwatch_log_group.this.name
}

output "target_group_arn" {
  description = "Target group of the service (null without a load balancer)."
  value       = var.load_balancer == null ? null : aws_lb_target_group.this[0].arn
}

output "run_task_commands" {
  description = "For each one-off task definition: the AWS CLI command that starts it once in the service's subnets and security group, printing the task ARN."
  value = {
    for task, definition in aws_ecs_task_definition.this : task => join(" ", [
      "aws ecs run-task",
      "--cluster ${var.cluster_name}",
      "--task-definition ${definition.family}",
      "--launch-type FARGATE",
      "--count 1",
      "--started-by ${task}",
      "--network-configuration 'awsvpcConfiguration={subnets=[${join(",", var.subnet_ids)}],securityGroups=[${aws_security_group.this.id}],assignPublicIp=DISABLED}'",
      "--query 'tasks[0].taskArn' --output text",
    ]) if task != var.service_task_definition
  }
}
