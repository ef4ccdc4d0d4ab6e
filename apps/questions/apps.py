from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "apps.questions"
    label = "questions"
    verbose_name = "Question banks"

    def ready(self):
        from apps.accounts.signals import personal_data_wanted
        from apps.core.signals import answer, demo_seed_wanted

        from . import demo, privacy

        answer(personal_data_wanted, privacy.personal_data, uid="questions-data")
        answer(demo_seed_wanted, demo.seed, uid="questions-demo")
