"""Preparing and sending a request: research, times, the weekly line, follow-up and withdrawal."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.core.timezones import in_zone
from apps.questions.models import Plan

from .. import rules, signals
from ..models import Interview, ProposedTime
from .common import Status, _change, _mail_professional, _release_capacity, binder_only

# --- Preparing -------------------------------------------------------------------------------


def interview_start(*, student: User, professional: Professional) -> Interview:
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


def missing_before_request(interview: Interview, *, drafted_message: str = "") -> list[str]:
    """What stands before sending. drafted_message is the message on the page (drafted for
    the student, not saved yet): it counts, since saving the request saves it."""
    missing = research_missing(interview)
    plan = interview.plan
    count = plan.items.count() if plan is not None else 0
    if count < 3:
        missing.append(f"at least 3 questions in your plan (you have {count})")
    if not (interview.message.strip() or drafted_message.strip()):
        missing.append("your introduction message")
    if (
        interview.format != Interview.Format.EMAIL
        and not interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT).exists()
    ):
        missing.append("at least one proposed time")
    return missing


def _check_times(
    *, student: User, times: list[datetime], length_minutes: int, exclude: Interview
) -> None:
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
                f"{clash.counterpart.full_name}."
            )


def request_prepare(
    *,
    interview: Interview,
    format: str,
    length_minutes: int,
    accessibility_needs: str,
    message: str,
    times: list[datetime],
    subject: str = "",
    research: dict[str, str] | None = None,
) -> None:
    """Save the request's details and proposed times (nothing is sent yet), and the research
    notes when the page sent them with it (one form, so typed notes are never lost)."""
    pro = binder_only(interview)
    if interview.status not in (Status.DRAFT,):
        raise ValidationError("This request has been sent already; withdraw it to start again.")
    if not pro.accepts(format):
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
        interview.subject = " ".join(subject.split())[:150]
        for field, _ in RESEARCH_NOTES:
            if research is not None and field in research:
                setattr(interview, field, research[field].strip())
        interview.save()
        if interview.plan_id:
            Plan.objects.filter(pk=interview.plan_id).update(length_minutes=length_minutes)
        interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT).delete()
        if format != Interview.Format.EMAIL:
            ProposedTime.objects.bulk_create(
                ProposedTime(interview=interview, starts_at=moment) for moment in sorted(times)
            )


def request_send(*, interview: Interview) -> None:
    pro = binder_only(interview)
    missing = missing_before_request(interview)
    if missing:
        raise ValidationError("Before sending, add " + "; ".join(missing) + ".")
    with transaction.atomic():
        # The student's row is locked first: their sends run one at a time, so the cap on
        # waiting requests counts every request sent a moment before this one.
        User.objects.select_for_update().filter(pk=interview.student_id).values_list("pk").get()
        interview = Interview.objects.select_for_update().get(pk=interview.pk)
        if interview.status != Status.DRAFT:
            raise ValidationError("This request has been sent already.")
        reason = rules.why_cannot_request(
            student=interview.student, professional=pro, exclude=interview
        )
        if reason:
            raise ValidationError(reason)
        for moment in interview.proposed_times.values_list("starts_at", flat=True):
            if moment <= timezone.now():
                raise ValidationError("One of your proposed times has passed: choose new ones.")
        # Takes the professional's row lock, so the week's count below is not raced.
        load = binder.capacity_claim(professional=pro)
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
                f"You already have an open request with {pro.full_name}."
            ) from None
        if _week_has_room(pro.pk, now):
            _deliver_request(interview, now)


def _week_has_room(professional_id: int, now: datetime) -> bool:
    """Never pester: at most INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS new-request e-mails reach
    one professional in seven days, from all students together."""
    sent = Interview.objects.filter(
        professional_id=professional_id, delivered_at__gt=now - timedelta(days=7)
    ).count()
    weekly: int = settings.INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS
    return sent < weekly


def _deliver_request(interview: Interview, now: datetime) -> None:
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


def deliver_waiting_requests(*, stop: Callable[[], bool] = lambda: False) -> int:
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
    zone = binder_only(interview).time_zone
    return [
        (slot.pk, in_zone(slot.starts_at, zone))
        for slot in interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT)
    ]


def request_follow_up(*, interview: Interview) -> None:
    binder_only(interview)
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
