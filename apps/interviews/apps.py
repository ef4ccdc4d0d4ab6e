from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "apps.interviews"
    label = "interviews"
    verbose_name = "Interviews"

    def ready(self):
        from . import receivers  # noqa: F401 - connects to the binder's signals
