"""Demo data for seed_demo: the curated banks, and a plan for the demo student."""

from apps.accounts.models import User

from .models import Plan, Question, QuestionBank
from .seeding import load_curated_banks
from .services import plan_add_question


def seed() -> list[str]:
    from django.apps import apps

    load_curated_banks(QuestionBank, Question, apps.get_model("contacts", "Industry"))
    student = User.objects.filter(email="student@example.edu").first()
    if student is not None and not Plan.objects.filter(student=student).exists():
        plan = Plan.objects.create(
            student=student, title="UX research conversations", length_minutes=20
        )
        picks = (
            Question.objects.filter(bank__owner__isnull=True)
            .order_by("bank__theme", "position")
            .distinct()
        )
        chosen: dict[str, Question] = {}
        for question in picks:
            chosen.setdefault(question.theme, question)
        for theme in ["day_to_day", "path", "skills", "closing"]:
            if theme in chosen:
                plan_add_question(plan=plan, question=chosen[theme])
    banks = QuestionBank.objects.curated().count()
    questions = Question.objects.filter(bank__owner__isnull=True).count()
    return [f"Question banks: {banks} curated banks, {questions} questions"]
