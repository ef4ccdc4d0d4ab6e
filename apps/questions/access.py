"""Every bank, question and plan is fetched for a user; anything else is 404."""

from django.shortcuts import get_object_or_404

from .models import Plan, PlanItem, Question, QuestionBank


def bank_for_viewer(user, pk) -> QuestionBank:
    return get_object_or_404(QuestionBank.objects.visible_to(user), pk=pk)


def _editable_banks(user):
    if user.is_career_staff:
        return QuestionBank.objects.filter(owner__isnull=True)
    return QuestionBank.objects.filter(owner=user)


def bank_for_editor(user, pk) -> QuestionBank:
    return get_object_or_404(_editable_banks(user), pk=pk)


def question_for_editor(user, pk) -> Question:
    return get_object_or_404(
        Question.objects.filter(bank__in=_editable_banks(user)).select_related("bank"), pk=pk
    )


def question_for_viewer(user, pk) -> Question:
    return get_object_or_404(
        Question.objects.filter(bank__in=QuestionBank.objects.visible_to(user)), pk=pk
    )


def plan_for_user(user, pk) -> Plan:
    return get_object_or_404(Plan.objects.filter(student=user), pk=pk)


def plan_item_for_user(user, plan_pk, item_pk) -> PlanItem:
    return get_object_or_404(
        PlanItem.objects.filter(plan__student=user, plan_id=plan_pk).select_related("plan"),
        pk=item_pk,
    )
