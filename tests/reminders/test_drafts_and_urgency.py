"""The thank-you draft speaks in the student's own words, the thank-you is due at once, mentors
keep the monthly cadence the contacts page promises, and the dashboard puts the most urgent
first (issue 21)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import StudentProfile
from apps.interviews import services as interviews
from apps.interviews.models import Interview
from apps.network.models import Person
from apps.reminders import services
from apps.reminders.models import Contact, Reminder

from ..contacts.factories import make_professional
from ..interviews.helpers import sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def held(student, **record):
    interview = sent_interview(student)
    interviews.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    interview.refresh_from_db()
    fields = {
        "answers": {},
        "notes": "",
        "language": "",
        "actual_minutes": 20,
        "reflection": "",
        "next_steps": "",
        "promises": [],
        "referrals": [],
        **record,
    }
    interviews.record_save(interview=interview, **fields)
    interview.refresh_from_db()
    return interview


def test_the_thank_you_keeps_the_students_words_recalls_every_promise_and_their_interests(
    student,
):
    StudentProfile.objects.update_or_create(
        user=student,
        defaults={
            "programme": "BSc Data Science",
            "career_interests": "Public-health analytics in Leeds.",
        },
    )
    interview = held(
        student,
        next_steps="Send my CV to Dr Okafor at the NHS Leeds office.",
        promises=[
            ("Introduce me to Sam Patel in London", None),
            ("Send the reading list I asked about", timezone.localdate() + timedelta(days=3)),
        ],
    )
    text = services.thank_you_draft(interview)
    assert "my next step is to send my CV to Dr Okafor at the NHS Leeds office." in text
    # In the order they fall due, the undated offer last (the same on every database).
    assert "offering to send the reading list I asked about" in text
    assert "and to introduce me to Sam Patel in London" in text
    assert "BSc Data Science" in text and "Public-health analytics in Leeds" in text
    # A step that starts with a name keeps its capital.
    interview.next_steps = "Priya's newsletter: subscribe"
    assert "my next step is to Priya's newsletter: subscribe." in services.thank_you_draft(
        interview
    )


def test_a_conversation_booked_after_it_happened_is_thanked_at_once(student):
    person = Person.objects.create(student=student, full_name="Aoife Byrne", role="Curator")
    interview = interviews.interview_start_with_person(student=student, person=person)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        interviews.booking_record(
            interview=interview,
            starts_at=start - timedelta(hours=2),
            length_minutes=20,
            format="phone",
            where="",
        )
        thank = Reminder.objects.pending().get(interview=interview, kind="thank_you")
        assert thank.due_at == start


def test_marking_a_mentor_on_the_contacts_page_makes_the_cadence_monthly(student, student_client):
    held(student)
    contact = Contact.objects.get(student=student)
    assert contact.cadence_days == 91
    # The page posts the cadence it shows along with the ticked box.
    student_client.post(
        reverse("reminders:contact_update", args=[contact.pk]),
        {"is_mentor": "on", "mentor_reason": "Guides me", "cadence_days": "91"},
    )
    contact.refresh_from_db()
    assert contact.is_mentor and contact.cadence_days == 30
    keep = Reminder.objects.pending().get(student=student, kind="keep_in_touch")
    assert keep.due_at == contact.last_contact_at + timedelta(days=30)
    # A cadence the student changes on purpose is theirs.
    student_client.post(
        reverse("reminders:contact_update", args=[contact.pk]),
        {"is_mentor": "on", "cadence_days": "14"},
    )
    contact.refresh_from_db()
    assert contact.cadence_days == 14
    # No longer a mentor, with the cadence untouched: back to every three months.
    student_client.post(
        reverse("reminders:contact_update", args=[contact.pk]), {"cadence_days": "14"}
    )
    contact.refresh_from_db()
    assert not contact.is_mentor and contact.cadence_days == 91


def test_the_dashboard_puts_tomorrows_conversation_then_thank_yous_before_older_chores(
    student, student_client
):
    soon = sent_interview(student, start_in=timedelta(hours=12))
    interviews.request_accept(
        where=LINK, interview=soon, proposed_time_id=soon.proposed_times.first().pk
    )
    other = sent_interview(student, make_professional())
    now = timezone.now()
    Reminder.objects.create(
        kind="keep_in_touch",
        student=student,
        due_at=now - timedelta(days=40),
        professional=make_professional(full_name="Old Contact"),
    )
    Reminder.objects.create(
        kind="thank_you",
        student=student,
        due_at=now - timedelta(days=2),
        interview=other,
        professional=other.professional,
    )
    page = student_client.get(reverse("home")).content.decode()
    cards = page.split("What to do now")[1].split("Upcoming interviews")[0]
    order = [
        cards.index(f"reminder-{kind}")
        for kind in ["prepare", "day_before", "thank_you", "keep_in_touch"]
    ]
    assert order == sorted(order), order
