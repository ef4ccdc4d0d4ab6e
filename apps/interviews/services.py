"""Interview workflows. Every state change happens here, in one transaction, and is announced
with a signal. Booking takes row locks (professional first, then student) so two answers at
the same moment cannot double-book anyone; PostgreSQL's exclusion constraints back that up."""

import secrets
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.core.mail import email_send
from apps.core.privacy import scrub_rows
from apps.core.ratelimit import rate_limit_allows
from apps.core.suppression import is_suppressed
from apps.core.timezones import zone_named
from apps.questions.models import Plan

from . import rules, signals
from .calendar import CalendarEvent, event_ics  # noqa: F401 - event_ics re-exported for views
from .models import Answer, CalendarFeed, Interview, Promise, ProposedTime, Referral

LINK_SALT = "interviews.professional-link"
# Whoever left the binder or asked never to be contacted gets no interview e-mail from us
# (and the mail door refuses their address anyway once they asked "never").
NOT_WRITTEN_TO = (Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED)
LINK_DAYS = 14
Status = Interview.Status


# --- Links for the professional -----------------------------------------------------------


def professional_token(interview: Interview) -> str:
    return signing.dumps({"i": interview.pk, "v": interview.link_version}, salt=LINK_SALT)


def professional_link(interview: Interview) -> str:
    return settings.SITE_URL + reverse("interviews:respond", args=[professional_token(interview)])


