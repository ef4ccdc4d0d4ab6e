"""Reminder rules (made and cancelled in answer to what the lower apps announce), the
student's actions on them, keep-in-touch contacts, the thank-you note, and the worker's step
that turns due reminders into queued e-mails exactly once."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.mail import email_build, email_send
from apps.core.models import QueuedEmail
from apps.core.privacy import scrub_rows
from apps.core.suppression import is_suppressed
from apps.core.timezones import in_zone, zone_named
from apps.interviews.models import Interview, Promise
from apps.interviews.services import NOT_WRITTEN_TO, research_missing
from apps.questions.coach import is_closing
from apps.questions.models import Theme

from .models import Contact, ContactLog, EmailOptOut, Reminder, ThankYou

Kind = Reminder.Kind
UNSUBSCRIBE_SALT = "reminders.unsubscribe"


# --- Making and cancelling reminders ----------------------------------------------------------


def _ensure(*, kind, student, due_at, interview=None, professional=None, promise=None) -> Reminder:
    """Create the pending reminder, or move the due date of the one already there."""
    lookup = {"kind": kind, "state": Reminder.State.PENDING, "student": student}
    if promise is not None:
        lookup["promise"] = promise
    elif interview is not None:
        lookup["interview"] = interview
    else:
        lookup["professional"] = professional
    existing = Reminder.objects.filter(**lookup).first()
    if existing is not None:
        if existing.due_at != due_at:
            existing.due_at = due_at
            existing.emailed_at = None if due_at > timezone.now() else existing.emailed_at
            existing.save(update_fields=["due_at", "emailed_at", "updated_at"])
        return existing
    return Reminder.objects.create(
        kind=kind,
        student=student,
        due_at=due_at,
        interview=interview,
        professional=professional or (interview.professional if interview else None),
        promise=promise,
    )


def cancel_for_interview(interview: Interview, kinds=None) -> int:
    pending = Reminder.objects.pending().filter(interview=interview)
    if kinds:
        pending = pending.filter(kind__in=kinds)
    return pending.update(state=Reminder.State.CANCELLED, updated_at=timezone.now())


def cancel_for_professional(professional, student=None) -> int:
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
    starts = interview.starts_at
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
    _ensure(
        kind=Kind.THANK_YOU,
        student=interview.student,
        interview=interview,
        due_at=interview.ends_at + timedelta(hours=settings.REMINDER_THANK_YOU_HOURS_AFTER),
    )


def on_interview_recorded(interview: Interview) -> None:
    """Held: thank them now; recall each promise on its day; keep in touch from here."""
    now = timezone.now()
    cancel_for_interview(interview, [Kind.PREPARE, Kind.DAY_BEFORE, Kind.NO_ANSWER])
    _ensure(kind=Kind.THANK_YOU, student=interview.student, interview=interview, due_at=now)
    zone = zone_named(interview.student.time_zone)
    for promise in interview.promises.filter(due_on__isnull=False, done_at__isnull=True):
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
        professional=interview.professional,
        note="Interview held",
        at=now,
    )


# --- Keep in touch ----------------------------------------------------------------------------


def contact_touch(*, student, professional, note: str = "", at=None) -> Contact:
    """Log real contact; the keep-in-touch cadence restarts from it."""
    at = at or timezone.now()
    contact, created = Contact.objects.get_or_create(
        student=student,
        professional=professional,
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
        kind=Kind.KEEP_IN_TOUCH, student=contact.student, professional=contact.professional
    )
    if contact.stopped:
        pending.update(state=Reminder.State.CANCELLED)
        return
    _ensure(
        kind=Kind.KEEP_IN_TOUCH,
        student=contact.student,
        professional=contact.professional,
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
    contact.is_mentor = is_mentor
    contact.mentor_reason = reason.strip()[:200] if is_mentor else ""
    contact.cadence_days = cadence_days or (
        settings.REMINDER_MENTOR_DAYS if is_mentor else settings.REMINDER_KEEP_IN_TOUCH_DAYS
    )
    contact.stopped = stopped
    contact.save()
    _schedule_keep_in_touch(contact)


def reminders_erase_mentions(*, professional, names: list[str]) -> None:
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


def reminders_merge(*, kept, merged) -> str:
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
        twin = (
            Reminder.objects.pending()
            .filter(professional=kept, kind=Kind.KEEP_IN_TOUCH, student=reminder.student_id)
            .first()
        )
        if twin is not None:
            first, second = sorted([twin, reminder], key=lambda r: (r.due_at, r.pk))
            Reminder.objects.filter(pk=second.pk).update(
                state=Reminder.State.CANCELLED, updated_at=timezone.now()
            )
    Reminder.objects.filter(professional=merged).update(professional=kept)
    if not (moved or combined):
        return ""
    return f"{moved + combined} keep-in-touch contact(s), {combined} combined"


# --- The student's actions on a reminder ---------------------------------------------------------


def reminder_done(*, reminder: Reminder) -> None:
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    with transaction.atomic():
        reminder.state = Reminder.State.DONE
        reminder.save(update_fields=["state", "updated_at"])
        if reminder.kind == Kind.PROMISE and reminder.promise_id:
            Promise.objects.filter(pk=reminder.promise_id).update(done_at=timezone.now())
        if reminder.kind == Kind.KEEP_IN_TOUCH and reminder.professional_id:
            contact_touch(
                student=reminder.student, professional=reminder.professional, note="Kept in touch"
            )


def reminder_snooze(*, reminder: Reminder, days: int) -> None:
    if days not in (1, 7):
        raise ValidationError("Snooze for a day or a week.")
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    reminder.due_at = max(reminder.due_at, timezone.now()) + timedelta(days=days)
    reminder.emailed_at = None  # it comes round again, e-mail included
    reminder.save(update_fields=["due_at", "emailed_at", "updated_at"])


def reminder_dismiss(*, reminder: Reminder) -> None:
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    reminder.state = Reminder.State.DISMISSED
    reminder.save(update_fields=["state", "updated_at"])


# --- Thank-you note -----------------------------------------------------------------------------


def thank_you_draft(interview: Interview) -> str:
    pro = interview.professional
    first = pro.full_name.split(" ")[0]
    answered = [
        a.item for a in interview.answers.select_related("item") if a.text.strip() and a.item
    ]
    themes = []
    for item in answered:
        if item.theme and item.theme not in themes:
            themes.append(item.theme)
    labels = [Theme(t).label.lower() for t in themes[:3]]
    if labels:
        topics = ", ".join(labels[:-1]) + (" and " if len(labels) > 1 else "") + labels[-1]
        discussed = f"I especially valued what you said about {topics}."
    else:
        discussed = "I learnt a great deal from hearing how you see your work."
    step = (interview.next_steps or "").strip().splitlines()
    action = (
        f" Following your advice, my next step is to {step[0].rstrip('.').lower()}."
        if step and step[0]
        else ""
    )
    promises = [p.text.strip().rstrip(".") for p in interview.promises.filter(done_at__isnull=True)]
    recall = ""
    if promises:
        recall = f" Thank you also for kindly offering to {promises[0][0].lower()}{promises[0][1:]}; there is no rush at all."
    return (
        f"Dear {first},\n\n"
        f"Thank you very much for taking the time to talk with me"
        f"{' today' if interview.starts_at and timezone.localdate(interview.starts_at) == timezone.localdate() else ''}. "
        f"{discussed}{action}{recall}\n\n"
        "I really appreciate your generosity, and I hope to keep in touch.\n\n"
        f"With thanks,\n{interview.student.full_name}"
    )


def thank_you_for(interview: Interview) -> ThankYou:
    note = ThankYou.objects.filter(interview=interview).first()
    if note is None:
        note = ThankYou.objects.create(interview=interview, text=thank_you_draft(interview))
    return note


def thank_you_send(*, interview: Interview, text: str) -> None:
    if interview.status != Interview.Status.COMPLETED:
        raise ValidationError("Send a thank-you note once the interview is recorded as held.")
    if not text.strip():
        raise ValidationError("Write the note first.")
    pro = interview.professional
    pro.refresh_from_db(fields=["email", "status"])  # they may have left a moment ago
    if not pro.email or pro.status in NOT_WRITTEN_TO or is_suppressed(pro.email):
        raise ValidationError(
            "They cannot be e-mailed through the app (they have left the binder or asked not "
            "to be contacted); your note is kept here for you."
        )
    with transaction.atomic():
        note = thank_you_for(interview)
        if note.sent_at:
            raise ValidationError("Your thank-you note has been sent already.")
        note.text = text.strip()
        note.sent_at = timezone.now()
        note.save()
        email_send(
            name="thank_you",
            to=[pro.email],
            reply_to=[interview.student.email],
            context={"text": note.text, "student": interview.student, "professional": pro},
        )
        Reminder.objects.pending().filter(interview=interview, kind=Kind.THANK_YOU).update(
            state=Reminder.State.DONE, updated_at=timezone.now()
        )
        contact_touch(student=interview.student, professional=pro, note="Thank-you note sent")


# --- E-mail -------------------------------------------------------------------------------------


def unsubscribe_token(student_pk: int, kind: str) -> str:
    return signing.dumps({"s": student_pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_from_token(token: str):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if data.get("k") not in Kind.values:
        return None
    return data


def email_opt_out(*, student_pk: int, kind: str) -> None:
    EmailOptOut.objects.get_or_create(student_id=student_pk, kind=kind)


def _reminder_email(reminder: Reminder, optouts: set):
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
            "professional": reminder.professional,
            "promise": reminder.promise,
            "when": in_zone(interview.starts_at, reminder.student.time_zone)
            if interview and interview.starts_at
            else "",
            "dashboard": settings.SITE_URL + reverse("home"),
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
    items = list(interview.plan.items.all()) if interview.plan_id else []
    if len(items) < 3:
        missing.append("a few more questions")
    if not any(is_closing(item.text) for item in items):
        missing.append("a closing question asking whom else to talk to")
    return missing


def queue_due_reminders(*, stop=lambda: False) -> int:
    """Worker step: turn due reminders into queued e-mails, a batch per transaction.

    The batch is claimed with row locks that other workers skip (PostgreSQL; SQLite's single
    writer serialises workers), and each reminder's e-mail is queued and the reminder marked in
    the same transaction: a reminder becomes exactly one queued e-mail, however many workers
    run and wherever one is killed."""
    total = 0
    size = settings.REMINDER_BATCH_SIZE
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
            batch = list(
                Reminder.objects.filter(pk__in=claimed)
                .select_related("student", "interview", "professional", "promise")
                .order_by("due_at", "pk")
            )
            optouts = set(
                EmailOptOut.objects.filter(student__in={r.student_id for r in batch}).values_list(
                    "student_id", "kind"
                )
            )
            emails = [_reminder_email(reminder, optouts) for reminder in batch]
            QueuedEmail.objects.bulk_create([e for e in emails if e is not None])
            Reminder.objects.filter(pk__in=[r.pk for r in batch]).update(emailed_at=timezone.now())
        total += len(batch)
    return total
