"""Reminder workflows, one module per kind of work: the rules that make and cancel reminders
(``scheduling``), the student's actions and the thank-you note (``actions``), and the worker's
step that turns due reminders into queued e-mails (``mailing``). Callers import from here:
``services.contact_touch``."""

from .actions import (
    reminder_dismiss,
    reminder_done,
    reminder_snooze,
    thank_you_draft,
    thank_you_for,
    thank_you_mark_sent,
    thank_you_send,
)
from .mailing import (
    UNSUBSCRIBE_SALT,
    email_opt_out,
    queue_due_reminders,
    unsubscribe_from_token,
    unsubscribe_token,
)
from .scheduling import (
    Kind,
    cancel_for_interview,
    cancel_for_professional,
    contact_set,
    contact_touch,
    on_interview_confirmed,
    on_interview_recorded,
    on_interview_requested,
    reminders_erase_mentions,
    reminders_merge,
)

__all__ = [
    "UNSUBSCRIBE_SALT",
    "Kind",
    "cancel_for_interview",
    "cancel_for_professional",
    "contact_set",
    "contact_touch",
    "email_opt_out",
    "on_interview_confirmed",
    "on_interview_recorded",
    "on_interview_requested",
    "queue_due_reminders",
    "reminder_dismiss",
    "reminder_done",
    "reminder_snooze",
    "reminders_erase_mentions",
    "reminders_merge",
    "thank_you_draft",
    "thank_you_for",
    "thank_you_mark_sent",
    "thank_you_send",
    "unsubscribe_from_token",
    "unsubscribe_token",
]