def interview_for_token(token: str, *, for_update: bool = False) -> tuple[Interview | None, str]:
    """The interview a link belongs to, or None and why: tampered, expired, or superseded
    (the request was answered or changed since the link was sent)."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    queryset = Interview.objects.select_related("student", "professional", "plan")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    interview = queryset.filter(pk=data.get("i")).first()
    if interview is None:
        return None, "invalid"
    if interview.link_version != data.get("v"):
        return None, "used"
    return interview, ""


# --- Helpers ------------------------------------------------------------------------------


def _change(interview: Interview, new_status: str, **fields) -> None:
    old = interview.status
    interview.status = new_status
    interview.link_version += 1
    for name, value in fields.items():
        setattr(interview, name, value)
    interview.save()
    signals.interview_status_changed.send(
        sender=Interview, interview=interview, old_status=old, new_status=new_status
    )


def _release_capacity(interview: Interview) -> None:
    if interview.capacity_month:
        binder.capacity_release(professional=interview.professional, month=interview.capacity_month)


def in_zone(moment, zone_name: str) -> str:
    """A time as the reader should see it, with the zone named."""
    zone = zone_named(zone_name)
    local = timezone.localtime(moment, zone)
    return f"{date_format(local, 'l j F Y, H:i')} ({zone.key})"


def calendar_event(interview: Interview, *, cancelled: bool = False) -> CalendarEvent:
    pro, student = interview.professional, interview.student
    # RFC 5546: a REQUEST or CANCEL names its ORGANIZER; the career centre sends them.
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return CalendarEvent(
        uid=f"interview-{interview.calendar_uid}@{settings.SITE_URL.split('//')[-1].split('/')[0]}",
        sequence=interview.calendar_sequence,
        starts_at=interview.starts_at,
        ends_at=interview.ends_at,
        summary=f"Informational interview: {student.full_name} and {pro.full_name}",
        description=(
            f"{interview.length_minutes}-minute {interview.get_format_display().lower()} "
            "conversation arranged through the career centre."
        ),
        location=interview.where,
        cancelled=cancelled,
        organizer_email=organizer_email,
        organizer_name=organizer_name,
        attendees=tuple((p.full_name, p.email) for p in (student, pro) if p.email),
    )


def _ics_attachment(interview: Interview, *, cancelled: bool = False):
    return [
        (
            "interview.ics",
            event_ics(calendar_event(interview, cancelled=cancelled)).decode(),
            "text/calendar",
        )
    ]


def _mail_professional(interview: Interview, name: str, **context) -> None:
    pro = interview.professional
    if not pro.email or pro.status in NOT_WRITTEN_TO:
        return
    attachments = context.pop("attachments", ())
    email_send(
        name=name,
        to=[pro.email],
        context={
            "interview": interview,
            "professional": pro,
            "student": interview.student,
            "link": professional_link(interview),
            "listing_link": binder.manage_link(pro),
            **context,
        },
        attachments=attachments,
    )


def _mail_student(interview: Interview, name: str, **context) -> None:
    attachments = context.pop("attachments", ())
    email_send(
        name=name,
        to=[interview.student.email],
        context={
            "interview": interview,
            "professional": interview.professional,
            "student": interview.student,
            "link": settings.SITE_URL + reverse("interviews:detail", args=[interview.pk]),
            **context,
        },
        attachments=attachments,
    )


# --- Preparing -------------------------------------------------------------------------------


def interview_start(*, student, professional: Professional) -> Interview:
    """Open (or reopen) the workspace for one conversation, with its own question plan."""
    existing = (
        Interview.objects.filter(student=student, professional=professional)
        .filter(status__in=[Status.DRAFT, Status.REQUESTED, Status.CONFIRMED])
        .first()
    )
    if existing is not None:
        return existing
    # Preparing is always welcome; the rules on asking apply when the request is sent.
    reason = rules.why_unavailable(professional)
    if reason:
        raise ValidationError(reason)
    with transaction.atomic():
        plan = Plan.objects.create(
            student=student, title=f"Conversation with {professional.full_name}", length_minutes=20
        )
        return Interview.objects.create(student=student, professional=professional, plan=plan)


def research_save(*, interview: Interview, career: str, organisation: str, person: str) -> None:
    interview.research_career = career.strip()
    interview.research_organisation = organisation.strip()
    interview.research_person = person.strip()
    interview.save(
        update_fields=["research_career", "research_organisation", "research_person", "updated_at"]
    )


RESEARCH_NOTES = [
    ("research_career", "notes on the career"),
    ("research_organisation", "notes on the organisation"),
    ("research_person", "notes on the person"),
]


def research_missing(interview: Interview) -> list[str]:
    """The research notes still empty (the request form and the prepare reminder say so)."""
    return [label for field, label in RESEARCH_NOTES if not getattr(interview, field).strip()]


def missing_before_request(interview: Interview) -> list[str]:
    missing = research_missing(interview)
    count = interview.plan.items.count() if interview.plan_id else 0
    if count < 3:
        missing.append(f"at least 3 questions in your plan (you have {count})")
    if not interview.message.strip():
        missing.append("your introduction message")
    if (
        interview.format != Interview.Format.EMAIL
        and not interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT).exists()
    ):
        missing.append("at least one proposed time")
    return missing


def _check_times(*, student, times, length_minutes: int, exclude: Interview) -> None:
    now = timezone.now()
    if len(times) > settings.INTERVIEW_MAX_PROPOSED_TIMES:
        raise ValidationError(f"Propose at most {settings.INTERVIEW_MAX_PROPOSED_TIMES} times.")
    length = timedelta(minutes=length_minutes)
    ordered = sorted(times)
    for moment in ordered:
        if moment <= now:
            raise ValidationError(
                f"{in_zone(moment, student.time_zone)} is in the past: choose a future time."
            )
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if later < earlier + length:
            raise ValidationError(
                f"{in_zone(earlier, student.time_zone)} and {in_zone(later, student.time_zone)} "
                "overlap: leave at least the length of the conversation between proposals."
            )
    for moment in ordered:
        clash = (
            Interview.objects.overlapping(moment, moment + length)
            .filter(student=student)
            .exclude(pk=exclude.pk)
            .first()
        )
        if clash is not None:
            raise ValidationError(
                f"{in_zone(moment, student.time_zone)} overlaps your confirmed interview with "
                f"{clash.professional.full_name}."
            )


def request_prepare(
    *,
    interview: Interview,
    format: str,
    length_minutes: int,
    accessibility_needs: str,
    message: str,
    times: list,
) -> None:
    """Save the request's details and proposed times (nothing is sent yet)."""
    if interview.status not in (Status.DRAFT,):
        raise ValidationError("This request has been sent already; withdraw it to start again.")
    pro = interview.professional
    accepted = {
        Interview.Format.IN_PERSON: pro.accepts_in_person,
        Interview.Format.PHONE: pro.accepts_phone,
        Interview.Format.VIDEO: pro.accepts_video,
        Interview.Format.EMAIL: pro.accepts_email,
    }
    if not accepted.get(format):
        raise ValidationError(
            f"{pro.full_name} does not take {Interview.Format(format).label.lower()} conversations; "
            f"they accept: {', '.join(pro.formats).lower()}."
        )
    if format != Interview.Format.EMAIL:
        _check_times(
            student=interview.student, times=times, length_minutes=length_minutes, exclude=interview
        )
    with transaction.atomic():
        interview.format = format
        interview.length_minutes = length_minutes
        interview.accessibility_needs = accessibility_needs.strip()
        interview.message = message.strip()
        interview.save()
        if interview.plan_id:
            Plan.objects.filter(pk=interview.plan_id).update(length_minutes=length_minutes)
        interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT).delete()
        if format != Interview.Format.EMAIL:
            ProposedTime.objects.bulk_create(
                ProposedTime(interview=interview, starts_at=moment) for moment in sorted(times)
            )


