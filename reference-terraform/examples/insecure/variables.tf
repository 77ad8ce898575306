# The values the spike's sketch takes from its surroundings (var.*, local.*), with stand-ins.

variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-2"
}

variable "stage" {
  description = "Stage (the spike's Environment tag)."
  type        = string
  default     = "prod"
}

variable "private_subnet_id" {
  description = "Passed to the module's vpc_id, exactly as the spike does."
  type        = string
  default     = "subnet-0a1b2c3d4e5f60718"
}

variable "subnets" {
  description = "Subnets of the database."
  type        = list(string)
  default     = ["subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"]
}

variable "wagtail_ecs_sg" {
  description = "Security group of the ECS tasks."
  type        = string
  default     = "sg-0c3d4e5f607182930"
}

variable "wagtail_cidr_range" {
  description = "CIDR range the spike also lets into the database."
  type        = string
  default     = "10.20.0.0/16"
}

variable "wagtail_rds_iam_role" {
  description = "The role the spike associates with the cluster (iam_roles)."
  type        = string
  default     = "arn:aws:iam::123456789012:role/wagtail-rds-s3-import"
}

variable "image" {
  description = "Image of the Wagtail task (a mutable tag, as with the existing ECR module)."
  type        = string
  default     = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/wagtail:latest"
}
