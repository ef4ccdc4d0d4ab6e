"""Every figure on the staff dashboard, each a function over a period, built from metadata
only (statuses, dates, counts; never a student's notes). Aggregates run in the database: no
Python loop walks the interviews."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DurationField,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import Industry, MonthlyLoad, Occupation, Professional, month_start
from apps.interviews.approach_rules import Outcome
from apps.interviews.models import Interview
from apps.network.models import Approach
from apps.reminders.models import ContactLog, Reminder, ThankYou

HELD = ("completed",)
CONFIRMED_EVER = ("confirmed", "completed", "no_show")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @classmethod
    def last_days(cls, days: int, today: date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(start=today - timedelta(days=days - 1), end=today)


def _interviews_in(period: Period):
    """Interviews begun (created) in the period: the cohort the funnel follows."""
    return Interview.objects.filter(created_at__gte=period.since, created_at__lt=period.until)


@dataclass
class FunnelStep:
    label: str
    students: int
    drop: int  # how many fewer than the step before


def funnel(period: Period) -> list[FunnelStep]:
    """Distinct students at each step, for interviews begun in the period (three queries).

    One pass over the cohort, grouped by student, says for each of the first four steps
    whether any of the student's interviews reached it; then the students are counted. A
    hashed group per student costs a fraction of four ``COUNT(DISTINCT student)``, each of
    which sorts every row again."""

    def reached(condition: Q):
        return Max(Case(When(condition, then=1), default=0, output_field=IntegerField()))

    conditions = {
        "researched": ~Q(research_career="")
        | ~Q(research_organisation="")
        | ~Q(research_person=""),
        "requested": Q(requested_at__isnull=False),
        "confirmed": Q(status__in=CONFIRMED_EVER) | Q(cancelled_by__gt=""),
        "held": Q(status__in=HELD),
    }
    cohort = _interviews_in(period)
    per_student = (
        cohort.values("student")
        .annotate(**{f"{key}_any": reached(condition) for key, condition in conditions.items()})
        .order_by()
    )
    counts = per_student.aggregate(**{key: Coalesce(Sum(f"{key}_any"), 0) for key in conditions})
    # The two last steps look only at held interviews, in queries of their own, so the pass
    # above needs no join and no per-row subquery (joining the thank-yous there costs more
    # than this query does).
    held = cohort.filter(status__in=HELD)
    counts["thanked"] = (
        ThankYou.objects.filter(
            sent_at__isnull=False,
            interview__status__in=HELD,
            interview__created_at__gte=period.since,
            interview__created_at__lt=period.until,
        )
        .values("interview__student")
        .distinct()
        .count()
    )
    later_contact = ContactLog.objects.filter(
        contact__student=OuterRef("student"),
        contact__professional=OuterRef("professional"),
        at__gt=OuterRef("recorded_at"),
    ).exclude(note__in=["Interview held", "Thank-you note sent"])
    counts["kept"] = held.filter(Exists(later_contact)).values("student").distinct().count()
    labels = [
        ("researched", "Researched"),
        ("requested", "Requested"),
        ("confirmed", "Confirmed"),
        ("held", "Held the interview"),
        ("thanked", "Sent the thank-you"),
        ("kept", "Kept in touch"),
    ]
    steps: list[FunnelStep] = []
    before: int | None = None
    for key, label in labels:
        value = counts[key]
        steps.append(
            FunnelStep(
                label=label, students=value, drop=(before - value) if before is not None else 0
            )
        )
        before = value
    return steps


@dataclass
class DemandRow:
    name: str
    requests: int
    available: int

    @property
    def ratio(self) -> float | None:
        return round(self.requests / self.available, 2) if self.available else None


def demand_supply_both(period: Period) -> tuple[list[DemandRow], list[DemandRow]]:
    """Requests made in the period against active professionals, per industry and per
    occupation: one grouped query for demand and one for supply serve both tables, grouped
    by id (the names come from the two small taxonomy tables)."""
    demand = (
        Interview.objects.filter(requested_at__gte=period.since, requested_at__lt=period.until)
        .values_list("professional__industry_id", "professional__occupation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    supply = (
        Professional.objects.filter(status=Professional.Status.ACTIVE)
        .values_list("industry_id", "occupation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    industries = dict(Industry.objects.values_list("pk", "name"))
    occupations = dict(Occupation.objects.values_list("pk", "name"))
    demand_rows, supply_rows = list(demand), list(supply)
    return (
        _rows(demand_rows, supply_rows, 0, industries),
        _rows(demand_rows, supply_rows, 1, occupations),
    )


def _rows(
    demand: list[tuple[Any, ...]],
    supply: list[tuple[Any, ...]],
    position: int,
    names: dict[int, str],
) -> list[DemandRow]:
    asked: Counter[str] = Counter()
    available: Counter[str] = Counter()
    for *ids, n in demand:
        if ids[position]:
            asked[names[ids[position]]] += n
    for *ids, n in supply:
        if ids[position]:
            available[names[ids[position]]] += n
    rows = [
        DemandRow(name=name, requests=asked[name], available=available[name])
        for name in set(asked) | set(available)
    ]
    return sorted(rows, key=lambda r: (-r.requests, r.name))


def demand_supply(period: Period, *, by: str = "industry") -> list[DemandRow]:
    industry, occupation = demand_supply_both(period)
    return industry if by == "industry" else occupation


@dataclass
class Responses:
    asked: int
    answered: int
    average_hours: float | None

    @property
    def rate(self) -> float | None:
        return round(100 * self.answered / self.asked, 1) if self.asked else None


@dataclass
class Requests:
    weeks: list[tuple[date, int]]  # (the Monday, requests sent that week)
    responses: Responses


def requests_in(period: Period) -> Requests:
    """Requests sent in the period, week by week (weeks start on Monday), and how they were
    answered: one grouped pass over the requests, which interview_requested_idx holds. The
    answers' totals are sums of the weeks' sums, so the average is the one over every
    answered request."""
    requested = Interview.objects.filter(
        requested_at__gte=period.since, requested_at__lt=period.until
    )
    if connection.vendor == "sqlite":
        # Django's week truncation and durations on SQLite are Python functions called per
        # row; whole weeks since a Monday and hours in native date arithmetic are twenty times
        # faster. (Weeks here follow UTC; a request in the hour after midnight on a summer
        # Monday lands in the week before.)
        first = date(1970, 1, 5)
        week: Expression = RawSQL(
            "CAST((julianday(interviews_interview.requested_at) - julianday('1970-01-05')) / 7 AS INTEGER)",
            [],
        )
        hours: Expression = RawSQL(
            "(julianday(interviews_interview.answered_at) - julianday(interviews_interview.requested_at)) * 24",
            [],
            output_field=FloatField(),
        )
    else:
        # The week is found by a binary search among the period's local Monday midnights,
        # worked out here, instead of converting every request's time to the local zone and
        # truncating it (the same weeks, at half the cost per row).
        first = period.start - timedelta(days=period.start.weekday())
        mondays = [
            timezone.make_aware(datetime.combine(first + timedelta(weeks=n), time.min))
            for n in range(1, (period.end - first).days // 7 + 2)
        ]
        week = Func(
            F("requested_at"), Value(mondays), function="width_bucket", output_field=IntegerField()
        )
        hours = ExpressionWrapper(F("answered_at") - F("requested_at"), DurationField())
    rows = (
        requested.annotate(week=week)
        .values("week")
        .annotate(
            n=Count("*"),
            answered=Count("answered_at"),  # the answered ones: answered_at is set
            hours=Sum(hours),  # unanswered ones have none
        )
        .order_by("week")
    )
    weeks, asked, answered, hours_total = [], 0, 0, 0.0
    for row in rows:
        weeks.append((first + timedelta(weeks=row["week"]), row["n"]))
        asked += row["n"]
        answered += row["answered"]
        if isinstance(row["hours"], timedelta):
            hours_total += row["hours"].total_seconds() / 3600
        elif row["hours"] is not None:
            hours_total += row["hours"]
    average = round(hours_total / answered, 1) if answered else None
    return Requests(
        weeks=weeks, responses=Responses(asked=asked, answered=answered, average_hours=average)
    )


def requests_per_week(period: Period) -> list[tuple[date, int]]:
    return requests_in(period).weeks


def responses(period: Period) -> Responses:
    return requests_in(period).responses


def _first_and_count(queryset, limit: int) -> tuple[int, list]:
    """The first ``limit`` rows of a queryset and how many rows it has in all, in one query:
    the count is a window over the whole result, worked out before the limit applies, so
    the filter (often an anti-join) runs once and only the first rows come back."""
    rows = list(queryset.annotate(rows_in_all=Window(Count("*")))[:limit])
    return (rows[0].rows_in_all if rows else 0), rows


@dataclass
class LoadRow:
    pk: int
    name: str
    requests: int
    capacity: int


def load_this_month(limit: int = 15) -> list[LoadRow]:
    """The most asked professionals this month, against their capacity."""
    rows = (
        MonthlyLoad.objects.filter(month=month_start(), requests__gt=0)
        .select_related("professional")
        .only("requests", "professional__full_name", "professional__monthly_capacity")
        .order_by("-requests", "professional__full_name")[:limit]
    )
    return [
        LoadRow(
            r.professional_id, r.professional.full_name, r.requests, r.professional.monthly_capacity
        )
        for r in rows
    ]


def at_capacity_count() -> int:
    return MonthlyLoad.objects.filter(
        month=month_start(), requests__gte=F("professional__monthly_capacity")
    ).count()


def never_asked(limit: int = 20) -> tuple[int, list[Professional]]:
    """Active professionals nobody has ever asked: candidates to promote, or to check on.
    One query: the anti-join runs once, the count is a window over its result and only the
    first few rows come back (building every one of them was most of the cost)."""
    asked = Interview.objects.filter(professional=OuterRef("pk"), requested_at__isnull=False)
    queryset = (
        Professional.objects.filter(status=Professional.Status.ACTIVE)
        .exclude(Exists(asked))
        .select_related("industry")
        .only("full_name", "created_at", "industry__name")
        .order_by("created_at", "pk")
    )
    return _first_and_count(queryset, limit)


def consent_due(limit: int = 20) -> tuple[int, list[Professional]]:
    queryset = (
        Professional.objects.consent_due(timezone.now())
        .filter(erased_at__isnull=True)
        .only("full_name", "consent_at")
        .order_by("consent_at", "pk")
    )
    return _first_and_count(queryset, limit)


@dataclass
class Stalled:
    unanswered: list[Interview]
    unanswered_count: int
    no_thank_you: list[Interview]
    no_thank_you_count: int
    never_started: list[User]
    never_started_count: int


def stalled(limit: int = 20) -> Stalled:
    """Three lists of work that has stopped, each its first rows and how many in all. The two
    interview lists are read in the order of an index (interview_waiting_idx,
    interview_held_idx), so their first rows cost a few index entries and their counts join
    nobody; the students' list is one query, its count a window over it."""
    window = timezone.now() - timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS)
    unanswered = Interview.objects.filter(status="requested", requested_at__lt=window)
    thanked = ThankYou.objects.filter(interview=OuterRef("pk"), sent_at__isnull=False)
    # The student said they thanked them another way: their thank-you reminder is done. (One
    # reminder both of that kind and done; reminder_thanked_idx holds exactly those.)
    thanked_otherwise = Reminder.objects.filter(
        interview=OuterRef("pk"), kind=Reminder.Kind.THANK_YOU, state=Reminder.State.DONE
    )
    # Binder conversations only: whom a student met from their own network is theirs alone.
    no_thanks = (
        Interview.objects.filter(status="completed", professional__isnull=False)
        .exclude(Exists(thanked))
        .exclude(Exists(thanked_otherwise))
    )
    started = Interview.objects.filter(student=OuterRef("pk"), requested_at__isnull=False)
    never = (
        User.objects.filter(role=User.Role.STUDENT, is_active=True)
        .exclude(Exists(started))
        .only("full_name", "email", "date_joined")
    )
    never_count, never_first = _first_and_count(never.order_by("date_joined"), limit)
    names = ("student__full_name", "professional__full_name")
    return Stalled(
        unanswered=list(
            unanswered.select_related("student", "professional")
            .only("requested_at", *names)
            .order_by("requested_at")[:limit]
        ),
        unanswered_count=unanswered.count(),
        no_thank_you=list(
            no_thanks.select_related("student", "professional")
            .only("recorded_at", *names)
            .order_by("recorded_at")[:limit]
        ),
        no_thank_you_count=no_thanks.count(),
        never_started=never_first,
        never_started_count=never_count,
    )


