from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """Rehearsal before an interview and language insights after: above interviews and
    questions, imported by nobody."""

    name = "apps.practice"
    label = "practice"
    verbose_name = "Practice and language"

    def ready(self):
        from apps.accounts.signals import personal_data_wanted, private_notes_expired
        from apps.core.signals import answer

        from . import privacy

        answer(personal_data_wanted, privacy.personal_data, uid="practice-data")
        answer(private_notes_expired, privacy.purge_private_notes, uid="practice-notes")
