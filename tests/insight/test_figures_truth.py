"""The dashboard's one-pass aggregates against a recount in Python, on random interviews.

The funnel, the requests per week with their answers, demand by industry, the never-asked
professionals and the stalled lists are each worked out in as few passes as the database
allows (grouped per student, weeks found among the period's Mondays, counts taken as a
window over the same query). Here hypothesis draws interviews (statuses, research, request
and answer times around a change of the clocks, thank-you notes) and every figure must equal
the one counted row by row from the same rows.
"""

import os
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from apps.contacts.models import Professional
from apps.insight import metrics, views
from apps.interviews.models import Interview
from apps.reminders.models import ThankYou

from ..conftest import make_user
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
# Four weeks around the clocks going forward in London (Sunday 29 March 2026).
PERIOD = metrics.Period(start=date(2026, 3, 18), end=date(2026, 4, 12))
# Times are drawn in minutes either side of an origin inside the period (hypothesis draws
# near zero more often), reaching a week before the period and beyond its end.
# In UTC: Python adds and subtracts the wall clock of datetimes in one zone, so across the
# change of the clocks an aware London time plus 75 hours is 74 hours later.
ORIGIN = datetime(2026, 3, 25, 23, 0, tzinfo=UTC)
NOW = timezone.make_aware(datetime(2026, 4, 20, 12, 0))
STATUSES = [s for s, _ in Interview.Status.choices]
HELD, CONFIRMED_EVER = set(metrics.HELD), set(metrics.CONFIRMED_EVER)
OPEN = {"requested", "confirmed"}

minutes = st.integers(min_value=-14 * 24 * 60, max_value=26 * 24 * 60)
interviews = st.lists(
    st.fixed_dictionaries(
        {
            "student": st.integers(0, 3),
            "professional": st.integers(0, 4),
            "status": st.sampled_from(STATUSES),
            "research": st.booleans(),
            "cancelled_by": st.sampled_from(["", "", "student"]),
            "created": minutes,
            "requested": st.none() | minutes,
            "answer_after": st.none() | st.integers(1, 300 * 60),
            "thank_you": st.sampled_from([None, "draft", "sent"]),
        }
    ),
    max_size=14,
)


@pytest.fixture
def people():
    with time_machine.travel(ORIGIN - timedelta(days=40), tick=False):
        industries = ["Technology", "Technology", "Law", "Law", None]
        pros = [
            make_professional(industry=name, status="paused" if n == 4 else "active")
            for n, name in enumerate(industries)
        ]
        students = [make_user() for _ in range(4)]
    return pros, students


def _local_monday(when: datetime) -> date:
    if connection.vendor == "sqlite":  # weeks in UTC there (see metrics.requests_in)
        day = when.astimezone(UTC).date()
    else:
        day = timezone.localdate(when)
    return day - timedelta(days=day.weekday())


def _make(rows, pros, students) -> list[Interview]:
    made, open_pairs = [], set()
    for row in rows:
        pair = (row["student"], row["professional"])
        status = row["status"]
        if status in OPEN and pair in open_pairs:
            status = "declined"  # one open request per pair (a database constraint)
        if status in OPEN:
            open_pairs.add(pair)
        requested = (
            ORIGIN + timedelta(minutes=row["requested"]) if row["requested"] is not None else None
        )
        answered = (
            requested + timedelta(minutes=row["answer_after"])
            if requested and row["answer_after"]
            else None
        )
        interview = Interview.objects.create(
            student=students[row["student"]],
            professional=pros[row["professional"]],
            status=status,
            research_career="notes" if row["research"] else "",
            cancelled_by=row["cancelled_by"],
            requested_at=requested,
            answered_at=answered,
            recorded_at=answered + timedelta(days=1) if answered and status in HELD else None,
        )
        created = ORIGIN + timedelta(minutes=row["created"])
        Interview.objects.filter(pk=interview.pk).update(created_at=created)
        interview.created_at = created
        if row["thank_you"]:
            ThankYou.objects.create(
                interview=interview,
                text="Thank you",
                sent_at=NOW - timedelta(days=1) if row["thank_you"] == "sent" else None,
            )
        made.append(interview)
    return made


def _truth(made: list[Interview], pros, students) -> dict:
    since, until = PERIOD.since, PERIOD.until
    cohort = [i for i in made if since <= i.created_at < until]
    thanked = {i.pk for i in made if ThankYou.objects.filter(interview=i, sent_at__isnull=False)}

    def students_where(test):
        return len({i.student_id for i in cohort if test(i)})

    funnel = [
        students_where(lambda i: bool(i.research_career)),
        students_where(lambda i: i.requested_at is not None),
        students_where(lambda i: i.status in CONFIRMED_EVER or i.cancelled_by > ""),
        students_where(lambda i: i.status in HELD),
        students_where(lambda i: i.status in HELD and i.pk in thanked),
        0,  # nobody logged a contact afterwards
    ]
    asked = [i for i in made if i.requested_at and since <= i.requested_at < until]
    weeks = {}
    for i in asked:
        monday = _local_monday(i.requested_at)
        weeks[monday] = weeks.get(monday, 0) + 1
    answered = [i for i in asked if i.answered_at]
    hours = [(i.answered_at - i.requested_at).total_seconds() / 3600 for i in answered]
    industry = {}
    for i in asked:
        name = i.professional.industry.name if i.professional.industry else None
        if name:
            industry[name] = industry.get(name, 0) + 1
    ever_asked = {i.professional_id for i in made if i.requested_at}
    never_asked = [p.pk for p in pros if p.status == "active" and p.pk not in ever_asked]
    window = NOW - timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS)
    started = {i.student_id for i in made if i.requested_at}
    return {
        "funnel": funnel,
        "weeks": sorted(weeks.items()),
        "responses": (
            len(asked),
            len(answered),
            sum(hours) / len(hours) if hours else None,  # before rounding
        ),
        "industry": industry,
        "never_asked": (len(never_asked), never_asked),
        "unanswered": sum(
            1
            for i in made
            if i.status == "requested" and i.requested_at and i.requested_at < window
        ),
        "no_thank_you": sum(1 for i in made if i.status in HELD and i.pk not in thanked),
        "never_started": sum(1 for s in students if s.pk not in started),
    }


