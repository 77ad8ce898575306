# The bucket for Wagtail's uploaded media (images, documents): private (private-bucket module),
# encrypted with this module's own key, versioned so that an overwritten or deleted file can be
# recovered for noncurrent_version_expiry_days.

module "key" {
  source = "../kms"

  alias       = "${var.bucket_name}-s3"
  description = "Objects in the S3 bucket ${var.bucket_name}"
  aws         = var.aws
  tags        = var.tags
}

module "bucket" {
  source = "../private-bucket"

  name                               = var.bucket_name
  kms_key_arn                        = module.key.arn
  versioning                         = true
  noncurrent_version_expiration_days = var.noncurrent_version_expiry_days
  aws                                = var.aws
  tags                               = var.tags
}

# For the task role of whoever reads and writes media: objects, listing, and the key.
data "aws_iam_policy_document" "read_write" {
  statement {
    sid       = "MediaObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${module.bucket.arn}/*"]
  }

  statement {
    sid       = "MediaListing"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [module.bucket.arn]
  }

  statement {
    sid       = "MediaKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [module.key.arn]
  }
}
