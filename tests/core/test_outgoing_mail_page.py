"""Staff's Outgoing e-mail page lists every message (waiting, sent and failed) with its
recipient, subject, status and time, a page at a time, and never a body or a link's secret."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from apps.core.mail import email_send
from apps.core.models import QueuedEmail

pytestmark = pytest.mark.django_db
SECRET = "SECRET-TOKEN-abc123"


def _mail(recipient, subject, status=QueuedEmail.Status.QUEUED, **fields):
    return QueuedEmail.objects.create(
        from_email="careers@example.edu",
        recipients=[recipient],
        subject=subject,
        body=f"Open https://careers.example.edu/respond/{SECRET}/",
        message=f"Subject: {subject}\n\nhttps://careers.example.edu/respond/{SECRET}/",
        status=status,
        **fields,
    )


def test_sent_waiting_and_failed_mail_are_all_listed_with_their_times(staff_client):
    sent_at = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    _mail(
        "sent@example.org", "Alex would like 20 minutes", QueuedEmail.Status.SENT, sent_at=sent_at
    )
    _mail("waiting@example.org", "Confirm your address")
    _mail("bounce@example.org", "Your listing", QueuedEmail.Status.FAILED, last_error="550 no")
    page = staff_client.get(reverse("mail_queue")).content.decode()
    for text in (
        "sent@example.org",
        "Alex would like 20 minutes",
        "waiting@example.org",
        "bounce@example.org",
        "550 no",
        "3 e-mails",
    ):
        assert text in page
    assert "sent 2 Mar 2026, 10:15" in page  # staff's zone is the site's (Europe/London)
    assert ">Sent</span>" in page and ">Queued</span>" in page and ">Failed</span>" in page


def test_bodies_and_link_secrets_never_reach_the_page(staff_client):
    email_send(
        name="confirm_email",
        to=["new@example.edu"],
        context={"user": None, "link": f"https://careers.example.edu/confirm/{SECRET}/"},
    )
    assert SECRET in QueuedEmail.objects.get().body
    page = staff_client.get(reverse("mail_queue")).content.decode()
    assert "new@example.edu" in page
    assert SECRET not in page and "/confirm/" not in page


def test_the_list_is_paginated_newest_first(staff_client):
    for n in range(55):
        _mail(f"person{n}@example.org", f"Message {n}", QueuedEmail.Status.SENT)
    first = staff_client.get(reverse("mail_queue")).content.decode()
    assert "55 e-mails" in first and "Page 1 of 2" in first
    assert "person54@example.org" in first and "person4@example.org" not in first
    second = staff_client.get(reverse("mail_queue"), {"page": 2}).content.decode()
    assert "person4@example.org" in second and "person54@example.org" not in second


def test_a_status_filter_narrows_the_list_and_a_bad_one_is_explained(staff_client):
    _mail("sent@example.org", "Gone", QueuedEmail.Status.SENT)
    _mail("failed@example.org", "Stuck", QueuedEmail.Status.FAILED)
    only_failed = staff_client.get(reverse("mail_queue"), {"status": "failed"}).content.decode()
    assert "failed@example.org" in only_failed and "sent@example.org" not in only_failed
    response = staff_client.get(reverse("mail_queue"), {"status": "<b>nope</b>"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "showing all e-mail" in page and "<b>nope</b>" not in page
    assert "failed@example.org" in page and "sent@example.org" in page


def test_students_cannot_see_outgoing_mail(student_client):
    _mail("sent@example.org", "Gone", QueuedEmail.Status.SENT)
    response = student_client.get(reverse("mail_queue"))
    assert response.status_code in (403, 404)
    assert b"sent@example.org" not in response.content


def test_staff_find_outgoing_mail_in_their_menu_and_students_do_not(staff_client, student_client):
    link = f'<a class="nav-link" href="{reverse("mail_queue")}">Outgoing e-mail</a>'
    assert link in staff_client.get(reverse("about")).content.decode()
    assert reverse("mail_queue") not in student_client.get(reverse("about")).content.decode()