def request_send(*, interview: Interview) -> None:
    missing = missing_before_request(interview)
    if missing:
        raise ValidationError("Before sending, add " + "; ".join(missing) + ".")
    with transaction.atomic():
        interview = Interview.objects.select_for_update().get(pk=interview.pk)
        if interview.status != Status.DRAFT:
            raise ValidationError("This request has been sent already.")
        reason = rules.why_cannot_request(
            student=interview.student, professional=interview.professional, exclude=interview
        )
        if reason:
            raise ValidationError(reason)
        for moment in interview.proposed_times.values_list("starts_at", flat=True):
            if moment <= timezone.now():
                raise ValidationError("One of your proposed times has passed: choose new ones.")
        # Takes the professional's row lock, so the week's count below is not raced.
        load = binder.capacity_claim(professional=interview.professional)
        now = timezone.now()
        try:
            with transaction.atomic():
                _change(
                    interview,
                    Status.REQUESTED,
                    requested_at=now,
                    expires_at=None,
                    delivered_at=None,
                    capacity_month=load.month,
                    follow_up_sent_at=None,
                    answered_at=None,
                )
        except IntegrityError:
            raise ValidationError(
                f"You already have an open request with {interview.professional.full_name}."
            ) from None
        if _week_has_room(interview.professional_id, now):
            _deliver_request(interview, now)


def _week_has_room(professional_id: int, now) -> bool:
    """Never pester: at most INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS new-request e-mails reach
    one professional in seven days, from all students together."""
    sent = Interview.objects.filter(
        professional_id=professional_id, delivered_at__gt=now - timedelta(days=7)
    ).count()
    return sent < settings.INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS


def _deliver_request(interview: Interview, now) -> None:
    """The request e-mail goes to the professional; the clocks for the follow-up and the
    expiry start now, not when the student pressed send."""
    interview.delivered_at = now
    interview.expires_at = now + timedelta(days=settings.INTERVIEW_REQUEST_EXPIRES_DAYS)
    interview.save(update_fields=["delivered_at", "expires_at", "updated_at"])
    _mail_professional(interview, "interview_request", times=_times_for_professional(interview))
    signals.interview_delivered.send(sender=Interview, interview=interview)


def in_line(interview: Interview) -> bool:
    """Sent by the student, waiting for room in the professional's week."""
    return interview.status == Status.REQUESTED and interview.delivered_at is None


def deliver_waiting_requests(*, stop=lambda: False) -> int:
    """Worker job: requests waiting in line go out, oldest first, as each professional's week
    has room. Each is claimed under the professional's row lock, so two workers send it once."""
    if stop():
        return 0
    count = 0
    # A paused professional's line waits for them to resume; one who left or said "never"
    # has no line (their open requests were closed).
    waiting = (
        Interview.objects.filter(
            status=Status.REQUESTED,
            delivered_at__isnull=True,
            professional__status=Professional.Status.ACTIVE,
        )
        .order_by("requested_at", "pk")
        .values_list("pk", "professional_id")
    )
    for pk, professional_id in list(waiting[:500]):
        if stop():
            break
        with transaction.atomic():
            Professional.objects.select_for_update().filter(pk=professional_id).first()
            interview = (
                Interview.objects.select_for_update(of=("self",))
                .select_related("student", "professional")
                .filter(pk=pk, status=Status.REQUESTED, delivered_at__isnull=True)
                .first()
            )
            now = timezone.now()
            if interview is None or not _week_has_room(professional_id, now):
                continue
            # The oldest waiting request of this professional goes first.
            first = (
                Interview.objects.filter(
                    professional_id=professional_id,
                    status=Status.REQUESTED,
                    delivered_at__isnull=True,
                )
                .order_by("requested_at", "pk")
                .values_list("pk", flat=True)
                .first()
            )
            if first != interview.pk:
                continue
            _deliver_request(interview, now)
        count += 1
    return count


def _times_for_professional(interview: Interview) -> list[tuple[int, str]]:
    zone = interview.professional.time_zone
    return [
        (slot.pk, in_zone(slot.starts_at, zone))
        for slot in interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT)
    ]


