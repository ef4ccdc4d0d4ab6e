"""Reminder rules: made and cancelled in answer to what the lower apps announce, keep-in-touch
contacts and their cadence, and what a binder merge or erasure does to them."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import Professional
from apps.core.privacy import scrub_rows
from apps.core.timezones import zone_named
from apps.interviews.models import Interview, Promise, counterpart_fields
from apps.network.models import Person

from ..models import Contact, ContactLog, Reminder, ThankYou

Kind = Reminder.Kind


# --- Making and cancelling reminders ----------------------------------------------------------


def _ensure(
    *,
    kind: str,
    student: User,
    due_at: datetime,
    interview: Interview | None = None,
    counterpart: Professional | Person | None = None,
    promise: Promise | None = None,
) -> Reminder:
    """Create the pending reminder, or move the due date of the one already there."""
    lookup: dict[str, object] = {"kind": kind, "state": Reminder.State.PENDING, "student": student}
    if promise is not None:
        lookup["promise"] = promise
    elif interview is not None:
        lookup["interview"] = interview
    else:
        assert counterpart is not None  # a keep-in-touch reminder names whom to keep up with
        lookup.update(counterpart_fields(counterpart))
    existing = Reminder.objects.filter(**lookup).first()
    if existing is not None:
        if existing.due_at != due_at:
            existing.due_at = due_at
            existing.emailed_at = None if due_at > timezone.now() else existing.emailed_at
            existing.save(update_fields=["due_at", "emailed_at", "updated_at"])
        return existing
    whom = counterpart or (interview.counterpart if interview else None)
    return Reminder.objects.create(
        kind=kind,
        student=student,
        due_at=due_at,
        interview=interview,
        promise=promise,
        **(counterpart_fields(whom) if whom else {}),
    )


def cancel_for_interview(interview: Interview, kinds: list[str] | None = None) -> int:
    pending = Reminder.objects.pending().filter(interview=interview)
    if kinds:
        pending = pending.filter(kind__in=kinds)
    return pending.update(state=Reminder.State.CANCELLED, updated_at=timezone.now())


def cancel_for_professional(professional: Professional, student: User | None = None) -> int:
    """All of a professional's reminders stop (a decline, or "never again")."""
    pending = Reminder.objects.pending().filter(professional=professional)
    contacts = Contact.objects.filter(professional=professional)
    if student is not None:
        pending = pending.filter(student=student)
        contacts = contacts.filter(student=student)
    contacts.update(stopped=True)
    return pending.update(state=Reminder.State.CANCELLED, updated_at=timezone.now())


def on_interview_requested(interview: Interview) -> None:
    """The "no answer yet" nudge counts from when the request reached the professional (a
    request waiting in their weekly line gets it when it goes out)."""
    if interview.delivered_at is None:
        return
    _ensure(
        kind=Kind.NO_ANSWER,
        student=interview.student,
        interview=interview,
        due_at=interview.delivered_at + timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS),
    )


def on_interview_confirmed(interview: Interview) -> None:
    cancel_for_interview(interview, [Kind.NO_ANSWER])
    now = timezone.now()
    starts, ends = interview.starts_at, interview.ends_at
    assert starts is not None and ends is not None  # a confirmed interview has its time
    if starts <= now:
        # A conversation the student booked after it happened (their own people): nothing
        # to prepare for, only the thank-you.
        cancel_for_interview(interview, [Kind.PREPARE, Kind.DAY_BEFORE])
    else:
        _ensure(
            kind=Kind.PREPARE,
            student=interview.student,
            interview=interview,
            due_at=max(now, starts - timedelta(days=settings.REMINDER_PREPARE_DAYS_BEFORE)),
        )
        _ensure(
            kind=Kind.DAY_BEFORE,
            student=interview.student,
            interview=interview,
            due_at=max(now, starts - timedelta(days=1)),
        )
    # At the latest a day after the end; a conversation booked once it is over is thanked
    # at once.
    _ensure(
        kind=Kind.THANK_YOU,
        student=interview.student,
        interview=interview,
        due_at=now
        if ends <= now
        else ends + timedelta(hours=settings.REMINDER_THANK_YOU_HOURS_AFTER),
    )


def on_interview_recorded(interview: Interview) -> None:
    """Held: thank them now; recall each promise on its day; keep in touch from here."""
    now = timezone.now()
    cancel_for_interview(interview, [Kind.PREPARE, Kind.DAY_BEFORE, Kind.NO_ANSWER])
    _ensure(kind=Kind.THANK_YOU, student=interview.student, interview=interview, due_at=now)
    zone = zone_named(interview.student.time_zone)
    for promise in interview.promises.filter(due_on__isnull=False, done_at__isnull=True):
        assert promise.due_on is not None  # filtered above
        due = timezone.make_aware(datetime.combine(promise.due_on, time(9)), zone)
        _ensure(
            kind=Kind.PROMISE,
            student=interview.student,
            interview=interview,
            promise=promise,
            due_at=due,
        )
    contact_touch(
        student=interview.student,
        counterpart=interview.counterpart,
        note="Interview held",
        at=now,
    )


# --- Keep in touch ----------------------------------------------------------------------------


