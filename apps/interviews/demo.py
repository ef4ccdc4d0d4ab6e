"""Demo interviews in every state for seed_demo, so each page has something to show.

Written straight to the tables (not through the services) so that past meetings can exist;
safe to run again: nothing is added once the demo students have interviews."""

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import Professional
from apps.questions.models import Plan, PlanItem

from .models import Answer, Interview, Promise, ProposedTime, Referral

QUESTIONS = [
    "What does a typical week look like for you?",
    "How did you find your way into this role?",
    "What do people who do well here have in common?",
    "Who else would you suggest I talk to?",
]


def _interview(student, professional, status, *, days, **fields):
    now = timezone.now()
    plan = Plan.objects.create(student=student, title=f"Conversation with {professional.full_name}")
    for position, text in enumerate(QUESTIONS):
        PlanItem.objects.create(plan=plan, text=text, position=position, minutes=3)
    start = (now + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    meeting = status in ("confirmed", "completed", "no_show", "cancelled")
    if meeting:
        fields.setdefault("answered_at", now + timedelta(days=min(days, 0) - 4))
    interview = Interview.objects.create(
        student=student,
        professional=professional,
        plan=plan,
        status=status,
        research_career="What the work involves day to day, and how people move into it.",
        research_organisation="Recent projects and what their website says about the team.",
        research_person="Their listing and public profile: how long in the role, what they talk about.",
        message=f"Dear {professional.full_name.split()[0]}, I would be grateful for 20 minutes to learn about your work.",
        requested_at=None if status == "draft" else now + timedelta(days=min(days, 0) - 5),
        expires_at=None if status == "draft" else now + timedelta(days=min(days, 0) + 9),
        starts_at=start if meeting else None,
        ends_at=start + timedelta(minutes=20) if meeting else None,
        where="Video call: link in the confirmation e-mail" if meeting else "",
        **fields,
    )
    if status in ("requested", "draft"):
        for n in range(2):
            ProposedTime.objects.create(
                interview=interview, starts_at=start + timedelta(days=n, hours=1)
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
        .order_by("full_name")[:11]
    )
    if len(pros) < 11:
        return ["Interviews: not enough professionals in the binder for demo interviews"]
    _interview(first, pros[0], "draft", days=7)
    _interview(first, pros[1], "requested", days=6)
    _interview(first, pros[2], "confirmed", days=2)
    held = _interview(
        first,
        pros[3],
        "completed",
        days=-3,
        recorded_at=timezone.now() - timedelta(days=3),
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
        recorded_at=timezone.now() - timedelta(days=40),
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
    _interview(second, pros[9], "no_show", days=-1)
    _interview(second, pros[10], "confirmed", days=4)
    return [
        f"Interviews: {Interview.objects.filter(student__in=students).count()} in every state for the demo students"
    ]
