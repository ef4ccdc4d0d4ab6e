"""Crafted input that used to end in a server error: digits of other scripts, NUL, stale links.

``str.isdigit()`` accepts "²" and "①", which ``int()`` refuses; PostgreSQL refuses NUL in
text. Each case now gets a page a person can act on, on SQLite and on PostgreSQL, and changes
nothing it should not.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import AuditEntry
from apps.interviews.models import Interview
from apps.questions.models import Plan
from apps.reminders.models import Contact, EmailOptOut
from apps.reminders.services import unsubscribe_token

from ..conftest import make_user
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db

OTHER_DIGITS = ["²", "①", "١٢", "٣", "Ⅻ", "𝟙", "1²"]


@pytest.mark.parametrize("digits", OTHER_DIGITS)
def test_a_plan_with_another_scripts_bank_number_shows_the_plan(student, student_client, digits):
    plan = Plan.objects.create(student=student, title="My plan", length_minutes=20)
    response = student_client.get(
        reverse("questions:plan_detail", args=[plan.pk]), {"bank": digits}
    )
    assert response.status_code == 200 and "My plan" in response.content.decode()


@pytest.mark.parametrize("digits", OTHER_DIGITS)
def test_the_audit_filter_ignores_another_scripts_number(staff_client, digits):
    AuditEntry.objects.create(actor_name="Sam", action=AuditEntry.Action.EXPORTED, detail="all")
    response = staff_client.get(reverse("contacts:audit"), {"professional": digits})
    assert response.status_code == 200 and "Sam" in response.content.decode()


@pytest.mark.parametrize("digits", [*OTHER_DIGITS, "ninety", "90.5"])
def test_a_keep_in_touch_cadence_in_other_digits_is_refused_with_a_reason(
    student, student_client, digits
):
    contact = Contact.objects.create(
        student=student,
        professional=make_professional(),
        cadence_days=91,
        last_contact_at=timezone.now(),
    )
    response = student_client.post(
        reverse("reminders:contact_update", args=[contact.pk]),
        {"cadence_days": digits, "is_mentor": "on"},
        follow=True,
    )
    assert response.status_code == 200
    assert "a whole number of days, such as 90; nothing was changed" in response.content.decode()
    contact.refresh_from_db()
    assert contact.cadence_days == 91 and not contact.is_mentor


def test_a_cadence_in_plain_digits_still_saves(student, student_client):
    contact = Contact.objects.create(
        student=student,
        professional=make_professional(),
        cadence_days=91,
        last_contact_at=timezone.now(),
    )
    student_client.post(
        reverse("reminders:contact_update", args=[contact.pk]), {"cadence_days": "60"}
    )
    contact.refresh_from_db()
    assert contact.cadence_days == 60


def test_a_nul_in_a_cancel_reason_is_dropped_and_the_cancellation_goes_through(
    student, student_client
):
    start = timezone.now() + timedelta(days=4)
    interview = Interview.objects.create(
        student=student,
        professional=make_professional(),
        status=Interview.Status.CONFIRMED,
        starts_at=start,
        ends_at=start + timedelta(minutes=20),
        length_minutes=20,
    )
    response = student_client.post(
        reverse("interviews:cancel", args=[interview.pk]),
        {"reason": "I am ill\x00, sorry", "confirm": "yes"},
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    assert "\x00" not in interview.cancel_reason and "I am ill, sorry" in interview.cancel_reason


@pytest.mark.parametrize(
    "path",
    [
        "/calendar/%00.ics",
        "/respond/%00/",
        "/listing/abc%00def/",
        "/unsubscribe/%00/",
        "/invitation/%00/",
        "/volunteer/confirm/%01/",
        "/binder/?q=%00",
    ],
)
def test_a_control_character_in_an_address_is_a_bad_request(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def test_the_unsubscribe_link_of_a_closed_account_says_so(client):
    student = make_user()
    token = unsubscribe_token(student.pk, "thank_you")
    User.objects.filter(pk=student.pk).delete()
    url = reverse("reminders:unsubscribe", args=[token])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 200
        assert "has been closed" in response.content.decode()
    assert not EmailOptOut.objects.exists()
