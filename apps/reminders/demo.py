"""Demo reminders and contacts for seed_demo, matching the demo interviews, and the term
cohort's thank-you notes and later contact (the last steps of the insight funnel)."""

import random
from datetime import timedelta

from django.utils import timezone

from apps.accounts.demo import cohort
from apps.accounts.models import User
from apps.interviews.models import Interview

from . import services
from .models import Contact, ContactLog, Reminder, ThankYou


def _term_follow_ups() -> None:
    """Most of the cohort's held interviews were thanked the next day; some students kept in
    touch a few weeks later. Rows only, no reminders: these students never sign in, and the
    worker must not write to them. Drawn from a fixed seed; added once."""
    held = Interview.objects.filter(
        student__email__in=[p["email"] for p in cohort()],
        status="completed",
        recorded_at__isnull=False,
        professional__isnull=False,
    ).order_by("pk")
    if not held or ThankYou.objects.filter(interview__in=held).exists():
        return
    draw = random.Random(2021)
    now = timezone.now()
    for interview in held:
        recorded = interview.recorded_at
        assert recorded is not None  # filtered above
        if draw.random() < 0.75:
            ThankYou.objects.create(
                interview=interview,
                text="Thank you for your time and advice.",
                sent_at=min(recorded + timedelta(hours=draw.randint(2, 30)), now),
            )
        later = recorded + timedelta(days=draw.randint(14, 35))
        if later < now and draw.random() < 0.45:
            contact, _ = Contact.objects.get_or_create(
                student=interview.student,
                professional=interview.professional,
                defaults={"last_contact_at": later},
            )
            ContactLog.objects.create(contact=contact, at=recorded, note="Interview held")
            ContactLog.objects.create(
                contact=contact, at=later, note="Sent an article they mentioned"
            )


def seed() -> list[str]:
    _term_follow_ups()
    student = User.objects.filter(email="student@example.edu").first()
    if student is None or Reminder.objects.filter(student=student).exists():
        return [f"Reminders: {Reminder.objects.pending().count()} pending"]
    now = timezone.now()
    for interview in Interview.objects.filter(
        student__email__in=["student@example.edu", "student2@example.edu"]
    ):
        if interview.status == "requested":
            Reminder.objects.create(
                student=interview.student,
                kind="no_answer",
                interview=interview,
                professional=interview.professional,
                due_at=now - timedelta(hours=2),
            )
        elif interview.status == "confirmed":
            services.on_interview_confirmed(interview)
        elif interview.status == "completed" and interview.recorded_at:
            services.on_interview_recorded(interview)
            Contact.objects.filter(
                student=interview.student, professional=interview.professional
            ).update(last_contact_at=interview.recorded_at)
    # The older held interview: a contact drifting past its cadence, with a keep-in-touch due.
    old = (
        Interview.objects.filter(student=student, status="completed").order_by("starts_at").first()
    )
    if old is not None:
        Contact.objects.filter(student=student, professional=old.professional).update(
            last_contact_at=now - timedelta(days=100)
        )
        Reminder.objects.pending().filter(
            student=student, professional=old.professional, kind="keep_in_touch"
        ).update(due_at=now - timedelta(days=9))
    return [
        f"Reminders: {Reminder.objects.pending().filter(due_at__lte=now).count()} due on the demo dashboards"
    ]
