"""The request composer and the plan review share one detector: the coach's."""

import pytest
from django.urls import reverse

from apps.interviews import composer, services
from apps.interviews.models import Interview
from apps.questions.coach import review_question
from apps.questions.models import PlanItem

from ..contacts.factories import make_professional
from ..questions.corpus import rows

JOB_WARNING = "Your message seems to ask for a job or an internship."
INTRO = (
    "Dear Ana, I am a second-year geography student and I have read about your work on flood "
    "models. "
)


def _job_warned(text: str, organisation: str = "") -> bool:
    warnings = composer.review_message(text, length_minutes=20, organisation=organisation)
    return any(w.startswith(JOB_WARNING) for w in warnings)


@pytest.mark.parametrize(
    "wish",
    [
        "I would love to work at your company one day.",
        "I'd love to join your team after I graduate.",
        "I am keen to be part of your firm.",
        "I'd like to work for you when I finish my degree.",
        "I hope to join Bramblecode next year.",
        "I am interested in job opportunities at your firm.",
        "Could you help me get my foot in the door?",
        "Does your firm sponsor visas for graduates?",
        "Could you keep my details on file for future roles?",
    ],
)
def test_the_composer_warns_on_a_job_ask_in_the_message(wish):
    assert _job_warned(INTRO + wish, organisation="Bramblecode")


@pytest.mark.parametrize(
    "fine",
    [
        "What is it like to work at your company? I would love to hear about it.",
        "I would like to learn how you moved into hydrology.",
        "I am not asking about jobs: I would simply like to learn from your experience.",
        "Would you be open to an informational interview with me next week?",
        "Would you be willing to talk to me about your role?",
        "Could you spare me 15 minutes to talk about your current job?",
    ],
)
def test_the_composer_does_not_warn_on_a_message_that_asks_to_learn(fine):
    assert not _job_warned(INTRO + fine, organisation="Bramblecode")


def test_the_composer_and_the_plan_review_agree_on_every_corpus_question():
    for split in ("tuned", "held out"):
        for row in rows(split):
            in_plan = "job_ask" in {a.code for a in review_question(row.question, row.organisation)}
            assert _job_warned(row.question, row.organisation) == in_plan, row.question


@pytest.fixture
def bramblecode_interview(student):
    pro = make_professional(full_name="Ana Flood", organisation="Bramblecode", job_title="Modeller")
    return services.interview_start(student=student, professional=pro)


def test_the_interview_page_warns_on_a_wish_to_work_there(student_client, bramblecode_interview):
    Interview.objects.filter(pk=bramblecode_interview.pk).update(
        message=INTRO + "I would love to work at Bramblecode and hope you can help."
    )
    page = student_client.get(reverse("interviews:detail", args=[bramblecode_interview.pk]))
    assert page.status_code == 200
    assert JOB_WARNING in page.content.decode()


def test_a_closing_question_without_else_counts_on_the_interview_page(
    student_client, bramblecode_interview
):
    plan = bramblecode_interview.plan
    PlanItem.objects.create(plan=plan, text="How did you start?", position=0, minutes=3)
    url = reverse("interviews:detail", args=[bramblecode_interview.pk])
    assert "no closing question" in student_client.get(url).content.decode()
    PlanItem.objects.create(
        plan=plan,
        text="Could you recommend two more people I could contact?",
        position=1,
        minutes=2,
    )
    assert "no closing question" not in student_client.get(url).content.decode()


def test_the_plan_page_sees_a_website_fact_about_the_organisation_by_name(
    student_client, bramblecode_interview
):
    plan = bramblecode_interview.plan
    PlanItem.objects.create(plan=plan, text="What does Bramblecode do?", position=0, minutes=2)
    page = student_client.get(reverse("questions:plan_detail", args=[plan.pk]))
    assert page.status_code == 200
    assert (
        "The organisation&#x27;s website or a quick search answers this." in page.content.decode()
    )


def test_the_rehearsal_coaches_with_the_organisation_by_name(student, student_client):
    from apps.practice.models import Rehearsal

    from .helpers import ready_interview

    pro = make_professional(full_name="Ana Flood", organisation="Bramblecode")
    interview = ready_interview(student, pro)
    PlanItem.objects.filter(plan=interview.plan, position=0).update(
        text="What does Bramblecode do?"
    )
    student_client.post(reverse("practice:rehearsal_start", args=[interview.pk]))
    assert Rehearsal.objects.filter(interview=interview).exists()
    page = student_client.get(reverse("practice:rehearse", args=[interview.pk])).content.decode()
    assert "What does Bramblecode do?" in page
    assert "The organisation&#x27;s website or a quick search answers this." in page


def test_an_own_network_interview_names_the_persons_organisation(student):
    from apps.network.models import Person

    person = Person.objects.create(student=student, full_name="Sam Ortiz", organisation="Quillwort")
    interview = services.interview_start_with_person(student=student, person=person)
    assert Interview.objects.get(pk=interview.pk).organisation_name == "Quillwort"
