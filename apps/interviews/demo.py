"""Demo interviews in every state for seed_demo, so each page has something to show, and a
term of activity by an invented cohort (apps.accounts.demo) for the staff insight charts.

Written straight to the tables (not through the services) so that past meetings can exist;
safe to run again: nothing is added once the demo students have interviews. Every meeting
falls on a weekday between 10:00 and 16:00 in the site's time zone, as real ones do."""

import random
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from apps.accounts.demo import cohort
from apps.accounts.models import User
from apps.contacts.models import Professional
from apps.questions.models import Plan, PlanItem

from .models import Answer, Interview, ProfessionalReport, Promise, ProposedTime, Referral

QUESTIONS = [
    "What does a typical week look like for you?",
    "How did you find your way into this role?",
    "What do people who do well here have in common?",
    "Who else would you suggest I talk to?",
]


WORKING_HOURS = range(10, 17)  # meetings start from 10:00 to 16:00, local time


def working_slot(days: int, hour: int = 11) -> datetime:
    """``hour`` o'clock on the weekday ``days`` from today (moved off a weekend, onwards for a
    future day and back for a past one), in the site's time zone."""
    day = timezone.localdate() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1 if days >= 0 else -1)
    return timezone.make_aware(datetime.combine(day, time(hour)), timezone.get_default_timezone())


def just_held_slot() -> datetime:
    """The latest working-hours start whose 20-minute conversation has ended by now: the
    meeting that has just happened and is waiting to be recorded."""
    slot = timezone.localtime().replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    while slot.weekday() >= 5 or slot.hour not in WORKING_HOURS:
        slot -= timedelta(hours=1)
    return slot


def _interview(student, professional, status, *, days, start=None, **fields):
    now = timezone.now()
    plan = Plan.objects.create(student=student, title=f"Conversation with {professional.full_name}")
    for position, text in enumerate(QUESTIONS):
        PlanItem.objects.create(plan=plan, text=text, position=position, minutes=3)
    start = start or working_slot(days)
    meeting = status in ("confirmed", "completed", "no_show", "cancelled")
    if meeting:
        fields.setdefault("answered_at", now + timedelta(days=min(days, 0) - 4))
    requested_at = fields.pop(
        "requested_at", None if status == "draft" else now + timedelta(days=min(days, 0) - 5)
    )
    interview = Interview.objects.create(
        student=student,
        professional=professional,
        plan=plan,
        status=status,
        research_career="What the work involves day to day, and how people move into it.",
        research_organisation="Recent projects and what their website says about the team.",
        research_person="Their listing and public profile: how long in the role, what they talk about.",
        message=f"Dear {professional.full_name.split()[0]}, I would be grateful for 20 minutes to learn about your work.",
        requested_at=requested_at,
        # Sent back then: the worker has no request of the past left to deliver.
        delivered_at=requested_at,
        expires_at=None if requested_at is None else requested_at + timedelta(days=14),
        starts_at=start if meeting else None,
        ends_at=start + timedelta(minutes=20) if meeting else None,
        # A video call is booked with its link (the respond page asks for it).
        where=f"https://meet.example.edu/{slugify(professional.full_name)}" if meeting else "",
        **fields,
    )
    if status in ("requested", "draft"):
        for n in range(2):
            ProposedTime.objects.create(
                interview=interview, starts_at=working_slot(days + n, hour=14 + n)
            )
    return interview


