from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The student's own network: people they know outside the binder. Above interviews
    (a referral recorded after an interview lands here); imported by nobody."""

    name = "apps.network"
    label = "network"
    verbose_name = "People I know"

    def ready(self):
        from apps.accounts.signals import personal_data_wanted
        from apps.core.signals import answer, demo_seed_wanted

        from . import demo, privacy

        answer(personal_data_wanted, privacy.personal_data, uid="network-data")
        answer(demo_seed_wanted, demo.seed, uid="network-demo")
