"""Production settings: everything that differs between deployments comes from the environment.

The ECS task definition sets these variables (docs/local-wagtail.md lists them); the image sets
DJANGO_SETTINGS_MODULE=wagtail_site.settings.production.
"""

from .base import *  # noqa: F403
from .base import env, os

DEBUG = False

SECRET_KEY = env.require(os.environ, "DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env.env_list(os.environ, "ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise env.ImproperlyConfigured("the environment variable ALLOWED_HOSTS is required")

DATABASES = {"default": env.database_settings(os.environ)}

# Hashed, compressed static files served by WhiteNoise; media on S3 when a bucket is named.
STORAGES = env.storages(os.environ, production=True)

# TLS ends at the load balancer, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Cookies only over HTTPS; a local run over plain HTTP turns this off.
SESSION_COOKIE_SECURE = env.env_bool(os.environ, "DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# HSTS once the domain is known to stay HTTPS-only (irreversible for browsers that saw it).
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
# Wagtail's page preview frames the site itself.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W008",  # HTTP to HTTPS redirect: the load balancer's port 80 listener does it
    "security.W019",  # X_FRAME_OPTIONS is SAMEORIGIN on purpose (page preview)
]

# Mail through SMTP when EMAIL_HOST is set (EMAIL_HOST_PASSWORD comes from SSM as a task secret).
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env.env_bool(os.environ, "EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
