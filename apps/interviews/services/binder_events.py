"""What the interviews app does when the binder announces a change, and the worker's expiry pass."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.contacts.models import Professional
from apps.core.privacy import scrub_rows
from apps.core.schedule import job_due
from apps.questions.models import Plan

from ..models import Answer, Interview, Promise, Referral
from .booked import _end_meeting
from .common import NOT_WRITTEN_TO, Status, _change, _mail_student, _release_capacity

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
        # A confirmed interview always has its time.
        if interview.status == Status.CONFIRMED and cast(datetime, interview.starts_at) <= now:
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
        other = (
            Interview.objects.open().filter(professional=kept, student=interview.student_id).first()
        )
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


def expire_due_requests(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Worker job: requests unanswered for 14 days expire and give their place back."""
    if stop() or not job_due("interviews.expire", every=timedelta(minutes=5)):
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
