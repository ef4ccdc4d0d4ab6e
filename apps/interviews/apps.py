from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "apps.interviews"
    label = "interviews"
    verbose_name = "Interviews"

    def ready(self):
        from apps.accounts.signals import (
            account_closing,
            personal_data_wanted,
            private_notes_expired,
        )
        from apps.core.signals import answer, demo_seed_wanted, worker_jobs_wanted

        from . import (
            demo,
            privacy,
            receivers,  # noqa: F401 - connects to the binder's signals
            services,
        )

        answer(personal_data_wanted, privacy.personal_data, uid="interviews-data")
        answer(account_closing, privacy.close_account, uid="interviews-close")
        answer(private_notes_expired, privacy.purge_private_notes, uid="interviews-notes")
        answer(
            worker_jobs_wanted,
            lambda: [services.expire_due_requests, services.deliver_waiting_requests],
            uid="interviews-jobs",
        )
        answer(demo_seed_wanted, demo.seed, uid="interviews-demo")
