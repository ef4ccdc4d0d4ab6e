"""The student's interviews in their data export, what closing an account does to them, and
the private notes the retention rule clears."""

from apps.core.privacy import rows

from . import services
from .models import Answer, Interview, Promise, ProposedTime

Status = Interview.Status


def personal_data(user) -> dict:
    interviews = Interview.objects.filter(student=user)
    return {
        "interviews": rows(
            interviews.order_by("created_at"),
            "id",
            "professional__full_name",
            # Someone from the student's own network (their people are in the export too).
            "person_id",
            "person__full_name",
            "status",
            "format",
            "length_minutes",
            "research_career",
            "research_organisation",
            "research_person",
            "accessibility_needs",
            "subject",
            "message",
            "requested_at",
            "answered_at",
            "starts_at",
            "ends_at",
            "where",
            "cancelled_by",
            "cancel_reason",
            "notes",
            "language",
            "actual_minutes",
            "reflection",
            "next_steps",
            "recorded_at",
        ),
        "interview_times": rows(
            ProposedTime.objects.filter(interview__in=interviews), "interview_id", "starts_at"
        ),
        "interview_answers": rows(
            Answer.objects.filter(interview__in=interviews), "interview_id", "question", "text"
        ),
        "interview_promises": rows(
            Promise.objects.filter(interview__in=interviews),
            "interview_id",
            "text",
            "due_on",
            "done_at",
        ),
    }


def close_account(user) -> None:
    """Before an account goes: professionals are told of cancelled meetings and withdrawn
    requests, and their capacity is given back, as if the student had done each by hand."""
    for interview in Interview.objects.filter(student=user, status=Status.CONFIRMED):
        services.interview_cancel(
            interview=interview, by="student", reason="The student has closed their account."
        )
    for interview in Interview.objects.filter(student=user, status=Status.REQUESTED):
        services.request_withdraw(interview=interview)


PRIVATE_FIELDS = {
    "research_career": "",
    "research_organisation": "",
    "research_person": "",
    "accessibility_needs": "",
    "notes": "",
    "language": "",
    "reflection": "",
    "next_steps": "",
}


def purge_private_notes(user_ids) -> int:
    cleared = Interview.objects.filter(student_id__in=user_ids).update(**PRIVATE_FIELDS)
    Answer.objects.filter(interview__student_id__in=user_ids).update(text="")
    return cleared
