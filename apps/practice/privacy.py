"""The student's rehearsals and wording choices in their data export, and what the retention
rule clears."""

from apps.core.privacy import rows

from .models import Rehearsal, RehearsalStep, TermChoice


def personal_data(user) -> dict:
    rehearsals = Rehearsal.objects.filter(interview__student=user)
    return {
        "rehearsals": rows(
            rehearsals.order_by("started_at"),
            "id",
            "interview_id",
            "length_minutes",
            "started_at",
            "finished_at",
        ),
        "rehearsal_steps": rows(
            RehearsalStep.objects.filter(rehearsal__in=rehearsals).order_by(
                "rehearsal_id", "position"
            ),
            "rehearsal_id",
            "question",
            "planned_minutes",
            "started_at",
            "ended_at",
            "follow_up",
        ),
        "language_choices": rows(
            TermChoice.objects.filter(student=user), "key", "pinned", "hidden", "label"
        ),
    }


def purge_private_notes(user_ids) -> int:
    deleted, _ = Rehearsal.objects.filter(interview__student_id__in=user_ids).delete()
    TermChoice.objects.filter(student_id__in=user_ids).delete()
    return deleted
