"""The settings modules as the container loads them: in a fresh interpreter with only env vars."""

import json
import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent

PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": db["ENGINE"],
    "OPTIONS": db.get("OPTIONS", {}),
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "WAGTAILADMIN_BASE_URL": settings.WAGTAILADMIN_BASE_URL,
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "default_storage": settings.STORAGES["default"]["BACKEND"],
    "staticfiles": settings.STORAGES["staticfiles"]["BACKEND"],
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "MIDDLEWARE0": settings.MIDDLEWARE[0],
}))
"""

ECS_ENV = {
    "DJANGO_SETTINGS_MODULE": "wagtail_site.settings.production",
    "DJANGO_SECRET_KEY": "test-secret-key-test-secret-key-test-secret-key",
    "ALLOWED_HOSTS": "wagtail.example.org",
    "WAGTAILADMIN_BASE_URL": "https://wagtail.example.org",
    "DATABASE_HOST": "wagtail.cluster-abc.eu-west-2.rds.amazonaws.com",
    "DATABASE_PORT": "5432",
    "DATABASE_NAME": "wagtail",
    "DATABASE_USER": "wagtail",
    "DATABASE_IAM_AUTH": "true",
    "DATABASE_SSLMODE": "verify-full",
    "DATABASE_SSLROOTCERT": "/etc/ssl/certs/rds-global-bundle.pem",
    "AWS_REGION": "eu-west-2",
    "AWS_STORAGE_BUCKET_NAME": "wagtail-media",
    "AWS_S3_REGION_NAME": "eu-west-2",
}


def load(environ):
    base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=APP,
        env={**base, **environ},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_from_the_ecs_task_environment():
    run = load(ECS_ENV)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["DEBUG"] is False
    assert got["ENGINE"] == "wagtail_site.db_backends.iam_postgresql"
    assert got["OPTIONS"]["sslmode"] == "verify-full"
    assert got["ALLOWED_HOSTS"] == ["wagtail.example.org"]
    assert got["WAGTAILADMIN_BASE_URL"] == "https://wagtail.example.org"
    assert got["CSRF_TRUSTED_ORIGINS"] == ["https://wagtail.example.org"]
    assert got["default_storage"] == "storages.backends.s3.S3Storage"
    assert got["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert got["SESSION_COOKIE_SECURE"] is True
    assert got["MIDDLEWARE0"] == "ops.middleware.HealthCheckMiddleware"


def test_production_refuses_to_start_without_its_secrets():
    for missing in ("DJANGO_SECRET_KEY", "DATABASE_HOST", "ALLOWED_HOSTS"):
        run = load({k: v for k, v in ECS_ENV.items() if k != missing})
        assert run.returncode != 0
        assert missing in run.stderr


def test_dev_settings_need_nothing():
    run = load({"DJANGO_SETTINGS_MODULE": "wagtail_site.settings.dev"})
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["DEBUG"] is True
    assert got["ENGINE"] == "django.db.backends.sqlite3"
    assert got["default_storage"] == "django.core.files.storage.FileSystemStorage"