@dataclass(frozen=True)
class SourceRow:
    label: str
    begun: int
    booked: int
    held: int


def by_source(period: Period) -> list[SourceRow]:
    """Conversations begun in the period, from the binder and from the students' own
    networks: how many, how many were booked, how many held. Numbers only, in one query:
    whom a student met from their own network is never shown to staff."""

    def count(condition: Q) -> Count:
        return Count("pk", filter=condition)

    own = Q(person__isnull=False)
    booked = Q(status__in=CONFIRMED_EVER) | Q(cancelled_by__gt="")
    held = Q(status__in=HELD)
    figures = _interviews_in(period).aggregate(
        binder=count(~own),
        binder_booked=count(~own & booked),
        binder_held=count(~own & held),
        own=count(own),
        own_booked=count(own & booked),
        own_held=count(own & held),
    )
    return [
        SourceRow(
            label="The binder",
            begun=figures["binder"],
            booked=figures["binder_booked"],
            held=figures["binder_held"],
        ),
        SourceRow(
            label="Students' own network",
            begun=figures["own"],
            booked=figures["own_booked"],
            held=figures["own_held"],
        ),
    ]


# The approach log's outcomes by the channel they went through (an answer, such as "booked",
# came by whichever channel the student used last).
CHANNELS = [
    ("Phone", [Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.CALL_BACK]),
    ("E-mail from their own mailbox", [Outcome.EMAILED]),
    ("LinkedIn or other message", [Outcome.MESSAGED]),
    ("Answer: booked", [Outcome.BOOKED]),
    ("Answer: declined", [Outcome.DECLINED]),
]


