from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "apps.contacts"
    label = "contacts"
    verbose_name = "Networking binder"

    def ready(self):
        from . import search

        search.connect_signals()
