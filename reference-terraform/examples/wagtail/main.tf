# The reference Wagtail environment: an ALB in public subnets, Wagtail on ECS Fargate in private
# subnets across two zones, Aurora PostgreSQL (writer + reader in another zone) in isolated
# subnets, media in a private S3 bucket, the image in ECR, secrets in SSM Parameter Store.
# See ../../docs/terraform.md for the walkthrough and the first-deploy runbook.

locals {
  name     = "wagtail-${var.environment}"
  db_user  = "wagtail"
  db_zones = slice(var.availability_zones, 0, 2)
  aws      = { account_id = var.account_id, region = var.region }
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  aws                = local.aws
}

module "registry" {
  source = "../../modules/registry"

  name = local.name
  aws  = local.aws
}

module "storage" {
  source = "../../modules/storage"

  bucket_name = "${local.name}-media-${var.account_id}"
  aws         = local.aws
}

module "edge" {
  source = "../../modules/edge"

  name              = local.name
  vpc_id            = module.network.vpc_id
  public_subnet_ids = module.network.public_subnet_ids
  certificate_arn   = var.certificate_arn
  aws               = local.aws
}

module "database" {
  source = "../../modules/database"

  name               = local.name
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.database_subnet_ids
  availability_zones = local.db_zones
  instance_class     = var.database_instance_class
  iam_database_users = [local.db_user]
  aws                = local.aws

  # Only the Wagtail tasks (web and the one-off migrate task share a security group) get in.
  allowed_security_groups = { wagtail = module.wagtail.security_group_id }
}

module "secrets" {
  source = "../../modules/secrets"

  name = local.name
  aws  = local.aws

  # Set once by an operator (docs/terraform.md, "First deploy"); Terraform never sees it.
  secret_names = ["django-secret-key"]

  # Not secret, but read through `secrets` so that the task definitions stay fixed when the
  # values change, and so that they are known when planning.
  values = {
    database-host              = module.database.endpoint
    database-master-secret-arn = module.database.master_user_secret_arn
  }
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name = local.name
  aws  = local.aws
}

locals {
  image = "${module.registry.repository_url}:${var.image_tag}"

  # What every Wagtail container needs (names: reference-terraform/app/wagtail_site/env.py).
  wagtail_environment = {
    DJANGO_SETTINGS_MODULE  = "wagtail_site.settings.production"
    ALLOWED_HOSTS           = var.domain_name
    WAGTAILADMIN_BASE_URL   = "https://${var.domain_name}"
    DATABASE_IAM_AUTH       = "true"
    DATABASE_NAME           = module.database.database_name
    DATABASE_PORT           = tostring(module.database.port)
    DATABASE_USER           = local.db_user
    DATABASE_SSLMODE        = "verify-full"
    DATABASE_SSLROOTCERT    = var.database_ssl_root_cert
    DATABASE_REGION         = var.region
    AWS_STORAGE_BUCKET_NAME = module.storage.bucket_name
    AWS_S3_REGION_NAME      = var.region
  }
  wagtail_secrets = {
    DJANGO_SECRET_KEY = module.secrets.parameter_arns["django-secret-key"]
    DATABASE_HOST     = module.secrets.parameter_arns["database-host"]
  }
}

module "wagtail" {
  source = "../../modules/service"

  name             = local.name
  cluster_arn      = module.cluster.arn
  cluster_name     = module.cluster.name
  log_group_prefix = module.cluster.log_group_prefix
  log_kms_key_arn  = module.cluster.log_kms_key_arn
  vpc_id           = module.network.vpc_id
  subnet_ids       = module.network.private_subnet_ids
  aws              = local.aws

  image                = local.image
  ecr_repository_arns  = [module.registry.arn]
  secrets_kms_key_arns = [module.secrets.kms_key_arn]

  service_task_definition = "web"
  desired_count           = var.web_min_tasks
  min_capacity            = var.web_min_tasks
  max_capacity            = var.web_max_tasks

  task_definitions = {
    # The site: gunicorn behind the load balancer.
    web = {
      cpu    = var.web_cpu
      memory = var.web_memory
      containers = [{
        name         = "wagtail"
        command      = ["gunicorn", "wagtail_site.wsgi:application"]
        port         = 8000
        environment  = local.wagtail_environment
        secrets      = local.wagtail_secrets
        health_check = ["CMD-SHELL", "python -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz/', timeout=3)\""]
      }]
    }

    # One-off, on every release before the web service is updated (docs/terraform.md):
    # create the IAM database user if missing, then apply the migrations as that user.
    migrate = {
      cpu    = 512
      memory = 1024
      containers = [
        {
          name        = "bootstrap-iam-user"
          command     = ["python", "manage.py", "bootstrap_iam_user"]
          essential   = false
          environment = local.wagtail_environment
          secrets = merge(local.wagtail_secrets, {
            DATABASE_MASTER_SECRET_ARN = module.secrets.parameter_arns["database-master-secret-arn"]
          })
        },
        {
          name        = "migrate"
          command     = ["python", "manage.py", "migrate", "--noinput"]
          environment = local.wagtail_environment
          secrets     = local.wagtail_secrets
          depends_on  = { bootstrap-iam-user = "SUCCESS" }
        },
      ]
    }
  }

  # Everything the tasks may do in AWS, and nothing more: no DynamoDB, no other bucket.
  task_role_policies = {
    "web/media"                  = module.storage.read_write_policy_json
    "web/database-connect"       = module.database.connect_policy_json[local.db_user]
    "migrate/database-connect"   = module.database.connect_policy_json[local.db_user]
    "migrate/database-bootstrap" = module.database.bootstrap_policy_json
  }

  load_balancer = {
    listener_arn      = module.edge.https_listener_arn
    security_group_id = module.edge.security_group_id
    container_name    = "wagtail"
    container_port    = 8000
    host_headers      = [var.domain_name]
    priority          = 100
    health_check_path = "/healthz/"
  }

  egress_security_groups = {
    database = { security_group_id = module.database.security_group_id, port = module.database.port }
  }
}
