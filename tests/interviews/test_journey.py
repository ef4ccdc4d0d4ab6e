from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.interviews.models import Answer, Interview, Promise, ProposedTime, Referral

from ..contacts.factories import make_professional
from .helpers import calendar_files, delivered_to, link_in, sent_interview

pytestmark = pytest.mark.django_db


def test_student_to_confirmed_to_recorded(student, student_client, run_worker):
    pro = make_professional(
        full_name="Priya Raman",
        email="priya@firm.example",
        phone="+1 212 555 0100",
        job_title="UX Researcher",
        time_zone="America/New_York",
        accepts_video=True,
    )
    # Start from the profile page, then research and plan.
    response = student_client.post(reverse("interviews:start", args=[pro.pk]))
    interview = Interview.objects.get()
    assert response["Location"] == reverse("interviews:detail", args=[interview.pk])
    page = student_client.get(response["Location"]).content.decode()
    assert "Before you can send the request, add" in page and "notes on the career" in page
    assert "priya@firm.example" not in page and "555 0100" not in page
    student_client.post(
        reverse("interviews:research", args=[interview.pk]),
        {
            "research_career": "Mixed methods",
            "research_organisation": "Fintech",
            "research_person": "10 years",
        },
    )
    for text in ["How did you start?", "What is a typical week?", "Who else should I talk to?"]:
        student_client.post(
            reverse("questions:plan_add_text", args=[interview.plan_id]),
            {"text": text, "minutes": 3},
        )

    # Draft the request in the student's own zone (Europe/London by default) and send it.
    when = (timezone.localtime(timezone.now() + timedelta(days=5))).replace(
        hour=15, minute=0, second=0, microsecond=0
    )
    response = student_client.post(
        reverse("interviews:request_save", args=[interview.pk]),
        {
            "format": "video",
            "length_minutes": 20,
            "accessibility_needs": "",
            "message": "Dear Priya, I am studying psychology and would love 20 minutes to learn about UX research.",
            "time_1": when.strftime("%Y-%m-%dT%H:%M"),
            "send": "1",
        },
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "requested" and interview.expires_at > timezone.now()
    assert mail.outbox == []
    run_worker()
    request_mail = delivered_to("priya@firm.example")[0]
    # The professional sees the time in their own zone, named.
    expected = timezone.localtime(
        interview.proposed_times.get().starts_at,
        __import__("zoneinfo").ZoneInfo("America/New_York"),
    )
    assert f"{expected:%H:%M} (America/New_York)" in request_mail.body
    path = link_in(request_mail.body, "/respond/")

    # Opening the link changes nothing.
    professional_client = Client()
    page = professional_client.get(path).content.decode()
    assert "would like to talk to you" in page and "learn about UX research" in page
    interview.refresh_from_db()
    assert interview.status == "requested"

    slot = interview.proposed_times.get()
    response = professional_client.post(
        path + "accept/", {"proposed_time": slot.pk, "where": "https://meet.example/abc"}
    )
    assert (
        response.status_code == 200 and "The conversation is confirmed" in response.content.decode()
    )
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.starts_at == slot.starts_at
    assert interview.ends_at == slot.starts_at + timedelta(minutes=20)

    # Both sides get the calendar file.
    mail.outbox.clear()
    run_worker()
    for address in [student.email, "priya@firm.example"]:
        (content,) = calendar_files(delivered_to(address)[0])
        event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
        assert event.decoded("DTSTART") == slot.starts_at

    # Only now does the student see how to reach them.
    page = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    assert "priya@firm.example" in page and "555 0100" in page
    # The used link no longer works.
    assert professional_client.post(path + "decline/").status_code == 410

    # After the meeting: record it.
    interview.starts_at = timezone.now() - timedelta(minutes=30)
    interview.ends_at = interview.starts_at + timedelta(minutes=20)
    interview.save()
    items = list(interview.plan.items.all())
    response = student_client.post(
        reverse("interviews:record", args=[interview.pk]),
        {
            f"answer_{items[0].pk}": "By accident, via a psychology lab job.",
            "notes": "Loved the honesty.",
            "language": "mixed methods\nsynthesis",
            "actual_minutes": 24,
            "reflection": "Yes, I think so.",
            "next_steps": "Take a stats course.",
            "promise_1": "Send a reading list",
            "promise_due_1": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "referral_name_1": "Sam Lee",
            "referral_role_1": "Research Ops",
            "referral_contact_1": "sam@firm.example",
        },
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "completed" and interview.actual_minutes == 24
    assert interview.language_terms() == ["mixed methods", "synthesis"]
    assert Answer.objects.get(item=items[0]).text.startswith("By accident")
    assert Promise.objects.get().text == "Send a reading list"
    assert Referral.objects.get().name == "Sam Lee"


def test_professional_suggests_another_time_and_the_student_confirms_it(
    student, student_client, run_worker
):
    interview = sent_interview(student, format="phone")  # a video call would need its link
    run_worker()
    path = link_in(delivered_to(interview.professional.email)[0].body, "/respond/")
    later = timezone.localtime(timezone.now() + timedelta(days=6)).replace(
        minute=0, second=0, microsecond=0
    )
    response = Client().post(
        path + "counter/",
        {"starts_at": later.strftime("%Y-%m-%dT%H:%M"), "note": "Phone: +1 555 0100"},
    )
    assert response.status_code == 200
    slot = ProposedTime.objects.get(proposed_by="professional")
    page = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    assert "They suggested" in page
    student_client.post(reverse("interviews:accept_time", args=[interview.pk, slot.pk]))
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.where == "Phone: +1 555 0100"


def test_decline_reaches_the_student(student, run_worker):
    interview = sent_interview(student)
    run_worker()
    path = link_in(delivered_to(interview.professional.email)[0].body, "/respond/")
    Client().post(path + "decline/", {"reason": "Swamped this term."})
    interview.refresh_from_db()
    assert interview.status == "declined" and interview.decline_reason == "Swamped this term."
    run_worker()
    assert "Swamped this term." in delivered_to(student.email)[-1].body


def test_written_answers_for_email_questions(student, run_worker):
    pro = make_professional(accepts_email=True)
    interview = sent_interview(student, pro, format="email")
    run_worker()
    path = link_in(delivered_to(pro.email)[0].body, "/respond/")
    page = Client().get(path).content.decode()
    assert "Answer their questions in writing" in page
    items = list(interview.plan.items.all())
    Client().post(path + "answers/", {f"answer_{items[0].pk}": "I started in a lab."})
    interview.refresh_from_db()
    assert interview.status == "completed"
    answer = Answer.objects.get()
    assert answer.written_by_professional and answer.text == "I started in a lab."
