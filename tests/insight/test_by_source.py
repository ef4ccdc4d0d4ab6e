"""Staff insight counts conversations by source (the binder or the students' own networks) and
approaches by channel: numbers only, never whom a student knows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.insight import metrics
from apps.interviews.models import Interview
from apps.network.models import Approach, Person

from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(student, other_student):
    soon = timezone.now() + timedelta(days=2)
    pro = make_professional(full_name="Bea Binder")
    Interview.objects.create(student=student, professional=pro, status="draft")
    Interview.objects.create(
        student=other_student,
        professional=pro,
        status="completed",
        requested_at=timezone.now(),
    )
    people = [
        Person.objects.create(student=student, full_name=f"Secret Friend {n}") for n in range(3)
    ]
    Interview.objects.create(student=student, person=people[0], status="draft")
    Interview.objects.create(
        student=student,
        person=people[1],
        status="confirmed",
        starts_at=soon,
        ends_at=soon + timedelta(minutes=20),
    )
    Interview.objects.create(student=student, person=people[2], status="completed")
    today = timezone.localdate()
    for person, outcome in [
        (people[0], "voicemail"),
        (people[0], "no_answer"),
        (people[1], "emailed"),
        (people[1], "booked"),
        (people[2], "messaged"),
        (people[2], "declined"),
    ]:
        Approach.objects.create(person=person, on=today, outcome=outcome)
    # Outside the period: not counted.
    Approach.objects.create(person=people[2], on=today - timedelta(days=400), outcome="emailed")
    return people


def test_conversations_are_counted_by_source(world):
    rows = {r.label: r for r in metrics.by_source(metrics.Period.last_days(30))}
    assert (rows["The binder"].begun, rows["The binder"].booked, rows["The binder"].held) == (
        2,
        1,
        1,
    )
    own = rows["Students' own network"]
    assert (own.begun, own.booked, own.held) == (3, 2, 1)


def test_approaches_are_counted_by_channel(world):
    rows = dict(metrics.by_channel(metrics.Period.last_days(30), binder_requests=1))
    assert rows == {
        "Request through the binder": 1,
        "Phone": 2,
        "E-mail from their own mailbox": 1,
        "LinkedIn or other message": 1,
        "Answer: booked": 1,
        "Answer: declined": 1,
    }


def test_the_dashboard_shows_the_counts_and_no_name(world, staff_client):
    body = staff_client.get(reverse("insight:dashboard")).content.decode()
    assert "Conversations by source" in body and "Approaches by channel" in body
    assert "Students&#x27; own network" in body or "Students' own network" in body
    assert "Secret Friend" not in body
    csv = b"".join(
        staff_client.get(reverse("insight:export", args=["by_source", "csv"])).streaming_content
    ).decode()
    assert '"Students\' own network","3","2","1"' in csv
