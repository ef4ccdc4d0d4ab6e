"""The student's plans and private question banks in their data export."""

from apps.core.privacy import rows

from .models import PlanItem, Question


def personal_data(user) -> dict:
    return {
        "plans": rows(user.plans.order_by("created_at"), "id", "title", "length_minutes"),
        "plan_questions": rows(
            PlanItem.objects.filter(plan__student=user).order_by("plan_id", "position"),
            "plan_id",
            "position",
            "text",
            "theme",
            "minutes",
        ),
        "my_question_banks": rows(user.question_banks.order_by("title"), "id", "title"),
        "my_questions": rows(
            Question.objects.filter(bank__owner=user).order_by("bank_id", "position"),
            "bank_id",
            "text",
            "theme",
            "why",
        ),
    }
