"""After booking: cancelling, moving and recording a meeting."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.network.referrals import person_from_referral

from .. import rules, signals
from ..models import Answer, Interview, Promise, ProposedTime, Referral
from .common import (
    Status,
    _change,
    _ics_attachment,
    _mail_professional,
    _mail_student,
    _release_capacity,
    binder_only,
)
from .preparing import _check_times, _times_for_professional

# --- After booking ---------------------------------------------------------------------------


def _end_meeting(
    interview: Interview,
    *,
    by: str,
    reason: str,
    tell: tuple[str, ...] = ("student", "professional"),
) -> None:
    """End a booked meeting: the one place a confirmed interview becomes cancelled. The
    calendar entry gets its next SEQUENCE with METHOD:CANCEL, sent to whoever is in ``tell``
    (the mail door holds it back from anyone who may no longer be contacted)."""
    interview.calendar_sequence += 1
    _change(interview, Status.CANCELLED, cancelled_by=by, cancel_reason=reason.strip())
    _release_capacity(interview)
    attachments = _ics_attachment(interview, cancelled=True)
    if "professional" in tell:
        _mail_professional(interview, "interview_cancelled", attachments=attachments, reason=reason)
    if "student" in tell:
        _mail_student(interview, "interview_cancelled", attachments=attachments, reason=reason)


def interview_cancel(*, interview: Interview, by: str, reason: str = "") -> None:
    if interview.status != Status.CONFIRMED:
        raise ValidationError("Only a confirmed interview can be cancelled.")
    if not reason.strip():
        raise ValidationError(
            "Say briefly why you are cancelling, so the other person understands."
        )
    with transaction.atomic():
        # Both are told, each with the calendar's CANCEL: the one who cancelled has the
        # meeting in their calendar too.
        _end_meeting(interview, by=by, reason=reason)


def interview_reschedule(*, interview: Interview, times: list[datetime]) -> None:
    """Back to requested with new times; the calendar entry keeps its UID."""
    binder_only(interview)
    if interview.status != Status.CONFIRMED:
        raise ValidationError("Only a confirmed interview can be rescheduled.")
    if not times:
        raise ValidationError("Propose at least one new time.")
    _check_times(
        student=interview.student,
        times=times,
        length_minutes=interview.length_minutes,
        exclude=interview,
    )
    with transaction.atomic():
        # The booked time is off: both calendars get a CANCEL for it now (the next SEQUENCE),
        # so a new time that is declined or never answered leaves no ghost meeting behind.
        interview.calendar_sequence += 1
        cancel = _ics_attachment(interview, cancelled=True)
        interview.proposed_times.all().delete()
        ProposedTime.objects.bulk_create(
            ProposedTime(interview=interview, starts_at=t) for t in sorted(times)
        )
        now = timezone.now()
        _change(
            interview,
            Status.REQUESTED,
            starts_at=None,
            ends_at=None,
            requested_at=now,
            delivered_at=now,
            expires_at=now + timedelta(days=settings.INTERVIEW_REQUEST_EXPIRES_DAYS),
            # follow_up_sent_at is kept: one polite follow-up per conversation, however often
            # its time moves.
        )
        _mail_professional(
            interview,
            "interview_rescheduled",
            times=_times_for_professional(interview),
            attachments=cancel,
        )
        _mail_student(interview, "interview_rescheduled_student", attachments=cancel)


def mark_no_show(*, interview: Interview) -> None:
    reason = rules.why_cannot_record(interview)
    if reason or interview.status != Status.CONFIRMED:
        raise ValidationError(reason or "Only a confirmed interview can be marked as not held.")
    _change(interview, Status.NO_SHOW)


def record_save(
    *,
    interview: Interview,
    answers: dict[int, str],
    notes: str,
    language: str,
    actual_minutes: int | None,
    reflection: str,
    next_steps: str,
    promises: list[tuple[str, date | None]],
    referrals: list[dict[str, str]],
) -> None:
    """Save the record of a held interview (again and again: it is the student's notebook)."""
    reason = rules.why_cannot_record(interview)
    if reason:
        raise ValidationError(reason)
    plan = interview.plan
    items = {item.pk: item for item in plan.items.all()} if plan is not None else {}
    with transaction.atomic():
        for item_pk, text in answers.items():
            item = items.get(item_pk)
            if item is None:
                continue
            Answer.objects.update_or_create(
                interview=interview,
                item=item,
                defaults={"question": item.text, "text": text.strip()},
            )
        for text, due_on in promises:
            Promise.objects.create(interview=interview, text=text.strip()[:300], due_on=due_on)
        for referral in referrals:
            # Each lands in the student's own people, with who referred them; a binder
            # professional's referrals also go to staff to vet for the binder (never the names
            # someone the student knows gave: those stay private to the student).
            person_from_referral(
                student=interview.student, by=interview.counterpart.full_name, **referral
            )
            if not interview.own_network:
                Referral.objects.create(interview=interview, **referral)
        interview.notes = notes.strip()
        interview.language = language.strip()
        interview.actual_minutes = actual_minutes
        interview.reflection = reflection.strip()
        interview.next_steps = next_steps.strip()
        first_time = interview.status != Status.COMPLETED
        interview.recorded_at = timezone.now()
        if first_time:
            _change(interview, Status.COMPLETED)
        else:
            interview.save()
        signals.interview_recorded.send(sender=Interview, interview=interview)