def seed() -> list[str]:
    # The main demo login gets the richest set: drafting, waiting, booked, held, declined.
    first = User.objects.filter(email="student@example.edu").first()
    second = User.objects.filter(email="student2@example.edu").first()
    if first is None or second is None:
        return ["Interviews: the demo students are missing"]
    students = [first, second]
    if Interview.objects.filter(student__in=students).exists():
        return [f"Interviews: {Interview.objects.count()} in all"]
    pros = list(
        Professional.objects.visible_to_students()
        .filter(monthly_capacity__gte=2)
        .order_by("full_name")[:12]
    )
    if len(pros) < 12:
        return ["Interviews: not enough professionals in the binder for demo interviews"]
    _interview(first, pros[0], "draft", days=7)
    _interview(first, pros[1], "requested", days=6)
    _interview(first, pros[2], "confirmed", days=2)
    held = _interview(
        first,
        pros[3],
        "completed",
        days=-3,
        recorded_at=working_slot(-3, hour=15),
        actual_minutes=22,
        notes="Generous with time; very candid about the hard parts. Kept saying “research ops”.",
        language="usability testing\nsynthesis\nstakeholder buy-in\nmixed methods",
        reflection="Yes: the mix of people and analysis suits me.",
        next_steps="Take an intro statistics course.",
    )
    said = [
        "Started in usability testing at an agency, then moved in-house.",
        "Interviews and diary studies early in the week, synthesis with the designers after.",
    ]
    for item, text in zip(held.plan.items.all()[:2], said, strict=False):
        Answer.objects.create(interview=held, item=item, question=item.text, text=text)
    Promise.objects.create(
        interview=held,
        text="Send a reading list on research methods",
        due_on=timezone.localdate() + timedelta(days=4),
    )
    Referral.objects.create(
        interview=held,
        name="Morgan Ellis",
        role="Research Operations Lead",
        organisation="Northwind Analytics",
        contact="morgan.ellis@northwind-analytics.example",
    )
    _interview(
        first,
        pros[4],
        "completed",
        days=-40,
        recorded_at=working_slot(-40, hour=15),
        actual_minutes=18,
        reflection="Interesting, but not for me.",
    )
    _interview(
        first,
        pros[5],
        "declined",
        days=-10,
        answered_at=timezone.now() - timedelta(days=9),
        decline_reason="Away on leave this month.",
    )
    _interview(second, pros[6], "expired", days=-20)
    _interview(second, pros[7], "withdrawn", days=-2)
    _interview(
        second,
        pros[8],
        "cancelled",
        days=5,
        cancelled_by="professional",
        cancel_reason="Clash with a deadline.",
    )
    missed = _interview(second, pros[9], "no_show", days=-1)
    # What the professional told staff through their link (the staff reports page shows it).
    ProfessionalReport.objects.create(
        interview=missed,
        kind=ProfessionalReport.Kind.NO_SHOW,
        text="I waited on the call for fifteen minutes and heard nothing from the student.",
    )
    _interview(second, pros[10], "confirmed", days=4)
    # Just happened: confirmed, over, and waiting for the student to record it.
    _interview(
        first,
        pros[11],
        "confirmed",
        days=0,
        start=just_held_slot(),
        answered_at=timezone.now() - timedelta(days=6),
        requested_at=timezone.now() - timedelta(days=8),
    )
    _backdate(Interview.objects.filter(student__in=students))
    term = _term(pros)
    return [
        f"Interviews: {Interview.objects.filter(student__in=students).count()} in every state "
        f"for the demo students, {term} over the last term for the insight charts"
    ]


def _backdate(interviews) -> None:
    """An interview was begun (created) a day before it was requested, not when seeded: the
    insight figures count interviews by when they were begun."""
    for interview in interviews.filter(requested_at__isnull=False):
        Interview.objects.filter(pk=interview.pk).update(
            created_at=interview.requested_at - timedelta(days=1)
        )


# How a term's requests ended, with their weights: most held, some declined or unanswered.
TERM_OUTCOMES = [
    ("completed", 50),
    ("declined", 14),
    ("expired", 10),
    ("no_show", 5),
    ("withdrawn", 5),
    ("cancelled", 6),
]
TERM_DAYS = 90  # the insight page's "a term"


def _term(pros) -> int:
    """A term of requests by the demo cohort, spread over the last 90 days: when each was
    sent, answered, held and recorded. Drawn from a fixed seed, so every run is the same."""
    students = list(User.objects.filter(email__in=[p["email"] for p in cohort()]).order_by("email"))
    if not students or Interview.objects.filter(student__in=students).exists():
        return Interview.objects.filter(student__in=students).count()
    draw = random.Random(21)
    now = timezone.now()
    made = []
    for student in students:
        for _ in range(draw.randint(1, 4)):
            ago = draw.randint(3, TERM_DAYS - 5)
            if ago < 8:
                outcome = "requested"  # recent: still waiting for an answer
            elif ago <= 16:
                outcome = draw.choice(["declined", "withdrawn", "cancelled"])
            else:
                outcome = draw.choices(
                    [o for o, _ in TERM_OUTCOMES], weights=[w for _, w in TERM_OUTCOMES]
                )[0]
            professional = draw.choice(pros)
            if Interview.objects.filter(
                student=student, professional=professional, status__in=["requested", "confirmed"]
            ).exists():
                continue
            requested = working_slot(-ago, hour=draw.choice(list(WORKING_HOURS)))
            answered = requested + timedelta(hours=draw.randint(3, 96))
            # A meeting some days after the answer: in the past for every request over 16
            # days old, ahead for a recent one that was then called off.
            meeting = working_slot(
                -ago + draw.randint(5, 12) if ago > 16 else draw.randint(2, 6),
                hour=draw.choice(list(WORKING_HOURS)),
            )
            fields: dict[str, Any] = {"requested_at": requested}
            if outcome in ("completed", "no_show", "cancelled"):
                fields.update(answered_at=answered, start=meeting)
            if outcome == "completed":
                fields.update(
                    recorded_at=min(meeting + timedelta(hours=draw.randint(2, 30)), now),
                    actual_minutes=draw.choice([15, 18, 20, 22, 25]),
                    reflection="Useful: a clearer picture of the day-to-day.",
                )
            if outcome == "declined":
                fields.update(answered_at=answered, decline_reason="No time this month.")
            if outcome == "cancelled":
                fields.update(cancelled_by="student", cancel_reason="A timetable clash.")
            interview = _interview(student, professional, outcome, days=-ago, **fields)
            made.append(interview)
    _backdate(Interview.objects.filter(pk__in=[i.pk for i in made]))
    return len(made)
