"""Demo reminders and contacts for seed_demo, matching the demo interviews."""

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.interviews.models import Interview

from . import services
from .models import Contact, Reminder


def seed() -> list[str]:
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
