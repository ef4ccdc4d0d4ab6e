"""The student's reminders, contacts and thank-you notes in their data export, and the
private notes the retention rule clears."""

from apps.core.privacy import rows

from .models import ContactLog, EmailOptOut, Reminder, ThankYou


def personal_data(user) -> dict:
    return {
        "reminders": rows(
            Reminder.objects.filter(student=user).order_by("due_at"),
            "kind",
            "state",
            "due_at",
            "interview_id",
            "professional__full_name",
            "person__full_name",
        ),
        "contacts": rows(
            user.contacts.order_by("professional__full_name", "person__full_name"),
            "professional__full_name",
            "person__full_name",
            "is_mentor",
            "mentor_reason",
            "cadence_days",
            "stopped",
            "last_contact_at",
        ),
        "contact_log": rows(
            ContactLog.objects.filter(contact__student=user).order_by("at"),
            "contact__professional__full_name",
            "contact__person__full_name",
            "at",
            "note",
        ),
        "thank_you_notes": rows(
            ThankYou.objects.filter(interview__student=user), "interview_id", "text", "sent_at"
        ),
        "email_choices": rows(EmailOptOut.objects.filter(student=user), "kind"),
    }


def purge_private_notes(user_ids) -> int:
    cleared = ContactLog.objects.filter(contact__student_id__in=user_ids).update(note="")
    ThankYou.objects.filter(interview__student_id__in=user_ids).update(text="")
    return cleared
