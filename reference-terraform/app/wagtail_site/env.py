"""Settings read from the environment.

The names are the contract with the ECS task definition in reference-terraform and with
reference-terraform/local/docker-compose.yml; docs/local-wagtail.md lists them. Every function
takes the environment as a mapping so that the tests can pass their own.
"""

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}

IAM_BACKEND = "wagtail_site.db_backends.iam_postgresql"
POSTGRES_BACKEND = "django.db.backends.postgresql"

# libpq's modes, weakest first; IAM authentication accepts only the last.
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def env_bool(environ, name, default=False):
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(environ, name, default=()):
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def require(environ, name):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"the environment variable {name} is required")
    return value


def aws_region(environ):
    """The region for RDS tokens, S3 and Secrets Manager: explicit first, then the SDK's own."""
    for name in ("DATABASE_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"):
        value = environ.get(name, "").strip()
        if value:
            return value
    return None


def database_settings(environ, sqlite_fallback=None):
    """DATABASES["default"] from DATABASE_* variables.

    Without DATABASE_HOST the result is SQLite at ``sqlite_fallback`` when one is given (the dev
    settings do), and an error otherwise (production never falls back silently).
    """
    host = environ.get("DATABASE_HOST", "").strip()
    if not host:
        if sqlite_fallback is None:
            raise ImproperlyConfigured("the environment variable DATABASE_HOST is required")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_fallback)}

    iam = env_bool(environ, "DATABASE_IAM_AUTH")
    port = environ.get("DATABASE_PORT", "5432").strip() or "5432"
    if not port.isdigit():
        raise ImproperlyConfigured(f"DATABASE_PORT must be a number, not {port!r}")
    sslmode = environ.get("DATABASE_SSLMODE", "").strip() or ("verify-full" if iam else "prefer")
    if sslmode not in SSLMODES:
        raise ImproperlyConfigured(f"DATABASE_SSLMODE must be one of {', '.join(SSLMODES)}")

    options = {"sslmode": sslmode}
    rootcert = environ.get("DATABASE_SSLROOTCERT", "").strip()
    if rootcert:
        options["sslrootcert"] = rootcert

    config = {
        "ENGINE": IAM_BACKEND if iam else POSTGRES_BACKEND,
        "HOST": host,
        "PORT": port,
        "NAME": environ.get("DATABASE_NAME", "wagtail").strip() or "wagtail",
        "USER": environ.get("DATABASE_USER", "wagtail").strip() or "wagtail",
        "OPTIONS": options,
        # Keep connections for a minute; an IAM token is only needed to open one, so its
        # 15-minute lifetime does not bound this.
        "CONN_MAX_AGE": int(environ.get("DATABASE_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
    }
    if iam:
        # No password: the backend asks RDS for a token each time it opens a connection.
        config["PASSWORD"] = ""
        config["IAM_AUTH_REGION"] = aws_region(environ)
    else:
        config["PASSWORD"] = environ.get("DATABASE_PASSWORD", "")
    return config


def storages(environ, production):
    """STORAGES: media on S3 when AWS_STORAGE_BUCKET_NAME is set, the local filesystem otherwise;
    static files through WhiteNoise (hashed and compressed in production)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if bucket:
        options = {
            "bucket_name": bucket,
            "region_name": environ.get("AWS_S3_REGION_NAME", "").strip() or aws_region(environ),
            # Objects stay private; pages link to them through presigned URLs.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        }
        default = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    else:
        default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    static = (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if production
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    return {"default": default, "staticfiles": {"BACKEND": static}}


def cache_settings(environ):
    """CACHES: Redis when REDIS_URL is set (the optional compose service), local memory otherwise."""
    url = environ.get("REDIS_URL", "").strip()
    if url:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
