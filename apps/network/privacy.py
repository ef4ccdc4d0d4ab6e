"""The student's people and their log of approaches in their data export (the account's
deletion takes both along: ``Person.student`` and ``Approach.person`` cascade)."""

from apps.core.privacy import rows

from .models import Approach, Person


def purge_private_notes(user_ids) -> int:
    """The retention rule for students who left: what they wrote about their people (notes on
    a person, notes on an approach) is cleared; the names and log stay for their own record."""
    cleared = Person.objects.filter(student_id__in=user_ids).exclude(notes="").update(notes="")
    Approach.objects.filter(person__student_id__in=user_ids).exclude(note="").update(note="")
    return cleared


def personal_data(user) -> dict:
    return {
        "people": rows(
            Person.objects.of(user).order_by("pk"),
            "id",
            "full_name",
            "role",
            "organisation",
            "how_known",
            "referred_by",
            "email",
            "phone",
            "linkedin_url",
            "notes",
            "source",
            "connected_on",
            "created_at",
            "updated_at",
        ),
        "approaches": rows(
            Approach.objects.of(user).order_by("pk"),
            "id",
            "person_id",
            "person__full_name",
            "on",
            "outcome",
            "call_back_on",
            "note",
            "created_at",
        ),
    }