def request_follow_up(*, interview: Interview) -> None:
    with transaction.atomic():
        # Locked and read again: two clicks at once send one follow-up, not two.
        interview = (
            Interview.objects.select_for_update(of=("self",))
            .select_related("student", "professional")
            .get(pk=interview.pk)
        )
        reason = rules.why_cannot_follow_up(interview)
        if reason:
            raise ValidationError(reason)
        interview.follow_up_sent_at = timezone.now()
        interview.save(update_fields=["follow_up_sent_at", "updated_at"])
        _mail_professional(
            interview, "interview_follow_up", times=_times_for_professional(interview)
        )
        signals.interview_followed_up.send(sender=Interview, interview=interview)


def request_withdraw(*, interview: Interview) -> None:
    if interview.status not in (Status.DRAFT, Status.REQUESTED):
        raise ValidationError("Only a request that has not been answered can be withdrawn.")
    with transaction.atomic():
        was_requested = interview.status == Status.REQUESTED
        _change(interview, Status.WITHDRAWN)
        if was_requested:
            _release_capacity(interview)
            if interview.delivered_at is not None:  # a request still in line never reached them
                _mail_professional(interview, "interview_withdrawn")


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


def _confirm(interview: Interview, starts_at, where: str) -> None:
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
        when=in_zone(starts_at, interview.professional.time_zone),
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


def request_counter(*, interview: Interview, starts_at, note: str = "") -> None:
    """The professional suggests another time; the student confirms it."""
    if interview.status != Status.REQUESTED:
        raise ValidationError("This request has already been answered.")
    if starts_at <= timezone.now():
        raise ValidationError("Suggest a time in the future.")
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


