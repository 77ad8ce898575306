"""Environments the tests share: what the ECS task passes for IAM authentication."""

AWS_IAM_ENV = {
    "DATABASE_HOST": "wagtail.cluster-abc.eu-west-2.rds.amazonaws.com",
    "DATABASE_PORT": "5432",
    "DATABASE_NAME": "wagtail",
    "DATABASE_USER": "wagtail",
    "DATABASE_IAM_AUTH": "true",
    "DATABASE_SSLROOTCERT": "/etc/ssl/certs/rds-global-bundle.pem",
    "AWS_REGION": "eu-west-2",
}
