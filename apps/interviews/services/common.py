"""Links for the professional, and what every stage shares: status changes, capacity, calendar
files and the two e-mail doors."""

from datetime import timedelta
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.core.mail import email_send

from .. import signals
from ..calendar import CalendarEvent, event_ics
from ..models import Interview

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
    path = reverse("interviews:respond", args=[professional_token(interview)])
    return f"{settings.SITE_URL}{path}"


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


def _change(interview: Interview, new_status: str, **fields: Any) -> None:
    old = interview.status
    interview.status = new_status
    interview.link_version += 1
    for name, value in fields.items():
        setattr(interview, name, value)
    interview.save()
    signals.interview_status_changed.send(
        sender=Interview, interview=interview, old_status=old, new_status=new_status
    )


def binder_only(interview: Interview) -> Professional:
    """The request and its answers go through the product to a binder professional; a
    conversation with someone the student knows is arranged by the student and booked with
    ``booking_record``."""
    if interview.professional is None:
        raise ValidationError(
            "You arranged this conversation yourself: record its time under “Approach and book”."
        )
    return interview.professional


def _release_capacity(interview: Interview) -> None:
    if interview.capacity_month:  # only a binder request takes a place in someone's month
        binder.capacity_release(professional=binder_only(interview), month=interview.capacity_month)


def calendar_event(interview: Interview, *, cancelled: bool = False) -> CalendarEvent:
    if interview.starts_at is None or interview.ends_at is None:
        # Every caller asks for a booked interview's event; one without a time has none.
        raise ValueError(f"Interview {interview.pk} has no time booked, so no calendar event.")
    pro, student = interview.counterpart, interview.student
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
            + (
                "conversation you arranged."
                if interview.own_network
                else "conversation arranged through the career centre."
            )
        ),
        location=interview.where,
        cancelled=cancelled,
        organizer_email=organizer_email,
        organizer_name=organizer_name,
        attendees=tuple((p.full_name, p.email) for p in (student, pro) if p.email),
    )


def _ics_attachment(interview: Interview, *, cancelled: bool = False) -> list[tuple[str, str, str]]:
    return [
        (
            "interview.ics",
            event_ics(calendar_event(interview, cancelled=cancelled)).decode(),
            "text/calendar",
        )
    ]


# The e-mails in which a professional may want to ask the student something before a time is
# confirmed: the request and its one follow-up. They point to the question form on the answer
# page (question_to_student) and name the student's address, and never carry a Reply-To to the
# student: a reply quotes the e-mail, and with it the professional's own signed links (to
# answer, to pause or erase their listing), which would then be in the student's hands.
STUDENT_ADDRESS_SHOWN = frozenset({"interview_request", "interview_follow_up"})


def _mail_professional(interview: Interview, name: str, **context: Any) -> None:
    pro = interview.professional
    # The student's own people hear from the student, from their own mailbox: never from us.
    if pro is None or not pro.email or pro.status in NOT_WRITTEN_TO:
        return
    attachments = context.pop("attachments", ())
    student_address = interview.student.email
    email_send(
        name=name,
        to=[pro.email],
        context={
            "interview": interview,
            "professional": pro,
            "student": interview.student,
            "link": professional_link(interview),
            "listing_link": binder.manage_link(pro),
            "student_address": student_address if name in STUDENT_ADDRESS_SHOWN else "",
            **context,
        },
        attachments=attachments,
    )


def _mail_student(interview: Interview, name: str, **context: Any) -> None:
    attachments = context.pop("attachments", ())
    reply_to = context.pop("reply_to", ())
    email_send(
        name=name,
        to=[interview.student.email],
        reply_to=reply_to,
        context={
            "interview": interview,
            "professional": interview.counterpart,
            "student": interview.student,
            "link": settings.SITE_URL + reverse("interviews:detail", args=[interview.pk]),
            **context,
        },
        attachments=attachments,
    )
