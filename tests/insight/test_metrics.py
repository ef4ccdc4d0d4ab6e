"""Every dashboard figure on a known data set, with the exact numbers."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import MonthlyLoad, Professional, month_start
from apps.insight import metrics
from apps.interviews.models import Interview
from apps.reminders.models import Contact, ContactLog, Reminder, ThankYou

from ..conftest import make_user
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(timezone.datetime(2026, 11, 20, 12, 0))
LAPSED = NOW - timedelta(days=400)  # a consent given over a year before NOW


@pytest.fixture
def world():
    with time_machine.travel(NOW, tick=False):
        tech = [
            make_professional(
                industry="Technology",
                full_name=f"Tech {n}",
                occupation="Computer and Mathematical Occupations",
                consent_at=LAPSED,
            )
            for n in range(3)
        ]
        law = make_professional(
            industry="Law",
            full_name="Lawyer",
            occupation="Legal Occupations",
            consent_at=NOW - timedelta(days=30),
        )
        idle = make_professional(industry="Law", full_name="Idle One", consent_at=LAPSED)
        make_professional(industry="Technology", full_name="Paused", status="paused")
        students = [make_user(full_name=f"S{n}") for n in range(5)]
        ago = lambda days: NOW - timedelta(days=days)  # noqa: E731

        def interview(
            student, pro, status, *, requested=None, answered=None, research=True, recorded=None
        ):
            i = Interview.objects.create(
                student=student,
                professional=pro,
                status=status,
                research_career="notes" if research else "",
                requested_at=requested,
                answered_at=answered,
                recorded_at=recorded,
                notes="TOP SECRET NOTE",
                reflection="PRIVATE REFLECTION",
            )
            return i

        interview(students[0], tech[0], "draft", research=False)
        interview(students[1], tech[0], "requested", requested=ago(10))
        interview(students[2], tech[1], "declined", requested=ago(9), answered=ago(8))
        held = interview(
            students[3], tech[2], "completed", requested=ago(20), answered=ago(18), recorded=ago(5)
        )
        held2 = interview(
            students[4], law, "completed", requested=ago(30), answered=ago(29), recorded=ago(25)
        )
        interview(students[4], tech[1], "confirmed", requested=ago(3), answered=ago(2))
        ThankYou.objects.create(interview=held2, text="x", sent_at=ago(24))
        contact = Contact.objects.create(
            student=students[4], professional=law, last_contact_at=ago(2)
        )
        ContactLog.objects.create(contact=contact, at=ago(2), note="Coffee")
        MonthlyLoad.objects.create(professional=tech[0], month=month_start(), requests=2)
        MonthlyLoad.objects.create(professional=tech[1], month=month_start(), requests=1)
        Professional.objects.filter(pk=idle.pk).update(referred_by=law)
        never = make_user(full_name="Never Started")
        yield {"held": held, "idle": idle, "law": law, "never": never, "tech": tech}


def period():
    return metrics.Period(start=date(2026, 10, 1), end=date(2026, 11, 30))


def test_funnel_counts_distinct_students_and_drops(world):
    with time_machine.travel(NOW, tick=False):
        steps = metrics.funnel(period())
    assert [(s.label, s.students, s.drop) for s in steps] == [
        ("Researched", 4, 0),  # S0 only opened a workspace
        ("Requested", 4, 0),
        ("Confirmed", 2, 2),  # S3 and S4; S1 waits, S2 was declined
        ("Held the interview", 2, 0),
        ("Sent the thank-you", 1, 1),  # S4
        ("Kept in touch", 1, 0),  # S4's coffee after the interview
    ]


def test_demand_supply_weekly_and_responses(world):
    with time_machine.travel(NOW, tick=False):
        industry = metrics.demand_supply(period(), by="industry")
        assert [(r.name, r.requests, r.available) for r in industry] == [
            ("Technology", 4, 3),
            ("Law", 1, 2),
        ]
        weekly = metrics.requests_per_week(period())
        assert sum(n for _, n in weekly) == 5 and all(week.weekday() == 0 for week, _ in weekly)
        answered = metrics.responses(period())
    assert (answered.asked, answered.answered, answered.rate) == (5, 4, 80.0)
    assert answered.average_hours == round((48 + 24 + 24 + 24) / 4, 1)


def test_load_never_asked_consent_and_stalled(world):
    with time_machine.travel(NOW, tick=False):
        assert [(r.name, r.requests, r.capacity) for r in metrics.load_this_month()] == [
            ("Tech 0", 2, 2),
            ("Tech 1", 1, 2),
        ]
        assert metrics.at_capacity_count() == 1
        count, names = metrics.never_asked()
        assert count == 1 and [p.full_name for p in names] == ["Idle One"]
        due_count, due = metrics.consent_due()
        # Everyone but the lawyer (consented last month) agreed over a year ago, or (paused)
        # has no consent on record.
        assert due_count == 5 and "Lawyer" not in [p.full_name for p in due]
        stalled = metrics.stalled()
        assert [i.student.full_name for i in stalled.unanswered] == ["S1"]
        assert [i.student.full_name for i in stalled.no_thank_you] == ["S3"]
        assert "Never Started" in [u.full_name for u in stalled.never_started]
        assert stalled.never_started_count == 2  # S0 only drafted; Never Started did nothing
        assert metrics.referrals_in(period()) == 1  # Idle One, introduced by the lawyer
    tree = metrics.referral_tree(world["law"])
    assert [c.name for c in tree.children] == ["Idle One"]


def test_dashboard_page_charts_exports_and_privacy(world, staff_client, student_client):
    url = reverse("insight:dashboard")
    with time_machine.travel(NOW, tick=False):
        response = staff_client.get(
            url, {"days": "custom", "start": "2026-10-01", "end": "2026-11-30"}
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        '<svg role="img"' in page
        and '<title id="funnel-title">' in page
        and '<desc id="funnel-desc">' in page
    )
    assert "<td>Held the interview</td><td>2</td>" in page
    assert "TOP SECRET NOTE" not in page and "PRIVATE REFLECTION" not in page
    for table in ["funnel", "demand_industry", "never_asked", "no_thank_you"]:
        for fmt in ["csv", "xlsx"]:
            export = staff_client.get(reverse("insight:export", args=[table, fmt]), {"days": "365"})
            content = b"".join(export.streaming_content) if export.streaming else export.content
            assert export.status_code == 200 and b"TOP SECRET" not in content
    assert staff_client.get(reverse("insight:export", args=["nope", "csv"])).status_code == 404
    assert student_client.get(url).status_code == 403
    bad = staff_client.get(url, {"days": "custom", "start": "2026-11-30", "end": "2026-10-01"})
    assert "The end date is before the start date." in bad.content.decode()


def test_dashboard_queries_do_not_grow_with_data(staff_client, settings):
    settings.INSIGHT_CACHE_SECONDS = 0  # work the figures out on every load

    def count(n):
        pro = make_professional(industry="Technology")
        for _ in range(n):
            Interview.objects.create(
                student=make_user(),
                professional=pro,
                status="requested",
                requested_at=timezone.now() - timedelta(days=9),
            )
        with CaptureQueriesContext(connection) as queries:
            staff_client.get(reverse("insight:dashboard"))
        return len(queries)

    assert count(3) == count(30)


def test_the_figures_are_kept_for_a_while_and_can_be_worked_out_again(
    world, staff_client, settings
):
    # Expiry is tested with a frozen clock, which Redis (CACHE_URL in CI) does not follow.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    url = reverse("insight:dashboard")
    period = {"days": "custom", "start": "2026-10-01", "end": "2026-11-30"}

    def held(page):
        return page.split("<td>Held the interview</td><td>")[1].split("<")[0]

    with time_machine.travel(NOW, tick=False):
        first = staff_client.get(url, period).content.decode()
        assert held(first) == "2"
        assert "Worked out at 12:00; the figures are kept for 5 minutes" in first
        Interview.objects.create(
            student=make_user(),
            professional=Professional.objects.get(full_name="Lawyer"),
            status="completed",
            requested_at=NOW - timedelta(days=3),
            starts_at=NOW - timedelta(days=1),
            recorded_at=NOW - timedelta(hours=2),
        )
        with CaptureQueriesContext(connection) as queries:
            kept = staff_client.get(url, period).content.decode()
        assert held(kept) == "2"  # the kept copy
        assert len(queries) <= 4  # session, user, and nothing about interviews
        assert "fresh=1" in kept
        fresh = staff_client.get(url, {**period, "fresh": "1"}).content.decode()
        assert held(fresh) == "3"
    # Other periods are worked out on their own, and a kept copy ends after five minutes.
    with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
        Interview.objects.filter(student__full_name__startswith="Person").update(status="declined")
        assert held(staff_client.get(url, period).content.decode()) == "3"
    with time_machine.travel(NOW + timedelta(minutes=6), tick=False):
        assert held(staff_client.get(url, period).content.decode()) != "3"


def test_held_with_no_thank_you_reads_only_a_thank_you_reminder_marked_done():
    """A thank-you marked done (sent another way) takes an interview off the list; another
    kind of reminder marked done, beside a thank-you still to do, does not."""
    student = make_user(full_name="Una Held")
    ago = timezone.now() - timedelta(days=5)

    def held(name):
        return Interview.objects.create(
            student=student,
            professional=make_professional(full_name=name),
            status="completed",
            requested_at=ago,
            answered_at=ago,
            recorded_at=ago,
        )

    thanked_otherwise, still_to_thank = held("Vic Thanked"), held("Wyn Waiting")
    Reminder.objects.create(
        student=student, interview=thanked_otherwise, kind="thank_you", state="done", due_at=ago
    )
    Reminder.objects.create(
        student=student, interview=still_to_thank, kind="thank_you", state="pending", due_at=ago
    )
    Reminder.objects.create(
        student=student, interview=still_to_thank, kind="prepare", state="done", due_at=ago
    )
    stalled = metrics.stalled()
    assert [i.professional.full_name for i in stalled.no_thank_you] == ["Wyn Waiting"]
    assert stalled.no_thank_you_count == 1
