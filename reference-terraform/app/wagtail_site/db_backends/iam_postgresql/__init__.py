"""PostgreSQL with RDS IAM database authentication: ENGINE = "wagtail_site.db_backends.iam_postgresql"."""
