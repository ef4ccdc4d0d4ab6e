"""The rules that spare professionals' time hold when a student's requests arrive all at once.

Each test runs twenty attempts on PostgreSQL through separate connections, released together
behind a barrier, and counts what the database and the mail queue hold afterwards.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from apps.core.models import QueuedEmail
from apps.interviews.models import Interview
from apps.reminders.models import ThankYou

from ..conftest import make_user
from ..contacts.factories import make_professional
from .helpers import ready_interview, sent_interview
from .test_concurrency import THREADS, run_at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks"),
]


def _answered(codes):
    """Every attempt got a page back: a view that raised leaves None (the test client
    re-raises), and a server error 500."""
    return all(isinstance(code, int) and code < 500 for code in codes)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_twenty_sends_at_once_leave_exactly_the_open_request_cap():
    student = make_user()
    drafts = [
        ready_interview(student, make_professional(), start_in=timedelta(days=3, hours=2 * n))
        for n in range(THREADS)
    ]

    def send(n):
        return _signed_in(student).post(f"/interviews/{drafts[n].pk}/send/").status_code

    codes = run_at_once(send)
    assert _answered(codes), codes
    waiting = Interview.objects.filter(student=student, status=Interview.Status.REQUESTED)
    assert waiting.count() == settings.INTERVIEW_MAX_OPEN_REQUESTS
    assert Interview.objects.filter(student=student, status=Interview.Status.DRAFT).count() == (
        THREADS - settings.INTERVIEW_MAX_OPEN_REQUESTS
    )
    assert QueuedEmail.objects.filter(subject__icontains="request").count() <= (
        settings.INTERVIEW_MAX_OPEN_REQUESTS
    )


def test_twenty_follow_ups_at_once_send_exactly_one():
    student = make_user()
    interview = sent_interview(student, make_professional())
    week_ago = timezone.now() - timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS + 1)
    Interview.objects.filter(pk=interview.pk).update(delivered_at=week_ago)
    before = QueuedEmail.objects.count()

    def follow_up(n):
        return _signed_in(student).post(f"/interviews/{interview.pk}/follow-up/").status_code

    codes = run_at_once(follow_up)
    assert _answered(codes), codes
    assert QueuedEmail.objects.count() - before == 1
    assert Interview.objects.get(pk=interview.pk).follow_up_sent_at is not None


def test_twenty_thank_yous_at_once_send_exactly_one():
    student = make_user()
    pro = make_professional()
    interview = Interview.objects.create(
        student=student,
        professional=pro,
        status=Interview.Status.COMPLETED,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(minutes=20),
        length_minutes=20,
    )
    before = QueuedEmail.objects.count()

    def thank(n):
        return (
            _signed_in(student)
            .post(f"/thank-you/{interview.pk}/", {"text": f"Thank you ({n}).", "send": "1"})
            .status_code
        )

    codes = run_at_once(thank)
    assert _answered(codes), codes
    assert QueuedEmail.objects.filter(recipients__contains=[pro.email]).count() == 1
    assert QueuedEmail.objects.count() - before == 1
    assert ThankYou.objects.filter(interview=interview, sent_at__isnull=False).count() == 1


def test_twenty_first_views_of_a_thank_you_make_one_draft():
    student = make_user()
    interview = Interview.objects.create(
        student=student,
        professional=make_professional(),
        status=Interview.Status.COMPLETED,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(minutes=20),
        length_minutes=20,
    )

    codes = run_at_once(
        lambda n: _signed_in(student).get(f"/thank-you/{interview.pk}/").status_code
    )
    assert codes == [200] * THREADS
    assert ThankYou.objects.filter(interview=interview).count() == 1
