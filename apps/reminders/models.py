"""Reminders: what the product remembers for the student, shown in the dashboard and e-mailed
by the worker exactly once each."""

from datetime import datetime
from typing import cast

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.contacts.models import Professional
from apps.interviews.models import Interview, Promise
from apps.network.models import Person


class ReminderQuerySet(models.QuerySet["Reminder"]):
    def pending(self) -> "ReminderQuerySet":
        return self.filter(state=Reminder.State.PENDING)

    def due(self, now: datetime) -> "ReminderQuerySet":
        return self.pending().filter(due_at__lte=now)

    def to_email(self, now: datetime) -> "ReminderQuerySet":
        """Due, and not yet turned into an e-mail: the worker's query."""
        return self.due(now).filter(emailed_at__isnull=True)


class Reminder(models.Model):
    class Kind(models.TextChoices):
        PREPARE = "prepare", "Prepare for the interview"
        DAY_BEFORE = "day_before", "The day before"
        THANK_YOU = "thank_you", "Send your thank-you note"
        PROMISE = "promise", "A promised item"
        NO_ANSWER = "no_answer", "No answer yet"
        KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"

    class State(models.TextChoices):
        PENDING = "pending", "To do"
        DONE = "done", "Done"
        DISMISSED = "dismissed", "Dismissed"
        CANCELLED = "cancelled", "No longer needed"

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    # PROTECT here and on Contact: a merge moves these rows; nothing deletes them with an entry.
    professional = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A keep-in-touch reminder about one of the student's own people (theirs to delete).
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    promise = models.ForeignKey(
        Promise, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    due_at = models.DateTimeField()
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [
            # The worker's query: pending, not yet e-mailed, due, in (due_at, id) order straight
            # from the index.
            models.Index(
                fields=["state", "emailed_at", "due_at", "id"], name="reminder_worker_idx"
            ),
            # The dashboard: one student's pending reminders by due date.
            models.Index(fields=["student", "state", "due_at"], name="reminder_dashboard_idx"),
            # Staff insight's held-with-no-thank-you list: interviews whose student marked the
            # thank-you done, a small index among every reminder ever made.
            models.Index(
                fields=["interview"],
                condition=Q(kind="thank_you", state="done"),
                name="reminder_thanked_idx",
            ),
        ]
        constraints = [
            # At most one pending reminder of a kind for one interview, promise or contact.
            models.UniqueConstraint(
                fields=["kind", "interview"],
                condition=Q(state="pending", interview__isnull=False, promise__isnull=True),
                name="reminder_one_pending_per_interview",
            ),
            models.UniqueConstraint(
                fields=["promise"],
                condition=Q(state="pending", promise__isnull=False),
                name="reminder_one_pending_per_promise",
            ),
            models.UniqueConstraint(
                fields=["student", "professional"],
                condition=Q(state="pending", kind="keep_in_touch"),
                name="reminder_one_pending_keep_in_touch",
            ),
            models.UniqueConstraint(
                fields=["student", "person"],
                condition=Q(state="pending", kind="keep_in_touch"),
                name="reminder_one_pending_keep_in_touch_person",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.student} ({self.state})"


class Contact(models.Model):
    """Someone a student has met and means to keep in touch with."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    # Exactly one of the two, as on the interview: a binder entry or one of the student's own
    # people (``counterpart``).
    professional = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    is_mentor = models.BooleanField(default=False)
    mentor_reason = models.CharField(max_length=200, blank=True)
    cadence_days = models.PositiveSmallIntegerField(default=91)
    stopped = models.BooleanField(default=False)
    last_contact_at = models.DateTimeField()

    class Meta:
        ordering = ["-is_mentor", "last_contact_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "professional"], name="contact_one_per_pair"
            ),
            models.UniqueConstraint(fields=["student", "person"], name="contact_one_per_person"),
            models.CheckConstraint(
                condition=(Q(professional__isnull=False) & Q(person__isnull=True))
                | (Q(professional__isnull=True) & Q(person__isnull=False)),
                name="contact_one_counterpart",
            ),
        ]

    def __str__(self):
        return f"{self.student} ↔ {self.counterpart}"

    @property
    def counterpart(self) -> Professional | Person:
        # One of the two is set (contact_one_counterpart).
        return self.professional or cast(Person, self.person)


class ContactLog(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.contact} at {self.at:%Y-%m-%d}"


class EmailOptOut(models.Model):
    """A kind of reminder the student sees in the app only, not by e-mail."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Reminder.Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["student", "kind"], name="optout_one_per_kind")
        ]

    def __str__(self):
        return f"{self.student} · {self.kind}"


class ThankYou(models.Model):
    """The student's thank-you note for one interview: a draft they edit, then send or copy."""

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="thank_you")
    text = models.TextField()
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Thank-you for {self.interview_id}"
