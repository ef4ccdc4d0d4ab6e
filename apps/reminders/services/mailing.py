"""The worker's step that turns due reminders into queued e-mails exactly once, and the
one-click unsubscribe those e-mails carry."""

from collections.abc import Callable
from typing import TypedDict

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import Professional
from apps.core.mail import email_build
from apps.core.models import QueuedEmail
from apps.core.timezones import in_zone
from apps.interviews.models import Interview
from apps.interviews.services import research_missing
from apps.network.models import Person
from apps.questions.coach import is_closing

from ..models import EmailOptOut, Reminder

Kind = Reminder.Kind
UNSUBSCRIBE_SALT = "reminders.unsubscribe"


class Unsubscribe(TypedDict):
    """What an unsubscribe link's token carries: the student's key and the reminder kind."""

    s: int
    k: str


# --- E-mail -------------------------------------------------------------------------------------


def unsubscribe_token(student_pk: int, kind: str) -> str:
    return signing.dumps({"s": student_pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_from_token(token: str) -> Unsubscribe | None:
    try:
        data: Unsubscribe = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if data.get("k") not in Kind.values:
        return None
    return data


def email_opt_out(*, student_pk: int, kind: str) -> None:
    EmailOptOut.objects.get_or_create(student_id=student_pk, kind=kind)


def _reminder_email(
    reminder: Reminder, optouts: set[tuple[int, str]], dashboard: str
) -> QueuedEmail | None:
    """One reminder's e-mail, unsaved (None if the student turned that kind off)."""
    if (reminder.student_id, reminder.kind) in optouts:
        return None
    token = unsubscribe_token(reminder.student_id, reminder.kind)
    unsubscribe = settings.SITE_URL + reverse("reminders:unsubscribe", args=[token])
    interview = reminder.interview
    return email_build(
        name=f"reminder_{reminder.kind}",
        to=[reminder.student.email],
        context={
            "reminder": reminder,
            "student": reminder.student,
            "interview": interview,
            "professional": reminder.professional or reminder.person,
            "promise": reminder.promise,
            "when": in_zone(interview.starts_at, reminder.student.time_zone)
            if interview and interview.starts_at
            else "",
            "dashboard": dashboard,
            "missing": _preparation_missing(interview) if reminder.kind == Kind.PREPARE else [],
            "unsubscribe": unsubscribe,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _preparation_missing(interview: Interview | None) -> list[str]:
    if interview is None:
        return []
    missing = research_missing(interview)
    items = list(interview.plan.items.all()) if interview.plan is not None else []
    if len(items) < 3:
        missing.append("a few more questions")
    if not any(is_closing(item.text) for item in items):
        missing.append("a closing question asking whom else to talk to")
    return missing


def _claimed_batch(claimed: list[int]) -> list[Reminder]:
    """The claimed reminders with what their e-mails name, in a fixed number of queries.

    Each related table is read by key (prefetch) rather than joined: joined, the planner reads
    the whole binder to hash it for each batch (a few hundred reminders against tens of
    thousands of professionals), and a batch costs more as the binder grows. Of a professional
    the e-mails name only the full name; a plan's questions are read for the "prepare" ones."""
    batch = list(
        Reminder.objects.filter(pk__in=claimed)
        .prefetch_related(
            "student",
            Prefetch("professional", queryset=Professional.objects.only("pk", "full_name")),
            Prefetch("person", queryset=Person.objects.only("pk", "full_name")),
            "interview",
            "promise",
        )
        .order_by("due_at", "pk")
    )
    preparing = [r.interview for r in batch if r.kind == Kind.PREPARE and r.interview]
    prefetch_related_objects(preparing, "plan__items")
    return batch


def queue_due_reminders(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Worker step: turn due reminders into queued e-mails, a batch per transaction.

    The batch is claimed with row locks that other workers skip (PostgreSQL; SQLite's single
    writer serialises workers), and each reminder's e-mail is queued and the reminder marked in
    the same transaction: a reminder becomes exactly one queued e-mail, however many workers
    run and wherever one is killed. A batch costs the same dozen queries however large."""
    total = 0
    size = settings.REMINDER_BATCH_SIZE
    dashboard = settings.SITE_URL + reverse("home")
    while not stop():
        with transaction.atomic():
            # Claim ids first, straight from the worker's index with no join: joined, the
            # planner may (with stale statistics, as after a bulk load) join and sort every due
            # row before the limit, and each batch grows slower as the backlog grows.
            claimed = list(
                Reminder.objects.to_email(timezone.now())
                .select_for_update(skip_locked=True)
                .order_by("due_at", "pk")
                .values_list("pk", flat=True)[:size]
            )
            if not claimed:
                break
            batch = _claimed_batch(claimed)
            optouts = set(
                EmailOptOut.objects.filter(student__in={r.student_id for r in batch}).values_list(
                    "student_id", "kind"
                )
            )
            emails = [_reminder_email(reminder, optouts, dashboard) for reminder in batch]
            QueuedEmail.objects.bulk_create([e for e in emails if e is not None])
            Reminder.objects.filter(pk__in=claimed).update(emailed_at=timezone.now())
        total += len(batch)
    return total
