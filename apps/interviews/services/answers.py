"""The professional's answers through their link: accept, counter, decline, written answers."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from apps.contacts.models import Professional
from apps.core.timezones import in_zone

from ..models import Answer, Interview, ProposedTime
from ..rules import why_video_link_missing
from .common import (
    Status,
    _change,
    _ics_attachment,
    _mail_professional,
    _mail_student,
    _release_capacity,
    binder_only,
)

# --- The professional's answers ---------------------------------------------------------------


def _lock_for_booking(interview: Interview) -> Interview:
    Professional.objects.select_for_update().get(pk=interview.professional_id)
    get_user_model().objects.select_for_update().get(pk=interview.student_id)
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("student", "professional")
        .get(pk=interview.pk)
    )


def _other_times_hint(interview: Interview) -> str:
    return " Choose another of the proposed times, or suggest a new one."


def _confirm(interview: Interview, starts_at: datetime, where: str) -> None:
    """Book ``starts_at``; the caller holds the booking locks."""
    if starts_at <= timezone.now():
        raise ValidationError("That time has passed." + _other_times_hint(interview))
    ends_at = starts_at + timedelta(minutes=interview.length_minutes)
    overlapping = Interview.objects.overlapping(starts_at, ends_at).exclude(pk=interview.pk)
    if overlapping.filter(professional=interview.professional_id).exists():
        raise ValidationError(
            "That time is already taken by another confirmed interview."
            + _other_times_hint(interview)
        )
    if overlapping.filter(student=interview.student_id).exists():
        raise ValidationError(
            "The student has another interview at that time." + _other_times_hint(interview)
        )
    if interview.calendar_sequence or interview.starts_at:
        # Booked before (then rescheduled): calendars need a SEQUENCE above the CANCEL's.
        interview.calendar_sequence += 1
    try:
        with transaction.atomic():
            _change(
                interview,
                Status.CONFIRMED,
                starts_at=starts_at,
                ends_at=ends_at,
                where=where.strip(),
                answered_at=interview.answered_at or timezone.now(),
            )
    except IntegrityError:
        # The exclusion constraint caught a booking our locks did not (another database
        # session outside these services).
        raise ValidationError(
            "That time has just been taken." + _other_times_hint(interview)
        ) from None
    attachments = _ics_attachment(interview)
    _mail_student(
        interview,
        "interview_confirmed_student",
        attachments=attachments,
        when=in_zone(starts_at, interview.student.time_zone),
    )
    _mail_professional(
        interview,
        "interview_confirmed_professional",
        attachments=attachments,
        when=in_zone(starts_at, binder_only(interview).time_zone),
    )


def request_accept(*, interview: Interview, proposed_time_id: int, where: str = "") -> None:
    with transaction.atomic():
        interview = _lock_for_booking(interview)
        if interview.status != Status.REQUESTED:
            raise ValidationError("This request has already been answered.")
        slot = interview.proposed_times.filter(
            pk=proposed_time_id, proposed_by=ProposedTime.By.STUDENT
        ).first()
        if slot is None:
            raise ValidationError("Choose one of the proposed times.")
        if missing := why_video_link_missing(interview, where):
            raise ValidationError(missing)
        _confirm(interview, slot.starts_at, where)


def counter_accept(*, interview: Interview, proposed_time_id: int) -> None:
    """The student takes the time the professional suggested."""
    with transaction.atomic():
        interview = _lock_for_booking(interview)
        if interview.status != Status.REQUESTED:
            raise ValidationError("This request is no longer waiting for a time.")
        slot = interview.proposed_times.filter(
            pk=proposed_time_id, proposed_by=ProposedTime.By.PROFESSIONAL
        ).first()
        if slot is None:
            raise ValidationError("Choose the time the professional suggested.")
        _confirm(interview, slot.starts_at, slot.note)


def request_counter(*, interview: Interview, starts_at: datetime, note: str = "") -> None:
    """The professional suggests another time; the student confirms it."""
    if interview.status != Status.REQUESTED:
        raise ValidationError("This request has already been answered.")
    if starts_at <= timezone.now():
        raise ValidationError("Suggest a time in the future.")
    # The student confirms this time as it stands, with this note as the place: a video call
    # needs its link here, or it would be booked with no way in.
    if missing := why_video_link_missing(interview, note):
        raise ValidationError(missing)
    with transaction.atomic():
        ProposedTime.objects.create(
            interview=interview,
            starts_at=starts_at,
            proposed_by=ProposedTime.By.PROFESSIONAL,
            note=note.strip()[:300],
        )
        interview.answered_at = timezone.now()
        interview.link_version += 1
        interview.save(update_fields=["answered_at", "link_version", "updated_at"])
        _mail_student(
            interview,
            "interview_counter",
            when=in_zone(starts_at, interview.student.time_zone),
            note=note,
        )


MAX_QUESTIONS = 3  # a few questions before answering; more is a conversation by e-mail


def question_to_student(*, interview: Interview, text: str) -> None:
    """The professional asks the student something before answering ("could we make it a
    call?"). It goes to the student by e-mail with the professional's address to reply to:
    the professional chose to write, and the e-mail carries no link of theirs, so the request
    e-mails need no Reply-To (a reply would quote their signed links)."""
    text = text.strip()
    if interview.status != Status.REQUESTED:
        raise ValidationError("This request has already been answered: nothing was sent.")
    if not text:
        raise ValidationError("Write your question, then send it.")
    pro = interview.professional
    if pro is None or not pro.email:
        raise ValidationError("This request has no professional to reply to.")
    with transaction.atomic():
        asked = Interview.objects.filter(pk=interview.pk, questions_asked__lt=MAX_QUESTIONS).update(
            questions_asked=F("questions_asked") + 1
        )
        if not asked:
            raise ValidationError(
                f"You have sent {MAX_QUESTIONS} questions already: write to the student at "
                f"{interview.student.email}, or answer the request below."
            )
        _mail_student(interview, "interview_question", question=text, reply_to=[pro.email])


def request_decline(
    *,
    interview: Interview,
    reason: str = "",
    again: str = "not_now",
    again_after: date | None = None,
) -> None:
    """The professional says no to a request (a booked meeting can only be cancelled). What
    they say about being asked again decides when this student may: after their date, after
    the usual wait ("not for now"), or never."""
    if interview.status == Status.CONFIRMED:
        raise ValidationError(
            "This conversation is already booked: cancel it instead, and the student's "
            "calendar is updated."
        )
    if interview.status != Status.REQUESTED:
        raise ValidationError("This request has already been answered.")
    if again not in Interview.Again.values:
        raise ValidationError("Choose when, if ever, the student may ask you again.")
    today = timezone.localdate()
    if again == Interview.Again.AFTER:
        if again_after is None or again_after <= today:
            raise ValidationError("Choose a date in the future after which they may ask again.")
        again_on = again_after + timedelta(days=1)
    elif again == Interview.Again.NOT_NOW:
        wait = timedelta(days=settings.INTERVIEW_DECLINE_COOLDOWN_DAYS)
        again_on = timezone.localdate(timezone.now() + wait)
    else:
        again_on = None
    with transaction.atomic():
        _change(
            interview,
            Status.DECLINED,
            decline_reason=reason.strip(),
            answered_at=timezone.now(),
            ask_again=again,
            ask_again_on=again_on,
        )
        _release_capacity(interview)
        _mail_student(interview, "interview_declined", reason=reason.strip())


def written_answers_submit(*, interview: Interview, answers: dict[int, str]) -> None:
    """E-mail questions: the professional answers in writing; the interview is then held."""
    if interview.status != Status.REQUESTED or interview.format != Interview.Format.EMAIL:
        raise ValidationError("This request does not take written answers.")
    plan = interview.plan
    items = {item.pk: item for item in plan.items.all()} if plan is not None else {}
    if not any(text.strip() for text in answers.values()):
        raise ValidationError("Answer at least one question.")
    with transaction.atomic():
        for item_pk, text in answers.items():
            item = items.get(item_pk)
            if item is None or not text.strip():
                continue
            Answer.objects.update_or_create(
                interview=interview,
                item=item,
                defaults={
                    "question": item.text,
                    "text": text.strip()[:10000],
                    "written_by_professional": True,
                },
            )
        _change(interview, Status.COMPLETED, answered_at=timezone.now())
        _mail_student(interview, "interview_answered")
