output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "The zones the subnets are in, in the order given."
  value       = var.availability_zones
}

output "public_subnet_ids" {
  description = "Public subnets (load balancer, NAT gateways), in zone order."
  value       = [for zone in var.availability_zones : aws_subnet.this["public-${zone}"].id]
}

output "private_subnet_ids" {
  description = "Private subnets with outbound access through NAT (ECS tasks), in zone order."
  value       = [for zone in var.availability_zones : aws_subnet.this["private-${zone}"].id]
}

output "database_subnet_ids" {
  description = "Isolated subnets without a route out of the VPC (Aurora), in zone order."
  value       = [for zone in var.availability_zones : aws_subnet.this["database-${zone}"].id]
}

output "nat_public_ips" {
  description = "Public IPs the private subnets' outbound traffic comes from."
  value       = [for zone in local.nat_zones : aws_eip.nat[zone].public_ip]
}

output "flow_log_group_name" {
  description = "CloudWatch Logs group of the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}
