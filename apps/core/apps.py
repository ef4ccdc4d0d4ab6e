from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared pieces every app uses: the mail queue, the worker, access helpers, health."""

    name = "apps.core"
    label = "core"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
