from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self):
        from apps.accounts.signals import personal_data_wanted, private_notes_expired
        from apps.core.signals import answer, demo_seed_wanted, worker_jobs_wanted

        from . import (
            demo,
            privacy,
            receivers,  # noqa: F401 - connects to the interviews' and binder's signals
            services,
        )

        answer(personal_data_wanted, privacy.personal_data, uid="reminders-data")
        answer(private_notes_expired, privacy.purge_private_notes, uid="reminders-notes")
        answer(worker_jobs_wanted, lambda: [services.queue_due_reminders], uid="reminders-jobs")
        answer(demo_seed_wanted, demo.seed, uid="reminders-demo")
