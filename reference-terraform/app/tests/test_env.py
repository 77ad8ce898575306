"""The environment contract: DATABASE_*, media storage, cache."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.envs import AWS_IAM_ENV as AWS
from wagtail_site import env

LOCAL = {
    "DATABASE_HOST": "postgres",
    "DATABASE_PORT": "5432",
    "DATABASE_NAME": "wagtail",
    "DATABASE_USER": "wagtail",
    "DATABASE_PASSWORD": "local-only",
    "DATABASE_SSLMODE": "disable",
}


def test_password_login_for_local_postgres():
    db = env.database_settings(LOCAL)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("postgres", "5432", "wagtail", "wagtail")
    assert db["PASSWORD"] == "local-only"
    assert db["OPTIONS"] == {"sslmode": "disable"}


def test_iam_auth_selects_the_iam_backend_with_verify_full_and_no_password():
    db = env.database_settings({**AWS, "DATABASE_PASSWORD": "ignored"})
    assert db["ENGINE"] == "wagtail_site.db_backends.iam_postgresql"
    assert db["PASSWORD"] == ""
    assert db["OPTIONS"] == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ssl/certs/rds-global-bundle.pem",
    }
    assert db["IAM_AUTH_REGION"] == "eu-west-2"


def test_database_region_wins_over_aws_region():
    db = env.database_settings({**AWS, "DATABASE_REGION": "us-east-1"})
    assert db["IAM_AUTH_REGION"] == "us-east-1"


def test_without_a_host_production_fails_and_dev_uses_sqlite(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_HOST"):
        env.database_settings({})
    db = env.database_settings({}, sqlite_fallback=tmp_path / "db.sqlite3")
    assert db["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize("bad", [{"DATABASE_SSLMODE": "sometimes"}, {"DATABASE_PORT": "five"}, {"DATABASE_IAM_AUTH": "maybe"}])
def test_malformed_values_are_errors(bad):
    with pytest.raises(ImproperlyConfigured):
        env.database_settings({**LOCAL, **bad})


def test_media_on_s3_only_when_a_bucket_is_named():
    local = env.storages({}, production=True)
    assert local["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"

    s3 = env.storages({"AWS_STORAGE_BUCKET_NAME": "wagtail-media", "AWS_S3_REGION_NAME": "eu-west-2"}, production=True)
    assert s3["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["default"]["OPTIONS"]["bucket_name"] == "wagtail-media"
    assert s3["default"]["OPTIONS"]["region_name"] == "eu-west-2"
    assert s3["default"]["OPTIONS"]["default_acl"] is None


def test_lists_and_booleans():
    assert env.env_list({"ALLOWED_HOSTS": "a.example, b.example,"}, "ALLOWED_HOSTS") == ["a.example", "b.example"]
    assert env.env_list({}, "ALLOWED_HOSTS", ["x"]) == ["x"]
    assert env.env_bool({"X": "TRUE"}, "X") is True
    assert env.env_bool({"X": "0"}, "X") is False
    assert env.env_bool({}, "X", default=True) is True


def test_redis_cache_only_with_redis_url():
    assert env.cache_settings({})["default"]["BACKEND"].endswith("LocMemCache")
    redis = env.cache_settings({"REDIS_URL": "redis://redis:6379/0"})["default"]
    assert redis == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://redis:6379/0"}
