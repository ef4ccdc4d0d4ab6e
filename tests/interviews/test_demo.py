"""The demo interviews: one confirmed meeting that has just happened and waits to be recorded,
a term of activity by an invented cohort behind the insight charts, every meeting on a weekday
in working hours, and a second run that changes nothing."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.accounts.demo import cohort
from apps.accounts.models import User
from apps.insight import metrics
from apps.interviews.models import Interview, ProposedTime
from apps.interviews.rules import why_cannot_record
from apps.reminders.models import ContactLog, ThankYou

from ..conftest import client_for

pytestmark = pytest.mark.django_db

# A Wednesday evening and a Saturday night (UTC): a seed at either must still put every
# meeting on a weekday between 10:00 and 16:00, and find a "just happened" one.
CLOCKS = [datetime(2026, 3, 11, 21, 30, tzinfo=UTC), datetime(2026, 3, 14, 3, 5, tzinfo=UTC)]


def _seed():
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())


def _meetings():
    for interview in Interview.objects.exclude(starts_at=None):
        yield interview.starts_at
    yield from ProposedTime.objects.values_list("starts_at", flat=True)


@pytest.mark.parametrize("clock", CLOCKS, ids=["wednesday-evening", "saturday-night"])
def test_every_demo_meeting_is_on_a_weekday_in_working_hours(clock):
    with time_machine.travel(clock, tick=False):
        _seed()
        times = [timezone.localtime(moment) for moment in _meetings()]
    assert len(times) > 20
    outside = [t for t in times if t.weekday() >= 5 or not 10 <= t.hour <= 16]
    assert outside == []


@pytest.mark.parametrize("clock", CLOCKS, ids=["wednesday-evening", "saturday-night"])
def test_a_confirmed_interview_has_just_happened_and_is_ready_to_record(clock):
    with time_machine.travel(clock, tick=False):
        _seed()
        now = timezone.now()
        just = Interview.objects.filter(
            student__email="student@example.edu", status="confirmed", ends_at__lte=now
        ).get()
        assert why_cannot_record(just) == ""
        assert (now - just.ends_at).days < 3  # the last working slot, not weeks ago
        student = User.objects.get(email="student@example.edu")
        page = client_for(student).get(reverse("interviews:detail", args=[just.pk]))
        assert reverse("interviews:record", args=[just.pk]) in page.content.decode()
        assert (
            client_for(student).get(reverse("interviews:record", args=[just.pk])).status_code == 200
        )


def test_the_term_fills_the_insight_charts_week_by_week(staff):
    _seed()
    cohort_emails = [p["email"] for p in cohort()]
    term = Interview.objects.filter(student__email__in=cohort_emails)
    assert term.count() >= 20
    period = metrics.Period.last_days(90)
    weeks = [count for _, count in metrics.requests_per_week(period)]
    assert sum(1 for count in weeks if count) >= 10  # requests in most weeks, not one spike
    # Begun when they were requested, not all on the day of seeding.
    assert term.filter(created_at__lt=timezone.now() - timedelta(days=30)).count() >= 8
    steps = {step.label: step.students for step in metrics.funnel(period)}
    assert steps["Requested"] >= 12 and steps["Held the interview"] >= 6
    assert steps["Sent the thank-you"] >= 4 and steps["Kept in touch"] >= 1
    page = client_for(staff).get(reverse("insight:dashboard")).content.decode()
    assert "<svg" in page


def test_seeding_again_changes_nothing():
    _seed()

    def state():
        return (
            User.objects.count(),
            sorted(Interview.objects.values_list("pk", "status", "starts_at", "created_at")),
            ProposedTime.objects.count(),
            ThankYou.objects.count(),
            ContactLog.objects.count(),
        )

    before = state()
    _seed()
    assert state() == before