def by_channel(period: Period, binder_requests: int) -> list[tuple[str, int]]:
    """How students approached people in the period: the binder's requests through the
    product, and each channel of the approaches students logged to their own people. One
    grouped count; numbers only."""
    logged = dict(
        Approach.objects.filter(on__gte=period.start, on__lte=period.end)
        .values("outcome")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("outcome", "n")
    )
    rows = [("Request through the binder", binder_requests)]
    rows += [(label, sum(logged.get(o, 0) for o in outcomes)) for label, outcomes in CHANNELS]
    return rows


def referrals_in(period: Period) -> int:
    return Professional.objects.filter(
        referred_by__isnull=False, created_at__gte=period.since, created_at__lt=period.until
    ).count()


@dataclass
class TreeNode:
    pk: int
    name: str
    children: list["TreeNode"]


def referral_tree(root: Professional, *, depth: int = 5) -> TreeNode:
    """Who introduced whom, from ``root`` down; one query per level."""
    top = TreeNode(root.pk, root.full_name, [])
    level = {root.pk: top}
    for _ in range(depth):
        children = (
            Professional.objects.filter(referred_by__in=list(level))
            .order_by("full_name")
            .values_list("pk", "full_name", "referred_by")
        )
        next_level = {}
        for pk, name, parent in children:
            node = TreeNode(pk, name, [])
            level[parent].children.append(node)
            next_level[pk] = node
        if not next_level:
            break
        level = next_level
    return top
