"""bootstrap_iam_user: master credentials from Secrets Manager (mocked), and the real statements
against the PostgreSQL server that scripts/run-local-wagtail.sh starts (where rds_iam is created
first, as only RDS has it)."""

import json
import os
import uuid
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from ops.management.commands.bootstrap_iam_user import master_credentials


def secretsmanager_returning(secret_string):
    client = mock.Mock()
    client.get_secret_value.return_value = {"SecretString": secret_string}
    return mock.patch("boto3.session.Session.client", return_value=client), client


def test_master_credentials_from_the_rds_managed_secret():
    patch, client = secretsmanager_returning(json.dumps({"username": "wagtail_admin", "password": "s3cret"}))
    arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!cluster-abc"
    with patch as make_client:
        user, password = master_credentials({"DATABASE_MASTER_SECRET_ARN": arn, "AWS_REGION": "eu-west-2"})
    assert (user, password) == ("wagtail_admin", "s3cret")
    make_client.assert_called_once_with("secretsmanager", region_name="eu-west-2")
    client.get_secret_value.assert_called_once_with(SecretId=arn)


def test_a_plain_string_secret_is_the_password_and_the_user_comes_from_the_environment():
    patch, _ = secretsmanager_returning("just-a-password")
    with patch:
        got = master_credentials({"DATABASE_MASTER_SECRET_ARN": "arn:x", "DATABASE_MASTER_USER": "admin"})
    assert got == ("admin", "just-a-password")


def test_local_master_credentials_from_plain_variables():
    got = master_credentials({"DATABASE_MASTER_USER": "postgres", "DATABASE_MASTER_PASSWORD": "pw"})
    assert got == ("postgres", "pw")


@pytest.mark.parametrize("environ", [{}, {"DATABASE_MASTER_USER": "postgres"}, {"DATABASE_MASTER_PASSWORD": "pw"}])
def test_missing_master_credentials_are_errors(environ):
    with pytest.raises(CommandError):
        master_credentials(environ)


# ---- against a real PostgreSQL server ----

PG = {
    "host": os.environ.get("TEST_POSTGRES_HOST", "127.0.0.1"),
    "port": os.environ.get("TEST_POSTGRES_PORT"),
    "user": os.environ.get("TEST_POSTGRES_SUPERUSER", "postgres"),
    "password": os.environ.get("TEST_POSTGRES_PASSWORD", ""),
}

needs_postgres = pytest.mark.skipif(
    not PG["port"], reason="TEST_POSTGRES_PORT not set (scripts/test-local-wagtail.sh sets it)"
)


@pytest.fixture
def scratch_database(settings, monkeypatch):
    """A fresh database, rds_iam present, settings and master credentials pointing at it."""
    import psycopg

    name = f"iam_bootstrap_{uuid.uuid4().hex[:8]}"
    app_user = f"wagtail_iam_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(dbname="postgres", autocommit=True, **PG)
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam'")
        if cur.fetchone() is None:
            cur.execute("CREATE ROLE rds_iam NOLOGIN")
        cur.execute(f'CREATE DATABASE "{name}"')
    settings.DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": PG["host"],
            "PORT": PG["port"],
            "NAME": name,
            "USER": app_user,
            "PASSWORD": "",
            "OPTIONS": {"sslmode": "disable"},
        }
    }
    monkeypatch.setenv("DATABASE_MASTER_USER", PG["user"])
    monkeypatch.setenv("DATABASE_MASTER_PASSWORD", PG["password"])
    monkeypatch.delenv("DATABASE_MASTER_SECRET_ARN", raising=False)
    try:
        yield admin, name, app_user
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'DROP ROLE IF EXISTS "{app_user}"')
        admin.close()


def query(admin, dbname, sql, params=()):
    import psycopg

    with psycopg.connect(dbname=dbname, autocommit=True, **PG) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


@pytest.mark.postgres
@needs_postgres
def test_bootstrap_creates_an_iam_login_user_with_the_grants_migrate_needs(scratch_database, capsys):
    admin, name, app_user = scratch_database
    call_command("bootstrap_iam_user")
    assert f"created user {app_user}" in capsys.readouterr().out

    can_login, has_password = query(
        admin, name, "SELECT rolcanlogin, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = %s", [app_user]
    )
    assert can_login and not has_password
    assert query(admin, name, "SELECT pg_has_role(%s, 'rds_iam', 'member')", [app_user]) == (True,)
    assert query(admin, name, "SELECT has_database_privilege(%s, current_database(), 'CONNECT')", [app_user]) == (True,)
    assert query(admin, name, "SELECT has_schema_privilege(%s, 'public', 'CREATE')", [app_user]) == (True,)

    # a second run (a re-run one-off task) changes nothing and does not fail
    call_command("bootstrap_iam_user")
    assert f"user {app_user} exists" in capsys.readouterr().out
    assert query(admin, name, "SELECT pg_has_role(%s, 'rds_iam', 'member')", [app_user]) == (True,)


@pytest.mark.postgres
@needs_postgres
def test_bootstrap_refuses_a_database_without_rds_iam(scratch_database):
    admin, _, _ = scratch_database
    with admin.cursor() as cur:
        cur.execute("ALTER ROLE rds_iam RENAME TO rds_iam_hidden")
    try:
        with pytest.raises(CommandError, match="rds_iam does not exist"):
            call_command("bootstrap_iam_user")
    finally:
        with admin.cursor() as cur:
            cur.execute("ALTER ROLE rds_iam_hidden RENAME TO rds_iam")


def test_bootstrap_refuses_to_use_the_master_user_as_the_app_user(settings, monkeypatch):
    settings.DATABASES = {
        "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db", "PORT": "5432",
                    "NAME": "wagtail", "USER": "wagtail_admin", "OPTIONS": {}}
    }
    monkeypatch.setenv("DATABASE_MASTER_USER", "wagtail_admin")
    monkeypatch.setenv("DATABASE_MASTER_PASSWORD", "pw")
    monkeypatch.delenv("DATABASE_MASTER_SECRET_ARN", raising=False)
    with pytest.raises(CommandError, match="master user"):
        call_command("bootstrap_iam_user")
