"""Development settings: DEBUG on, SQLite unless DATABASE_HOST is set."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, os

DEBUG = env.env_bool(os.environ, "DJANGO_DEBUG", True)

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-dev-only-not-for-any-deployment"

ALLOWED_HOSTS = env.env_list(os.environ, "ALLOWED_HOSTS", ["*"])

DATABASES = {"default": env.database_settings(os.environ, sqlite_fallback=BASE_DIR / "db.sqlite3")}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


try:
    from .local import *  # noqa: F403
except ImportError:
    pass
