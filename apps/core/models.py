from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class QueuedEmailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(status=QueuedEmail.Status.QUEUED, next_attempt_at__lte=now)


class QueuedEmail(models.Model):
    """One outgoing e-mail, written in the transaction of the change that caused it.

    The worker delivers it later; nothing is sent from a web request.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    from_email = models.CharField(max_length=320)
    recipients = models.JSONField(help_text="Every envelope recipient (to, cc and bcc).")
    subject = models.CharField(max_length=998, blank=True)
    body = models.TextField(blank=True, help_text="The plain-text part, for reading.")
    message = models.TextField(help_text="The whole MIME message as it will be delivered.")
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the message names someone erased since it was queued: it still goes (a student
    # must hear that their meeting is off), and the row is deleted once it is delivered or
    # has failed, rather than kept with the sent mail.
    forget_when_sent = models.BooleanField(default=False)

    objects = QueuedEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The worker's query: queued messages whose next attempt is due, oldest first. The
            # id is in the index too, so ORDER BY next_attempt_at, id needs no sort however
            # many messages share a time.
            models.Index(fields=["status", "next_attempt_at", "id"], name="queuedemail_due_idx"),
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.recipients)} ({self.status})"

    def record_failure(self, error: str, now) -> None:
        """Back off exponentially; after the last attempt the message is failed for staff to see."""
        self.attempts += 1
        self.last_error = error[:2000]
        if self.attempts >= settings.MAIL_MAX_ATTEMPTS:
            self.status = self.Status.FAILED
        else:
            delay = settings.MAIL_RETRY_SECONDS * 2 ** (self.attempts - 1)
            self.next_attempt_at = now + timedelta(seconds=delay)
        self.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])

    def record_sent(self, now) -> None:
        self.attempts += 1
        self.status = self.Status.SENT
        self.sent_at = now
        self.save(update_fields=["attempts", "status", "sent_at"])

    def requeue(self, now) -> None:
        self.status = self.Status.QUEUED
        self.attempts = 0
        self.next_attempt_at = now
        self.save(update_fields=["status", "attempts", "next_attempt_at"])


class ScheduledJob(models.Model):
    """When a periodic job of the worker may next run. A worker takes a run by moving
    ``next_run_at`` on with a conditional update, so of several workers exactly one wins."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.name}: next {self.next_run_at:%Y-%m-%d %H:%M}"


class SuppressedAddress(models.Model):
    """An address whose owner asked never to be contacted again, or had their data erased.
    Only a keyed digest is kept (see ``apps.core.suppression``)."""

    class Reason(models.TextChoices):
        NEVER = "never", "Asked never to be contacted again"
        ERASED = "erased", "Data erased"

    digest = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=8, choices=Reason.choices, default=Reason.ERASED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "suppressed addresses"

    def __str__(self):
        return f"{self.digest[:12]} ({self.reason})"


class UploadedTable(models.Model):
    """An uploaded spreadsheet between its preview and its commit (``apps.core.importing``).

    The file is parsed once, on upload; ``table`` keeps what was read (columns and cells,
    ``Table.as_json``) for the preview and the commit, and is emptied by the commit, which
    keeps only the ``summary`` counts. Each app's import adds who uploaded it."""

    filename = models.CharField(max_length=255)
    table = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename
