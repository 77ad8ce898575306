from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operational plumbing: the health check and the one-off database bootstrap command."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ops"
