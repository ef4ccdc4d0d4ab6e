import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.contacts.models import Industry
from apps.questions.coach import review_question
from apps.questions.models import Question, QuestionBank, Theme
from apps.questions.seeding import CURATED_BANKS

pytestmark = pytest.mark.django_db


def make_bank(**fields):
    fields.setdefault("title", "Test bank")
    fields.setdefault("published", True)
    return QuestionBank.objects.create(**fields)


def texts(bank):
    return list(bank.questions.values_list("text", flat=True))


def test_seed_content_counts_and_every_curated_question_passes_the_coach():
    curated = QuestionBank.objects.curated()
    theme_banks = curated.filter(industries__isnull=True)
    assert {bank.theme for bank in theme_banks} == set(Theme.values)
    assert Question.objects.filter(bank__in=theme_banks).count() >= 60
    assert curated.filter(industries__isnull=False).distinct().count() >= 3
    for question in Question.objects.filter(bank__owner__isnull=True):
        assert review_question(question.text) == [], question.text
    assert curated.count() == len(CURATED_BANKS)


def test_staff_create_add_reorder_publish_and_duplicate(staff_client):
    response = staff_client.post(
        reverse("questions:bank_create"), {"title": "  Museums  ", "theme": "path"}
    )
    bank = QuestionBank.objects.get(title="Museums")
    assert response["Location"] == reverse("questions:bank_detail", args=[bank.pk])
    assert bank.owner is None and not bank.published
    for text in ["How did you start?", "What surprised you?", "Who else should I meet?"]:
        staff_client.post(
            reverse("questions:question_add", args=[bank.pk]),
            {"text": text, "theme": "path", "minutes": 2},
        )
    first = bank.questions.get(text="How did you start?")
    staff_client.post(reverse("questions:question_move", args=[first.pk, "down"]))
    assert texts(bank) == ["What surprised you?", "How did you start?", "Who else should I meet?"]
    staff_client.post(reverse("questions:question_move", args=[first.pk, "up"]))
    staff_client.post(reverse("questions:question_move", args=[first.pk, "up"]))  # already first
    assert texts(bank) == ["How did you start?", "What surprised you?", "Who else should I meet?"]

    staff_client.post(reverse("questions:bank_publish", args=[bank.pk]))
    bank.refresh_from_db()
    assert bank.published
    staff_client.post(reverse("questions:bank_duplicate", args=[bank.pk]))
    copy = QuestionBank.objects.get(title="Museums (copy)")
    assert not copy.published and texts(copy) == texts(bank)


def test_coach_advice_appears_next_to_questions_in_a_bank(staff_client):
    bank = make_bank()
    Question.objects.create(bank=bank, text="Do you like your job?", theme="satisfactions")
    page = staff_client.get(reverse("questions:bank_detail", args=[bank.pk])).content.decode()
    assert "This invites a yes or no" in page


def test_empty_and_over_long_questions_are_refused(staff_client):
    bank = make_bank()
    add = reverse("questions:question_add", args=[bank.pk])
    response = staff_client.post(add, {"text": "   ", "theme": "path", "minutes": 2})
    assert response.status_code == 400 and "Write the question first." in response.content.decode()
    response = staff_client.post(add, {"text": "x" * 301, "theme": "path", "minutes": 2})
    assert "Keep a question under 300 characters" in response.content.decode()
    response = staff_client.post(add, {"text": "How?", "theme": "nonsense", "minutes": 99})
    assert response.status_code == 400
    assert not bank.questions.exists()


def test_students_see_published_banks_filtered_by_theme_and_industry(student_client):
    tech = Industry.objects.get(name="Technology")
    make_bank(title="Visible tech", theme="skills").industries.add(tech)
    make_bank(title="Hidden draft", published=False)
    page = student_client.get(reverse("questions:browse")).content.decode()
    assert "Visible tech" in page and "Hidden draft" not in page
    by_industry = student_client.get(reverse("questions:browse"), {"industry": tech.pk}).context[
        "banks"
    ]
    assert "Visible tech" in [bank.title for bank in by_industry]
    assert all(tech in bank.industries.all() for bank in by_industry)
    filtered = student_client.get(reverse("questions:browse"), {"theme": "future"}).context["banks"]
    assert all(bank.theme == "future" for bank in filtered)
    draft = QuestionBank.objects.get(title="Hidden draft")
    assert student_client.get(reverse("questions:bank_detail", args=[draft.pk])).status_code == 404


def test_students_copy_questions_and_keep_private_banks(student_client, student, other_student):
    bank = make_bank()
    question = Question.objects.create(bank=bank, text="What changed?", theme="future")
    student_client.post(reverse("questions:question_copy", args=[question.pk]))
    student_client.post(reverse("questions:question_copy", args=[question.pk]))  # no duplicate
    own = QuestionBank.objects.get(owner=student)
    assert texts(own) == ["What changed?"]
    student_client.post(
        reverse("questions:question_add", args=[own.pk]),
        {"text": "How do you unwind?", "theme": "satisfactions", "minutes": 1},
    )
    assert texts(own) == ["What changed?", "How do you unwind?"]

    from tests.conftest import client_for

    other = client_for(other_student)
    assert other.get(reverse("questions:bank_detail", args=[own.pk])).status_code == 404
    mine = own.questions.first()
    response = other.post(reverse("questions:question_move", args=[mine.pk, "down"]))
    assert response.status_code == 404
    assert texts(own) == ["What changed?", "How do you unwind?"]
    assert other.post(reverse("questions:question_delete", args=[mine.pk])).status_code == 404
    assert own.questions.count() == 2


def test_csv_export_and_import(staff_client):
    bank = make_bank(theme="path")
    Question.objects.create(
        bank=bank, text="=How did you start?", theme="path", minutes=3, why="Origins"
    )
    export = b"".join(
        staff_client.get(reverse("questions:bank_export", args=[bank.pk])).streaming_content
    ).decode()
    assert "'=How did you start?" in export and "The path into the role" in export

    target = make_bank(title="Target", theme="skills")
    upload = io.BytesIO(export.encode())
    upload.name = "bank.csv"
    staff_client.post(reverse("questions:bank_import", args=[target.pk]), {"file": upload})
    imported = target.questions.get()
    assert (
        imported.text == "=How did you start?"
        and imported.theme == "path"
        and imported.minutes == 3
    )

    bad = io.BytesIO(b"Question,Theme,Minutes\nWhat now?,astrology,2\n,path,2\nFine?,path,99\n")
    bad.name = "bad.csv"
    response = staff_client.post(
        reverse("questions:bank_import", args=[target.pk]), {"file": bad}, follow=True
    )
    page = response.content.decode()
    assert (
        "Nothing was imported" in page
        and "Row 2:" in page
        and "Row 3:" in page
        and "Row 4:" in page
    )
    assert target.questions.count() == 1


def test_bank_page_queries_do_not_grow(staff_client):
    def count(n):
        bank = make_bank(title=f"Bank {n}")
        for i in range(n):
            Question.objects.create(bank=bank, text=f"What is thing {i}?", theme="path", position=i)
        with CaptureQueriesContext(connection) as queries:
            staff_client.get(reverse("questions:bank_detail", args=[bank.pk]))
        return len(queries)

    assert count(3) == count(30)
