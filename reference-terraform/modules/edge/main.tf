# The internet-facing Application Load Balancer: HTTPS with a TLS 1.3 policy, HTTP only
# redirects, malformed headers dropped, access logs to a private bucket. The HTTPS listener
# answers 404 unless a service module adds a rule for its host names.

locals {
  log_bucket    = "${var.name}-alb-logs-${var.aws.account_id}"
  log_prefix    = "alb"
  elb_principal = lookup(var.elb_log_delivery_account_ids, var.aws.region, null)
}

resource "aws_security_group" "this" {
  name        = "${var.name}-alb"
  description = "Load balancer ${var.name}: HTTP and HTTPS from the internet"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = {
    for pair in setproduct(["http", "https"], var.ingress_cidr_ipv4) :
    "${pair[0]}-${pair[1]}" => { port = pair[0] == "http" ? 80 : 443, cidr = pair[1] }
  }

  security_group_id = aws_security_group.this.id
  description       = "Port ${each.value.port} from ${each.value.cidr}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
  tags              = var.tags
}

# --- Access logs ----------------------------------------------------------------------------

# Elastic Load Balancing writes the logs itself: the regional ELB account in regions opened
# before August 2022, the log-delivery service principal in newer ones.
data "aws_iam_policy_document" "log_delivery" {
  statement {
    sid       = "LoadBalancerDelivery"
    actions   = ["s3:PutObject"]
    resources = ["arn:${var.aws.partition}:s3:::${local.log_bucket}/${local.log_prefix}/AWSLogs/${var.aws.account_id}/*"]

    principals {
      type        = local.elb_principal == null ? "Service" : "AWS"
      identifiers = [local.elb_principal == null ? "logdelivery.elasticloadbalancing.amazonaws.com" : "arn:${var.aws.partition}:iam::${local.elb_principal}:root"]
    }
  }
}

# ALB access logs support SSE-S3 only, hence no KMS key here.
module "access_logs" {
  source = "../private-bucket"

  name             = local.log_bucket
  expiration_days  = var.access_log_retention_days
  policy_documents = [data.aws_iam_policy_document.log_delivery.json]
  aws              = var.aws
  tags             = var.tags
}

# --- Load balancer --------------------------------------------------------------------------

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  ip_address_type            = "ipv4"
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.this.id]
  idle_timeout               = var.idle_timeout
  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  enable_deletion_protection = var.deletion_protection
  enable_http2               = true

  access_logs {
    enabled = true
    bucket  = module.access_logs.id
    prefix  = local.log_prefix
  }

  tags = var.tags

  # The load balancer checks on creation that it may write to the bucket.
  depends_on = [module.access_logs]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  # Requests for host names no service claims (e.g. the ALB's own DNS name) end here.
  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }

  tags = var.tags
}