def request_decline(
    *, interview: Interview, reason: str = "", again: str = "not_now", again_after=None
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
    items = {item.pk: item for item in interview.plan.items.all()} if interview.plan_id else {}
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


# --- After booking ---------------------------------------------------------------------------


def _end_meeting(
    interview: Interview, *, by: str, reason: str, tell: tuple = ("student", "professional")
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


def interview_reschedule(*, interview: Interview, times: list) -> None:
    """Back to requested with new times; the calendar entry keeps its UID."""
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
    promises: list[tuple[str, object]],
    referrals: list[dict],
) -> None:
    """Save the record of a held interview (again and again: it is the student's notebook)."""
    reason = rules.why_cannot_record(interview)
    if reason:
        raise ValidationError(reason)
    items = {item.pk: item for item in interview.plan.items.all()} if interview.plan_id else {}
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


# --- Staff: referrals into the binder ----------------------------------------------------------


def referral_add_to_binder(*, referral: Referral, by) -> Professional:
    """Staff vet a referral into the binder: a pending entry (never listed before the person
    agrees), its organisation kept, and one invitation that names the professional who
    suggested them, never the student."""
    if referral.status != Referral.Status.WAITING:
        raise ValidationError("This referral has been handled already.")
    interview = referral.interview
    email = referral.contact.strip().lower() if "@" in referral.contact else ""
    if email and is_suppressed(email):
        raise ValidationError(binder.SUPPRESSED_MESSAGE)
    with transaction.atomic():
        if email and Professional.objects.filter(email=email).exists():
            raise ValidationError("Someone with this address is already in the binder.")
        professional = Professional.objects.create(
            full_name=referral.name,
            job_title=referral.role,
            organisation=binder.organisation_named(referral.organisation),
            email=email,
            status=Professional.Status.PENDING,
            source=Professional.Source.REFERRAL,
            referred_by=interview.professional,
            referred_by_student=interview.student,
            industry=interview.professional.industry,
        )
        referral.status = Referral.Status.ADDED
        referral.professional = professional
        referral.save(update_fields=["status", "professional"])
        referrer = interview.professional
        named = referrer.status != Professional.Status.DO_NOT_CONTACT and not referrer.erased_at
        binder.invitation_send(professional=professional, referrer=referrer if named else None)
    return professional


def referral_dismiss(*, referral: Referral) -> None:
    referral.status = Referral.Status.DISMISSED
    referral.save(update_fields=["status"])


# --- Calendar feed ----------------------------------------------------------------------------


def calendar_feed_for(student, *, regenerate: bool = False) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(student=student).first()
    if feed is None:
        return CalendarFeed.objects.create(student=student, token=secrets.token_urlsafe(32))
    if regenerate:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed


# --- The binder's announcements and the worker ------------------------------------------------


def withdraw_everything_for(professional: Professional) -> int:
    """The professional left, asked never to be contacted again, or was erased: every open
    request closes with a kind note to the student, and every booked meeting is cancelled
    with a calendar CANCEL to the student. Nothing more goes to the professional."""
    left = professional.status == Professional.Status.RETIRED
    count = 0
    now = timezone.now()
    for interview in (
        Interview.objects.open().filter(professional=professional).select_related("student")
    ):
        if interview.status == Status.CONFIRMED and interview.starts_at <= now:
            continue  # it took place (or is taking place): the student can still record it
        if interview.status == Status.CONFIRMED:
            _end_meeting(
                interview,
                by="professional",
                reason="They have left the binder." if left else "They can no longer take part.",
                tell=("student",),
            )
        else:
            _change(interview, Status.WITHDRAWN)
            _release_capacity(interview)
            _mail_student(interview, "interview_withdrawn_for_you")
        count += 1
    for draft in Interview.objects.filter(professional=professional, status=Status.DRAFT):
        _change(draft, Status.WITHDRAWN)
    return count


ERASED = "(erased)"
STUDENT_TEXT = [
    "research_career",
    "research_organisation",
    "research_person",
    "message",
    "notes",
    "language",
    "reflection",
    "next_steps",
    "decline_reason",
    "cancel_reason",
]


def interviews_erase_mentions(*, professional: Professional, names: list[str]) -> None:
    """An erased professional: the referral rows that brought them in are blanked, and in the
    interviews with them even the first name the student greeted them by goes (elsewhere only
    the full name does: a first name alone may be anyone)."""
    Referral.objects.filter(professional=professional).update(
        name=ERASED, role="", organisation="", contact=""
    )
    first_names = {name.split()[0] for name in names if name.split()}
    words = [*names, *first_names]
    theirs = Interview.objects.filter(professional=professional)
    scrub_rows(theirs, STUDENT_TEXT, words, replacement=ERASED)
    scrub_rows(Answer.objects.filter(interview__in=theirs), ["text"], words, replacement=ERASED)
    scrub_rows(Promise.objects.filter(interview__in=theirs), ["text"], words, replacement=ERASED)
    scrub_rows(Plan.objects.filter(interview__in=theirs), ["title"], words, replacement=ERASED)


def interviews_merge(*, kept: Professional, merged: Professional) -> str:
    """Two binder entries became one: every interview and referral moves to the kept entry.

    A student may hold open business with both (one open per pair is a rule): the confirmed
    meeting stays, or else the earlier request; the other closes through the usual change, so
    reminders stop and a booked meeting's calendar entry is cancelled. Nothing is deleted."""
    for interview in (
        Interview.objects.open()
        .filter(professional=merged)
        .select_related("student", "professional")
    ):
        other = Interview.objects.open().filter(professional=kept, student=interview.student_id)
        other = other.first()
        if other is None:
            continue
        rank = [
            (i.status != Status.CONFIRMED, i.requested_at or i.created_at, i.pk)
            for i in (interview, other)
        ]
        loser = interview if rank[0] > rank[1] else other
        if loser.status == Status.CONFIRMED:
            _end_meeting(loser, by="staff", reason="This meeting was booked twice.")
        else:
            _change(loser, Status.WITHDRAWN)
            _release_capacity(loser)
            _mail_student(loser, "interview_duplicate_closed", kept=kept)
    moved = Interview.objects.filter(professional=merged).update(professional=kept)
    Referral.objects.filter(professional=merged).update(professional=kept)
    if kept.status in NOT_WRITTEN_TO:
        # Merged into someone who left or said "never": what came along closes too.
        withdraw_everything_for(kept)
    return f"{moved} interview(s)" if moved else ""


def expire_due_requests(*, stop=lambda: False) -> int:
    """Worker job: requests unanswered for 14 days expire and give their place back."""
    if stop() or not rate_limit_allows(
        "job:interviews.expire", limit=1, window=timedelta(minutes=5)
    ):
        return 0
    count = 0
    for interview in Interview.objects.due_to_expire(timezone.now()).select_related(
        "student", "professional"
    ):
        if stop():
            break
        with transaction.atomic():
            locked = (
                Interview.objects.select_for_update(skip_locked=True)
                .filter(pk=interview.pk, status=Status.REQUESTED)
                .first()
            )
            if locked is None:
                continue
            # Unanswered counts like a decline: the student waits before asking again.
            wait = timedelta(days=settings.INTERVIEW_EXPIRED_WAIT_DAYS)
            _change(
                interview,
                Status.EXPIRED,
                ask_again_on=timezone.localdate(timezone.now() + wait),
            )
            _release_capacity(interview)
            _mail_student(interview, "interview_expired")
        count += 1
    return count
