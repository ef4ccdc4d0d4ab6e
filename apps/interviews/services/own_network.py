"""Conversations with someone the student already knows: started from their page, booked by
the student (who arranged it by their own call, e-mail or message), then the same record,
thank-you and keep-in-touch as for the binder. Nothing here writes to the other person: the
student does, from their own channels."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core.timezones import in_zone
from apps.network.models import Person
from apps.questions.models import Plan

from ..models import Interview
from .common import Status, _change

# A booking may be recorded for a conversation that already happened (to write it up), but
# not for one long past, nor years ahead.
BOOKING_PAST = timedelta(days=60)
BOOKING_AHEAD = timedelta(days=366)


def interview_start_with_person(*, student: User, person: Person) -> Interview:
    """Open (or reopen) the workspace for a conversation with one of the student's people."""
    if person.student_id != student.pk:
        raise ValidationError("You can only plan conversations with your own people.")
    existing = (
        Interview.objects.filter(student=student, person=person)
        .filter(status__in=[Status.DRAFT, Status.CONFIRMED])
        .first()
    )
    if existing is not None:
        return existing
    with transaction.atomic():
        plan = Plan.objects.create(
            student=student, title=f"Conversation with {person.full_name}", length_minutes=20
        )
        return Interview.objects.create(student=student, person=person, plan=plan)


def booking_record(
    *,
    interview: Interview,
    starts_at: datetime,
    length_minutes: int,
    format: str,
    where: str,
    research: dict[str, str] | None = None,
) -> None:
    """The student arranged the conversation themselves: its time, length, format and place.
    research holds the research notes when the page sent them along (saved with the booking,
    or not at all).
    Recording it confirms the interview (calendar file, reminders to prepare and the day
    before); recording it again moves it, with the calendar entry's next SEQUENCE."""
    if not interview.own_network:
        raise ValidationError(
            "A conversation with someone from the binder is booked through your request."
        )
    if interview.status not in (Status.DRAFT, Status.CONFIRMED):
        raise ValidationError("This conversation is closed; start a new one from their page.")
    now = timezone.now()
    zone = interview.student.time_zone
    if starts_at < now - BOOKING_PAST:
        raise ValidationError(
            f"{in_zone(starts_at, zone)} is more than {BOOKING_PAST.days} days ago: check the date."
        )
    if starts_at > now + BOOKING_AHEAD:
        raise ValidationError(f"{in_zone(starts_at, zone)} is more than a year ahead.")
    ends_at = starts_at + timedelta(minutes=length_minutes)
    clash = (
        Interview.objects.overlapping(starts_at, ends_at)
        .filter(student=interview.student)
        .exclude(pk=interview.pk)
        .select_related("professional", "person")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            f"{in_zone(starts_at, zone)} overlaps your conversation with "
            f"{clash.counterpart.full_name}: choose another time."
        )
    try:
        with transaction.atomic():
            locked = Interview.objects.select_for_update().get(pk=interview.pk)
            if locked.status not in (Status.DRAFT, Status.CONFIRMED):
                raise ValidationError("This conversation is closed.")
            if locked.status == Status.CONFIRMED:
                interview.calendar_sequence = locked.calendar_sequence + 1
            _change(
                interview,
                Status.CONFIRMED,
                starts_at=starts_at,
                ends_at=ends_at,
                length_minutes=length_minutes,
                format=format,
                where=where.strip(),
                answered_at=locked.answered_at or now,
            )
            if interview.plan_id:
                Plan.objects.filter(pk=interview.plan_id).update(length_minutes=length_minutes)
            if research is not None:
                notes = {field: text.strip() for field, text in research.items()}
                Interview.objects.filter(pk=interview.pk).update(**notes)
    except IntegrityError:
        # PostgreSQL's exclusion constraint: another booking of theirs took this time a
        # moment ago.
        raise ValidationError(
            "That time overlaps another of your conversations: choose another."
        ) from None
