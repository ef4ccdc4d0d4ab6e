from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self):
        from . import receivers  # noqa: F401 - connects to the interviews' and binder's signals
