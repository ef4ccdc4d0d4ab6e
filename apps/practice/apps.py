from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """Rehearsal before an interview and language insights after: above interviews and
    questions, imported by nobody."""

    name = "apps.practice"
    label = "practice"
    verbose_name = "Practice and language"
