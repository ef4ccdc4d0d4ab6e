"""The rules that protect professionals' time, as plain questions the pages can ask.

Each returns the reason an action is not available, in words for the student, or "" when it
is. The numbers are settings (INTERVIEW_*).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from apps.contacts.models import MonthlyLoad, Professional, month_start

from .models import Interview


def why_unavailable(professional: Professional) -> str:
    if professional.status == Professional.Status.DO_NOT_CONTACT or professional.erased_at:
        return "This person cannot be contacted."
    if professional.status != Professional.Status.ACTIVE or not professional.offers_interviews:
        return f"{professional.full_name} is not taking requests at the moment."
    return ""


def why_cannot_request(*, student, professional: Professional, exclude=None) -> str:
    """Why this student may not send a (new) request to this professional now."""
    unavailable = why_unavailable(professional)
    if unavailable:
        return unavailable
    mine = Interview.objects.filter(student=student)
    if exclude is not None:
        mine = mine.exclude(pk=exclude.pk)
    if mine.open().filter(professional=professional).exists():
        return f"You already have an open request or interview with {professional.full_name}."
    cooldown = timedelta(days=settings.INTERVIEW_DECLINE_COOLDOWN_DAYS)
    declined = (
        mine.filter(professional=professional, status=Interview.Status.DECLINED)
        .filter(answered_at__gt=timezone.now() - cooldown)
        .order_by("-answered_at")
        .first()
    )
    if declined is not None:
        again = timezone.localdate(declined.answered_at + cooldown)
        return (
            f"{professional.full_name} declined your last request, so please wait until "
            f"{date_format(again, 'j F Y')} before asking again. Someone similar may be glad to talk."
        )
    waiting = mine.filter(status=Interview.Status.REQUESTED).count()
    if waiting >= settings.INTERVIEW_MAX_OPEN_REQUESTS:
        return (
            f"You have {waiting} requests waiting for an answer, the most at once. Wait for an "
            "answer, or withdraw one, before asking someone else."
        )
    full = MonthlyLoad.objects.filter(
        professional=professional,
        month=month_start(),
        requests__gte=F("professional__monthly_capacity"),
    ).exists()
    if full or professional.monthly_capacity == 0:
        return (
            f"{professional.full_name} has been asked by as many students as they can see this "
            "month. Try again next month, or choose someone similar."
        )
    return ""


def why_cannot_follow_up(interview: Interview, now=None) -> str:
    now = now or timezone.now()
    if interview.status != Interview.Status.REQUESTED:
        return "Only a request still waiting for an answer can be followed up."
    if interview.follow_up_sent_at:
        return "You have sent your one follow-up. If there is still no answer, the request closes by itself."
    ready = interview.requested_at + timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS)
    if now < ready:
        return (
            f"Give them time: you can send one polite follow-up from "
            f"{date_format(timezone.localtime(ready), 'j F')} if there is no answer by then."
        )
    return ""


def why_cannot_record(interview: Interview, now=None) -> str:
    now = now or timezone.now()
    if interview.status == Interview.Status.COMPLETED:
        return ""
    if interview.status != Interview.Status.CONFIRMED:
        return "Only a confirmed interview can be recorded."
    if interview.starts_at and interview.starts_at > now:
        return "You can record the interview once it has started."
    return ""
