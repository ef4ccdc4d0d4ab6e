from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "apps.questions"
    label = "questions"
    verbose_name = "Question banks"
