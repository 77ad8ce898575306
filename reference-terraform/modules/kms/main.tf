# A customer managed key with rotation on and a key policy that delegates to IAM in the owning
# account; optionally lets CloudWatch Logs use it for the named log groups. Every module that
# stores data at rest calls this once, so each data set has its own key.

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "AccountAdministersThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${var.aws.partition}:iam::${var.aws.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = length(var.log_group_arns) > 0 ? [var.log_group_arns] : []

    content {
      sid = "CloudWatchLogsForNamedLogGroups"
      actions = [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["logs.${var.aws.region}.amazonaws.com"]
      }

      condition {
        test     = "ArnLike"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = statement.value
      }
    }
  }
}

resource "aws_kms_key" "this" {
  description             = var.description
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.this.json
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}
