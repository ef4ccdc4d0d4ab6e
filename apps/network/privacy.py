"""The student's people in their data export (the account's deletion takes them along:
``Person.student`` cascades)."""

from apps.core.privacy import rows

from .models import Person


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
        )
    }
