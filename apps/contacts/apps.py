from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "apps.contacts"
    label = "contacts"
    verbose_name = "Networking binder"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import search
        from .forms import forget_taxonomy_choices
        from .models import Industry, Occupation

        search.connect_signals()
        for model in (Industry, Occupation):
            post_save.connect(
                forget_taxonomy_choices, sender=model, dispatch_uid=f"taxonomy-{model}"
            )
            post_delete.connect(
                forget_taxonomy_choices, sender=model, dispatch_uid=f"taxonomy-gone-{model}"
            )
