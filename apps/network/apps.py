from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The student's own network: people they know outside the binder. Below interviews: an
    interview's counterpart may be one of these people, and a referral recorded after an
    interview lands here."""

    name = "apps.network"
    label = "network"
    verbose_name = "People I know"

    def ready(self):
        from apps.accounts.signals import personal_data_wanted, private_notes_expired
        from apps.core.signals import answer, demo_seed_wanted

        from . import demo, privacy

        answer(personal_data_wanted, privacy.personal_data, uid="network-data")
        answer(private_notes_expired, privacy.purge_private_notes, uid="network-notes")
        answer(demo_seed_wanted, demo.seed, uid="network-demo")
