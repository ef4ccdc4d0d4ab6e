from django.apps import AppConfig


class InsightConfig(AppConfig):
    """Staff insight: a read-only layer over every app (no models), imported by nobody."""

    name = "apps.insight"
    label = "insight"
    verbose_name = "Staff insight"
