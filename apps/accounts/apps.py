from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from apps.core.signals import answer, demo_seed_wanted, worker_jobs_wanted

        from . import demo, privacy

        answer(worker_jobs_wanted, lambda: [privacy.purge_notes_of_leavers], uid="accounts-jobs")
        answer(demo_seed_wanted, demo.seed, uid="accounts-demo")
