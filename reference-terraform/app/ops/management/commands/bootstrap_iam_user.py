"""Create the application's database user for RDS IAM authentication. Idempotent.

Runs once per cluster as a one-off ECS task, before `manage.py migrate`:

    python manage.py bootstrap_iam_user

It logs in as the master user, whose credentials come from Secrets Manager
(DATABASE_MASTER_SECRET_ARN: the secret RDS manages, {"username": ..., "password": ...}) or, for
local runs, from DATABASE_MASTER_USER / DATABASE_MASTER_PASSWORD. Host, port, database and TLS
settings are the application's own (DATABASE_HOST, DATABASE_PORT, DATABASE_NAME,
DATABASE_SSLMODE, DATABASE_SSLROOTCERT), and the user it creates is DATABASE_USER. Then:

    CREATE USER <user>;                      -- no password: it logs in with IAM tokens only
    GRANT rds_iam TO <user>;
    GRANT CONNECT, TEMPORARY ON DATABASE <database> TO <user>;
    GRANT USAGE, CREATE ON SCHEMA public TO <user>;   -- migrate runs as <user>

The rds_iam role exists only on RDS and Aurora; elsewhere the command stops with an error (a
local test creates the role first).
"""

import json
import os

import boto3
import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

from wagtail_site.env import aws_region


def master_credentials(environ):
    """(user, password) for the master user: Secrets Manager first, then plain variables."""
    user = environ.get("DATABASE_MASTER_USER", "").strip()
    secret_arn = environ.get("DATABASE_MASTER_SECRET_ARN", "").strip()
    if secret_arn:
        client = boto3.session.Session().client("secretsmanager", region_name=aws_region(environ))
        secret = client.get_secret_value(SecretId=secret_arn)["SecretString"]
        try:
            parsed = json.loads(secret)
        except ValueError:
            parsed = secret
        if isinstance(parsed, dict):
            password = parsed.get("password")
            user = user or parsed.get("username", "")
        else:
            password = secret
    else:
        password = environ.get("DATABASE_MASTER_PASSWORD")
    if not user:
        raise CommandError("no master user: set DATABASE_MASTER_USER or use a secret with a username")
    if not password:
        raise CommandError(
            "no master password: set DATABASE_MASTER_SECRET_ARN (or DATABASE_MASTER_PASSWORD locally)"
        )
    return user, password


def bootstrap_statements(app_user, database):
    """The statements that make app_user an IAM-authenticated owner of its schema objects."""
    user = sql.Identifier(app_user)
    return [
        sql.SQL("GRANT rds_iam TO {}").format(user),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(sql.Identifier(database), user),
        sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(user),
    ]


class Command(BaseCommand):
    help = "Create the application's database user and grant it rds_iam (run once, as the master user)."

    # It runs before migrate, against a database that may be empty: no system checks.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--user", help="the user to create (default: DATABASES USER)")
        parser.add_argument("--database", help="the database to grant on (default: DATABASES NAME)")

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if "postgresql" not in db["ENGINE"]:
            raise CommandError(f"bootstrap_iam_user needs PostgreSQL, not {db['ENGINE']}")
        app_user = options["user"] or db["USER"]
        database = options["database"] or db["NAME"]
        master_user, master_password = master_credentials(os.environ)
        if app_user == master_user:
            raise CommandError("the application user must not be the master user")

        tls = {k: v for k, v in db.get("OPTIONS", {}).items() if k in ("sslmode", "sslrootcert")}
        try:
            conn = psycopg.connect(
                host=db["HOST"],
                port=db["PORT"] or 5432,
                dbname=database,
                user=master_user,
                password=master_password,
                autocommit=True,
                connect_timeout=15,
                **tls,
            )
        except psycopg.OperationalError as exc:
            raise CommandError(f"cannot connect as the master user {master_user}: {exc}") from exc

        with conn, conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam'")
            if cur.fetchone() is None:
                raise CommandError(
                    "the role rds_iam does not exist: this is not an RDS or Aurora PostgreSQL database"
                )
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_user])
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE USER {}").format(sql.Identifier(app_user)))
                self.stdout.write(f"created user {app_user}")
            else:
                cur.execute(sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(app_user)))
                self.stdout.write(f"user {app_user} exists")
            for statement in bootstrap_statements(app_user, database):
                cur.execute(statement)
                self.stdout.write(statement.as_string(conn))
        self.stdout.write(self.style.SUCCESS(f"{app_user} can log in to {database} with IAM tokens"))
