import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.questions.models import Plan, PlanItem, Question, QuestionBank

from ..conftest import client_for

pytestmark = pytest.mark.django_db


def items(plan):
    return list(plan.items.values_list("text", flat=True))


@pytest.fixture
def bank():
    bank = QuestionBank.objects.create(title="Bank", published=True, theme="day_to_day")
    for n, text in enumerate(
        [
            "What does a typical week look like?",
            "How did you start?",
            "Who else would you suggest I talk to?",
        ]
    ):
        Question.objects.create(
            bank=bank, text=text, theme="closing" if n == 2 else "day_to_day", minutes=3, position=n
        )
    return bank


def test_build_a_plan_from_banks_and_free_text(student, student_client, bank):
    response = student_client.post(
        reverse("questions:plans"), {"title": "UX at a bank", "length_minutes": 15}
    )
    plan = Plan.objects.get(student=student)
    assert response["Location"] == reverse("questions:plan_detail", args=[plan.pk])
    for question in bank.questions.all():
        student_client.post(reverse("questions:plan_add_question", args=[plan.pk, question.pk]))
    student_client.post(
        reverse("questions:plan_add_text", args=[plan.pk]),
        {"text": "Do you like it?", "minutes": 2},
    )
    assert items(plan)[-1] == "Do you like it?"

    page = student_client.get(reverse("questions:plan_detail", args=[plan.pk])).content.decode()
    assert "About <strong>11 minutes</strong>" in page and "it fits" in page
    assert "This invites a yes or no" in page

    last = plan.items.get(text="Do you like it?")
    student_client.post(reverse("questions:plan_item_move", args=[plan.pk, last.pk, "up"]))
    assert items(plan)[2] == "Do you like it?"
    student_client.post(reverse("questions:plan_item_remove", args=[plan.pk, last.pk]))
    assert "Do you like it?" not in items(plan)

    student_client.post(
        reverse("questions:plan_add_text", args=[plan.pk]),
        {"text": "How has the work changed?", "minutes": 10},
    )
    page = student_client.get(reverse("questions:plan_detail", args=[plan.pk])).content.decode()
    assert "too long" in page and "more than the 15 you asked for" in page


def test_plan_keeps_its_copy_when_the_bank_changes(student, student_client, bank):
    plan = Plan.objects.create(student=student, title="P")
    question = bank.questions.first()
    student_client.post(reverse("questions:plan_add_question", args=[plan.pk, question.pk]))
    question.text = "Something else entirely?"
    question.save()
    question.delete()
    assert items(plan) == ["What does a typical week look like?"]


def test_missing_closing_question_and_duplicates_are_flagged(student, student_client):
    plan = Plan.objects.create(student=student, title="P")
    for _ in range(2):
        student_client.post(
            reverse("questions:plan_add_text", args=[plan.pk]),
            {"text": "How did you start?", "minutes": 2},
        )
    page = student_client.get(reverse("questions:plan_detail", args=[plan.pk])).content.decode()
    assert "no closing question" in page and "already number 1 in this plan" in page


def test_another_students_plan_is_404_and_unchanged(student, other_student, bank):
    plan = Plan.objects.create(student=student, title="Mine")
    item = PlanItem.objects.create(plan=plan, text="How did you start?", position=1)
    other = client_for(other_student)
    assert other.get(reverse("questions:plan_detail", args=[plan.pk])).status_code == 404
    assert other.get(reverse("questions:plan_print", args=[plan.pk])).status_code == 404
    assert (
        other.post(reverse("questions:plan_item_remove", args=[plan.pk, item.pk])).status_code
        == 404
    )
    assert (
        other.post(
            reverse("questions:plan_add_text", args=[plan.pk]), {"text": "Hijack?"}
        ).status_code
        == 404
    )
    other_plan = Plan.objects.create(student=other_student, title="Theirs")
    # An item id from one plan under another plan's URL is 404 too.
    assert (
        other.post(reverse("questions:plan_item_remove", args=[other_plan.pk, item.pk])).status_code
        == 404
    )
    assert items(plan) == ["How did you start?"]


def test_empty_and_long_free_text_is_refused(student, student_client):
    plan = Plan.objects.create(student=student, title="P")
    response = student_client.post(
        reverse("questions:plan_add_text", args=[plan.pk]), {"text": "  ", "minutes": 2}
    )
    assert response.status_code == 400 and "Write the question first." in response.content.decode()
    response = student_client.post(
        reverse("questions:plan_add_text", args=[plan.pk]), {"text": "y" * 400, "minutes": 2}
    )
    assert "Keep a question under 300 characters" in response.content.decode()
    assert not plan.items.exists()


def test_print_view_shows_questions_and_total(student, student_client, bank):
    plan = Plan.objects.create(student=student, title="Print me", length_minutes=20)
    for question in bank.questions.all():
        student_client.post(reverse("questions:plan_add_question", args=[plan.pk, question.pk]))
    page = student_client.get(reverse("questions:plan_print", args=[plan.pk])).content.decode()
    assert "20-minute conversation · about 9 minutes of questions" in page
    assert "How did you start?" in page and 'class="plan-print-list"' in page


def test_plan_page_queries_do_not_grow_with_items(student, student_client, bank):
    def count(n):
        plan = Plan.objects.create(student=student, title=f"P{n}")
        PlanItem.objects.bulk_create(
            PlanItem(plan=plan, text=f"What is {i}?", position=i) for i in range(n)
        )
        with CaptureQueriesContext(connection) as queries:
            response = student_client.get(
                reverse("questions:plan_detail", args=[plan.pk]), {"bank": bank.pk}
            )
        assert response.status_code == 200
        return len(queries)

    assert count(4) == count(40)
