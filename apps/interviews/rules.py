"""The rules that protect professionals' time, as plain questions the pages can ask.

Each returns the reason an action is not available, in words for the student, or "" when it
is. The numbers are settings (INTERVIEW_*).
"""

import re
from datetime import date, datetime, timedelta
from typing import cast

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from apps.accounts.models import User
from apps.contacts.models import MonthlyLoad, Professional, month_start

from .models import Interview, InterviewQuerySet

# Something a student can open to join: a web address with or without its scheme
# ("https://…", "www.…", "meet.example.com/abc").
_LINK = re.compile(r"(https?://\S+|www\.\S+|\b[\w-]+(\.[\w-]+)+/\S*)", re.IGNORECASE)


def why_video_link_missing(interview: Interview, where: str) -> str:
    """A video call is booked with its link, so the student is not left without a way in.

    Asked when the professional accepts a time on their link's page, where they give the
    place (the accept form says it beside the field; request_accept refuses without it, so
    no path books a video call with no way in), and when they suggest another time (its note
    is the place the student confirms)."""
    if interview.format != Interview.Format.VIDEO or _LINK.search(where or ""):
        return ""
    return (
        "This is a video call: paste the link the student should join (for example "
        "https://meet.example.com/abc-defg), so they know where to find you. Nothing has "
        "been booked yet."
    )


def why_unavailable(professional: Professional) -> str:
    if professional.status == Professional.Status.DO_NOT_CONTACT or professional.erased_at:
        return "This person cannot be contacted."
    if professional.status != Professional.Status.ACTIVE or not professional.offers_interviews:
        return f"{professional.full_name} is not taking requests at the moment."
    return ""


def why_cannot_request(
    *, student: User, professional: Professional, exclude: Interview | None = None
) -> str:
    """Why this student may not send a (new) request to this professional now."""
    unavailable = why_unavailable(professional)
    if unavailable:
        return unavailable
    mine = Interview.objects.filter(student=student)
    if exclude is not None:
        mine = mine.exclude(pk=exclude.pk)
    if mine.open().filter(professional=professional).exists():
        return f"You already have an open request or interview with {professional.full_name}."
    wait = why_wait_to_ask_again(student=student, professional=professional, mine=mine)
    if wait:
        return wait
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


def _long(day: date) -> str:
    return date_format(day, "j F Y")


def why_wait_to_ask_again(
    *, student: User, professional: Professional, mine: InterviewQuerySet | None = None
) -> str:
    """Never pester: what the professional said when they declined, an unanswered request
    that expired (it counts like a decline), and at most a few asks of one person in a
    window, whatever became of them. "" when this student may ask now."""
    mine = mine if mine is not None else Interview.objects.filter(student=student)
    mine = mine.filter(professional=professional)
    today = timezone.localdate()
    name = professional.full_name
    ended = mine.filter(status__in=[Interview.Status.DECLINED, Interview.Status.EXPIRED])
    latest, why = None, ""
    for interview in ended.only(
        "status", "ask_again", "ask_again_on", "answered_at", "expires_at", "updated_at"
    ):
        if interview.ask_again == Interview.Again.NEVER:
            return (
                f"{name} asked not to be asked again, so the binder will not send them another "
                "request from you. Someone in a similar role may be glad to talk."
            )
        again_on = interview.ask_again_on or _legacy_again_on(interview)
        if again_on > today and (latest is None or again_on > latest):
            latest, why = again_on, _wait_reason(interview, name, again_on)
    if why:
        return why
    window = timedelta(days=settings.INTERVIEW_ASKS_WINDOW_DAYS)
    asked = list(
        mine.filter(requested_at__gt=timezone.now() - window)
        .order_by("-requested_at")
        .values_list("requested_at", flat=True)[: settings.INTERVIEW_MAX_ASKS_PER_PAIR]
    )
    if len(asked) >= settings.INTERVIEW_MAX_ASKS_PER_PAIR:
        # The filter on requested_at leaves out requests never sent, which have none.
        again_on = timezone.localdate(cast(datetime, asked[-1]) + window)
        return (
            f"You have asked {name} {len(asked)} times in the last "
            f"{settings.INTERVIEW_ASKS_WINDOW_DAYS // 30} months, the most for one person, so "
            f"please wait until {_long(again_on)}. Someone in a similar role may be glad to talk."
        )
    return ""


def _legacy_again_on(interview: Interview) -> date:
    """Declines and expiries from before the professional could say when to ask again."""
    if interview.status == Interview.Status.DECLINED:
        ended = interview.answered_at or interview.updated_at
        return timezone.localdate(ended + timedelta(days=settings.INTERVIEW_DECLINE_COOLDOWN_DAYS))
    ended = interview.expires_at or interview.updated_at
    return timezone.localdate(ended + timedelta(days=settings.INTERVIEW_EXPIRED_WAIT_DAYS))


def _wait_reason(interview: Interview, name: str, again_on: date) -> str:
    if interview.status == Interview.Status.EXPIRED:
        return (
            f"Your last request to {name} closed without an answer, which counts like a "
            f"decline: please wait until {_long(again_on)} before asking again. Someone in a "
            "similar role may be glad to talk."
        )
    if interview.ask_again == Interview.Again.AFTER:
        return (
            f"{name} asked to be asked again after {_long(again_on - timedelta(days=1))}: you "
            f"can ask from {_long(again_on)}."
        )
    return (
        f"{name} declined your last request, so please wait until {_long(again_on)} before "
        "asking again. Someone similar may be glad to talk."
    )


def why_cannot_follow_up(interview: Interview, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if interview.status != Interview.Status.REQUESTED:
        return "Only a request still waiting for an answer can be followed up."
    if interview.delivered_at is None:
        return (
            "Your request is waiting in line: they receive only a few new requests a week, and "
            "yours goes to them as soon as there is room. No follow-up is needed yet."
        )
    if interview.follow_up_sent_at:
        return "You have sent your one follow-up. If there is still no answer, the request closes by itself."
    ready = interview.delivered_at + timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS)
    if now < ready:
        return (
            f"Give them time: you can send one polite follow-up from "
            f"{date_format(timezone.localtime(ready), 'j F')} if there is no answer by then."
        )
    return ""


def why_cannot_record(interview: Interview, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if interview.status == Interview.Status.COMPLETED:
        return ""
    if interview.status != Interview.Status.CONFIRMED:
        return "Only a confirmed interview can be recorded."
    if interview.starts_at and interview.starts_at > now:
        return "You can record the interview once it has started."
    return ""
