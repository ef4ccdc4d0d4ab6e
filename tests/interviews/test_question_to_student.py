"""Before answering, a professional can ask the student a question from their answer page. It
reaches the student by e-mail with the professional's address to reply to, and carries none of
the professional's links; the request e-mails point to it instead of a Reply-To that would
quote those links to the student (issue 21)."""

import email

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.models import QueuedEmail
from apps.interviews import services
from apps.interviews.models import Interview

from .helpers import sent_interview

pytestmark = pytest.mark.django_db


def ask(interview, question):
    token = services.professional_token(interview)
    return Client().post(
        reverse("interviews:respond_action", args=[token, "ask"]), {"question": question}
    )


def to_student(student):
    return [m for m in QueuedEmail.objects.order_by("pk") if student.email in m.recipients]


def test_the_answer_page_offers_the_question_and_it_reaches_the_student(student):
    interview = sent_interview(student)
    pro = interview.professional
    token = services.professional_token(interview)
    page = Client().get(reverse("interviews:respond", args=[token])).content.decode()
    assert f"Ask {student.full_name} a question first" in page
    before = len(to_student(student))
    response = ask(interview, "Could we make it a phone call instead?")
    assert response.status_code == 200
    assert "Your question is on its way to the student" in response.content.decode()
    (question,) = to_student(student)[before:]
    assert "Could we make it a phone call instead?" in question.body
    headers = email.message_from_string(question.message)
    assert headers["Reply-To"] == pro.email
    assert "/respond/" not in question.message and "/listing/" not in question.message
    interview.refresh_from_db()
    assert interview.status == Interview.Status.REQUESTED and interview.questions_asked == 1
    # The link still works: asking is not answering.
    assert Client().get(reverse("interviews:respond", args=[token])).status_code == 200


def test_an_empty_question_is_explained_and_sends_nothing(student):
    interview = sent_interview(student)
    queued = QueuedEmail.objects.count()
    response = ask(interview, "   ")
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert QueuedEmail.objects.count() == queued
    interview.refresh_from_db()
    assert interview.questions_asked == 0


def test_at_most_three_questions_go(student):
    interview = sent_interview(student)
    for n in range(services.MAX_QUESTIONS):
        assert ask(interview, f"Question {n}?").status_code == 200
    queued = QueuedEmail.objects.count()
    response = ask(interview, "One more?")
    assert response.status_code == 302  # back to the page, with the reason
    assert QueuedEmail.objects.count() == queued
    interview.refresh_from_db()
    assert interview.questions_asked == services.MAX_QUESTIONS


def test_an_answered_request_takes_no_question(student):
    interview = sent_interview(student)
    services.request_decline(interview=interview)
    interview.refresh_from_db()
    with pytest.raises(Exception, match="already been answered"):
        services.question_to_student(interview=interview, text="Still there?")
    assert not any("Still there?" in m.body for m in to_student(student))


def test_the_request_e_mail_points_to_the_question_on_the_page(student, run_worker):
    interview = sent_interview(student)
    run_worker()
    (request,) = [
        m for m in QueuedEmail.objects.all() if interview.professional.email in m.recipients
    ]
    assert f"A question first? Ask {student.full_name} on that page" in request.body