@hypothesis_settings(
    max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=interviews)
def test_every_figure_equals_a_recount_of_the_rows(people, rows):
    pros, students = people
    with transaction.atomic(), time_machine.travel(NOW, tick=False):
        made = _make(rows, pros, students)
        truth = _truth(made, pros, students)
        requests = metrics.requests_in(PERIOD)
        funnel = metrics.funnel(PERIOD)
        industry, _occupation = metrics.demand_supply_both(PERIOD)
        never_count, never = metrics.never_asked()
        stalled = metrics.stalled()

        assert [step.students for step in funnel] == truth["funnel"]
        assert requests.weeks == truth["weeks"]
        assert metrics.requests_per_week(PERIOD) == truth["weeks"]
        answers = requests.responses
        asked, answered, average = truth["responses"]
        assert (answers.asked, answers.answered) == (asked, answered)
        if average is None:
            assert answers.average_hours is None
        else:  # rounded to a tenth of an hour (SQLite's day fractions are not exact)
            assert abs(answers.average_hours - average) <= 0.05 + 1e-6
        assert {r.name: r.requests for r in industry if r.requests} == truth["industry"]
        assert (never_count, [p.pk for p in never]) == truth["never_asked"]
        assert stalled.unanswered_count == truth["unanswered"]
        assert stalled.no_thank_you_count == truth["no_thank_you"]
        assert stalled.never_started_count == truth["never_started"]
        transaction.set_rollback(True)


def test_a_week_starts_at_local_midnight_on_monday(people):
    pros, students = people
    # 00:30 on Monday 30 March in London is 23:30 on the Sunday in UTC.
    just_after = timezone.make_aware(datetime(2026, 3, 30, 0, 30))
    just_before = timezone.make_aware(datetime(2026, 3, 29, 23, 30))
    for n, when in enumerate([just_before, just_after]):
        Interview.objects.create(
            student=students[n], professional=pros[0], status="requested", requested_at=when
        )
    weeks = metrics.requests_per_week(PERIOD)
    if connection.vendor == "sqlite":
        assert weeks == [(date(2026, 3, 23), 2)]  # UTC weeks there, as documented
    else:
        assert weeks == [(date(2026, 3, 23), 1), (date(2026, 3, 30), 1)]


def test_lists_show_their_first_rows_and_count_them_all(people):
    pros, students = people
    with time_machine.travel(NOW, tick=False):
        count, first = metrics.never_asked(limit=2)
        assert count == 4 and len(first) == 2  # the paused one is not counted
        assert [p.pk for p in first] == [pros[0].pk, pros[1].pk]  # oldest first
        Professional.objects.update(status="paused")
        assert metrics.never_asked(limit=2) == (0, [])
        assert metrics.consent_due(limit=1) == (1, [pros[4]])  # no consent on record
        Professional.objects.filter(pk=pros[4].pk).update(consent_at=NOW)
        assert metrics.consent_due(limit=1) == (0, [])
        stalled = metrics.stalled(limit=1)
        assert stalled.never_started_count == 4 and len(stalled.never_started) == 1


def test_the_figures_take_a_fixed_number_of_queries(people, settings):
    """Twenty queries for every figure on the page, however many rows (the page adds the
    session and the user); the requests pass serves the weekly table and the answers, and
    the counts by source and by channel take one query each."""
    settings.INSIGHT_CACHE_SECONDS = 0
    with time_machine.travel(NOW, tick=False):
        with CaptureQueriesContext(connection) as queries:
            views.figures(PERIOD, "")
    assert len(queries) == 20, [q["sql"][:80] for q in queries]


def test_the_page_shows_the_recounted_answers(people, staff_client, settings):
    settings.INSIGHT_CACHE_SECONDS = 0
    pros, students = people
    requested = timezone.make_aware(datetime(2026, 4, 1, 9, 0))
    Interview.objects.create(
        student=students[0],
        professional=pros[0],
        status="declined",
        requested_at=requested,
        answered_at=requested + timedelta(hours=5),
    )
    with time_machine.travel(NOW, tick=False):
        page = staff_client.get(
            reverse("insight:dashboard"),
            {"days": "custom", "start": PERIOD.start.isoformat(), "end": PERIOD.end.isoformat()},
        ).content.decode()
    assert "<td>2026-03-30</td><td>1</td>" in page
