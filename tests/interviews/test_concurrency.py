"""Simultaneous answers on PostgreSQL: exactly one booking wins, nobody gets a server error."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from apps.interviews import services
from apps.interviews.models import Interview, ProposedTime

from ..conftest import make_user
from ..contacts.factories import make_professional

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="real row locks and exclusion constraints"
    ),
]
THREADS = 20


def run_at_once(work):
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def worker(n):
        try:
            barrier.wait()
            results[n] = work(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_twenty_conflicting_accepts_confirm_exactly_one():
    pro = make_professional(monthly_capacity=THREADS)
    start = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    tokens = []
    for n in range(THREADS):
        interview = Interview.objects.create(
            student=make_user(),
            professional=pro,
            status="requested",
            length_minutes=20,
            requested_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=14),
        )
        # Every request proposes a time overlapping all the others.
        ProposedTime.objects.create(
            interview=interview, starts_at=start + timedelta(minutes=n % 10)
        )
        tokens.append((services.professional_token(interview), interview.proposed_times.get().pk))

    def accept(n):
        token, slot = tokens[n]
        return (
            Client()
            .post(
                f"/respond/{token}/accept/",
                {"proposed_time": slot, "where": "https://meet.example/r"},
            )
            .status_code
        )

    codes = run_at_once(accept)
    assert 500 not in codes
    assert codes.count(200) == 1, codes
    assert Interview.objects.filter(status="confirmed").count() == 1


def test_exclusion_constraint_refuses_an_overlap_written_directly():
    from django.db import IntegrityError, transaction

    pro = make_professional()
    start = timezone.now() + timedelta(days=2)
    Interview.objects.create(
        student=make_user(),
        professional=pro,
        status="confirmed",
        starts_at=start,
        ends_at=start + timedelta(minutes=20),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(
            student=make_user(),
            professional=pro,
            status="confirmed",
            starts_at=start + timedelta(minutes=10),
            ends_at=start + timedelta(minutes=30),
        )


def test_twenty_requests_against_capacity_one_send_exactly_one():
    from .helpers import ready_interview

    pro = make_professional(monthly_capacity=1)
    drafts = [
        ready_interview(make_user(), pro, start_in=timedelta(days=3 + n)) for n in range(THREADS)
    ]

    def send(n):
        try:
            services.request_send(interview=drafts[n])
            return "sent"
        except Exception as error:  # noqa: BLE001 - the test counts every kind of outcome
            return type(error).__name__

    outcomes = run_at_once(send)
    assert outcomes.count("sent") == 1, outcomes
    assert set(outcomes) == {"sent", "ValidationError"}
    assert Interview.objects.filter(status="requested").count() == 1