def contact_touch(
    *,
    student: User,
    counterpart: Professional | Person,
    note: str = "",
    at: datetime | None = None,
) -> Contact:
    """Log real contact with a binder entry or one of the student's own people; the
    keep-in-touch cadence restarts from it."""
    at = at or timezone.now()
    contact, created = Contact.objects.get_or_create(
        student=student,
        **counterpart_fields(counterpart),
        defaults={"last_contact_at": at, "cadence_days": settings.REMINDER_KEEP_IN_TOUCH_DAYS},
    )
    if not created:
        contact.last_contact_at = max(contact.last_contact_at, at)
        contact.save(update_fields=["last_contact_at"])
    ContactLog.objects.create(contact=contact, at=at, note=note[:300])
    _schedule_keep_in_touch(contact)
    return contact


def _schedule_keep_in_touch(contact: Contact) -> None:
    pending = Reminder.objects.pending().filter(
        kind=Kind.KEEP_IN_TOUCH, student=contact.student, **counterpart_fields(contact.counterpart)
    )
    if contact.stopped:
        pending.update(state=Reminder.State.CANCELLED)
        return
    _ensure(
        kind=Kind.KEEP_IN_TOUCH,
        student=contact.student,
        counterpart=contact.counterpart,
        due_at=contact.last_contact_at + timedelta(days=contact.cadence_days),
    )


def contact_set(
    *, contact: Contact, is_mentor: bool, cadence_days: int | None, stopped: bool, reason: str = ""
) -> None:
    if is_mentor and not contact.is_mentor:
        mentors = Contact.objects.filter(
            student=contact.student, is_mentor=True, stopped=False
        ).count()
        if mentors >= settings.REMINDER_MAX_MENTORS:
            raise ValidationError(
                f"You already have {settings.REMINDER_MAX_MENTORS} mentors. Three or four people you "
                "stay close to is what you can really keep up; make one an ordinary contact first."
            )
    if cadence_days is not None and not 7 <= cadence_days <= 365:
        raise ValidationError("Choose between 7 and 365 days.")
    if is_mentor != contact.is_mentor and cadence_days == contact.cadence_days:
        # The contacts page posts the cadence shown with every save: unchanged while the
        # mentor box changes, it is the old role's, not a choice. The page promises monthly
        # for mentors (and three-monthly again once they are not).
        cadence_days = None
    contact.is_mentor = is_mentor
    contact.mentor_reason = reason.strip()[:200] if is_mentor else ""
    contact.cadence_days = cadence_days or (
        settings.REMINDER_MENTOR_DAYS if is_mentor else settings.REMINDER_KEEP_IN_TOUCH_DAYS
    )
    contact.stopped = stopped
    contact.save()
    _schedule_keep_in_touch(contact)


def reminders_erase_mentions(*, professional: Professional, names: list[str]) -> None:
    """An erased professional: the thank-you notes to them and the contact log with them lose
    the names the student wrote them by (the first name included, for these rows only)."""
    words = [*names, *{name.split()[0] for name in names if name.split()}]
    scrub_rows(
        ThankYou.objects.filter(interview__professional=professional),
        ["text"],
        words,
        replacement="(erased)",
    )
    scrub_rows(
        ContactLog.objects.filter(contact__professional=professional),
        ["note"],
        words,
        replacement="(erased)",
    )


def reminders_merge(*, kept: Professional, merged: Professional) -> str:
    """Two binder entries became one: each student's contact, its log and every reminder move
    to the kept entry. A student who kept in touch with both ends with one contact holding
    both logs (mentor if either was, the shorter cadence, the latest contact, both reasons);
    of two pending keep-in-touch reminders the earlier stays. Nothing is deleted but the
    emptied duplicate contact row."""
    combined = 0
    for contact in Contact.objects.filter(professional=merged):
        twin = Contact.objects.filter(student=contact.student_id, professional=kept).first()
        if twin is None:
            continue
        ContactLog.objects.filter(contact=contact).update(contact=twin)
        twin.is_mentor = twin.is_mentor or contact.is_mentor
        reasons = dict.fromkeys(r for r in (twin.mentor_reason, contact.mentor_reason) if r)
        twin.mentor_reason = "; ".join(reasons)[:200]
        twin.cadence_days = min(twin.cadence_days, contact.cadence_days)
        twin.last_contact_at = max(twin.last_contact_at, contact.last_contact_at)
        twin.stopped = twin.stopped and contact.stopped
        twin.save()
        contact.delete()
        combined += 1
    moved = Contact.objects.filter(professional=merged).update(professional=kept)
    for reminder in Reminder.objects.pending().filter(professional=merged, kind=Kind.KEEP_IN_TOUCH):
        twin_reminder = (
            Reminder.objects.pending()
            .filter(professional=kept, kind=Kind.KEEP_IN_TOUCH, student=reminder.student_id)
            .first()
        )
        if twin_reminder is not None:
            first, second = sorted([twin_reminder, reminder], key=lambda r: (r.due_at, r.pk))
            Reminder.objects.filter(pk=second.pk).update(
                state=Reminder.State.CANCELLED, updated_at=timezone.now()
            )
    Reminder.objects.filter(professional=merged).update(professional=kept)
    if not (moved or combined):
        return ""
    return f"{moved + combined} keep-in-touch contact(s), {combined} combined"
