from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "apps.contacts"
    label = "contacts"
    verbose_name = "Networking binder"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from apps.core.signals import answer, demo_seed_wanted, worker_jobs_wanted

        from . import demo, services
        from .filters import forget_taxonomy_choices
        from .models import Industry, Occupation

        answer(worker_jobs_wanted, lambda: [services.binder_housekeeping_job], uid="binder-jobs")
        answer(demo_seed_wanted, demo.seed, uid="binder-demo")
        for model in (Industry, Occupation):
            post_save.connect(
                forget_taxonomy_choices, sender=model, dispatch_uid=f"taxonomy-{model}"
            )
            post_delete.connect(
                forget_taxonomy_choices, sender=model, dispatch_uid=f"taxonomy-gone-{model}"
            )
