"""Never pester someone the student knows: the advice after each approach they log.

A student approaches a person from their own network by their own channel (a call, an e-mail,
a LinkedIn message) and logs what happened. The product cannot stop a phone call, so these
rules are advice, worded for the student, worked out from the log alone:

- a decline ends it: no further approach, ever, for this conversation;
- a booked conversation needs no more approaches;
- "call me back on <day>": not before that day, and that day is suggested;
- a message (a voicemail, an e-mail, a LinkedIn message) gets one polite follow-up, a week
  later; after two unanswered messages the student stops;
- a call that nobody answered, with no message left, may be tried again the next day, at a
  different time;
- at most MAX_UNANSWERED approaches go unanswered in all, whatever their kind.

``advice`` is the one place these rules live; the pages and the log's form ask it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.formats import date_format

FOLLOW_UP_AFTER = timedelta(days=7)
RETRY_CALL_AFTER = timedelta(days=1)
MAX_MESSAGES = 2  # the first message and one polite follow-up
MAX_UNANSWERED = 4


class Outcome(models.TextChoices):
    NO_ANSWER = "no_answer", "Called: no answer"
    VOICEMAIL = "voicemail", "Called: left a voicemail"
    BOOKED = "booked", "Spoke (or heard back): booked a conversation"
    CALL_BACK = "call_back", "Spoke: asked to call back on a date"
    DECLINED = "declined", "Declined"
    EMAILED = "emailed", "Sent an e-mail"
    MESSAGED = "messaged", "Sent a LinkedIn or other message"


MESSAGES = {Outcome.VOICEMAIL, Outcome.EMAILED, Outcome.MESSAGED}
UNANSWERED = MESSAGES | {Outcome.NO_ANSWER}


@dataclass(frozen=True)
class Attempt:
    """One logged approach: the day it happened, what came of it, and the day they asked
    to be called back (for CALL_BACK)."""

    on: date
    outcome: str
    call_back_on: date | None = None


@dataclass(frozen=True)
class Advice:
    """Whether to approach again now; if not, why, in words for the student, and from which
    day it would be fine (None: not again)."""

    may_try: bool
    reason: str = ""
    from_day: date | None = None


def _long(day: date) -> str:
    return date_format(day, "l j F")


def advice(attempts: Sequence[Attempt], today: date) -> Advice:
    """What the student may do next, given every approach logged so far (in any order)."""
    log = sorted(attempts, key=lambda a: a.on)
    if any(a.outcome == Outcome.DECLINED for a in log):
        return Advice(
            False,
            "They said no, and that is the end of it: thank them for their time if you have "
            "not, and approach someone else.",
        )
    if any(a.outcome == Outcome.BOOKED for a in log):
        return Advice(False, "Your conversation is booked: no more approaches are needed.")
    # Only what happened since they last answered counts as unanswered.
    answered = [n for n, a in enumerate(log) if a.outcome == Outcome.CALL_BACK]
    since = log[answered[-1] + 1 :] if answered else log
    call_back_on = None
    if answered:
        call_back_on = log[answered[-1]].call_back_on or log[answered[-1]].on
    messages = [a for a in since if a.outcome in MESSAGES]
    unanswered = [a for a in since if a.outcome in UNANSWERED]
    if len(messages) >= MAX_MESSAGES or len(unanswered) >= MAX_UNANSWERED:
        return Advice(
            False,
            "You have tried enough times without an answer: they may be busy, or not able to "
            "help just now. Leave it there, and approach someone else.",
        )
    ready, reason = today, ""
    if since:
        ready = since[-1].on + RETRY_CALL_AFTER
        reason = f"Nobody answered: try once more from {_long(ready)}, at another time of day."
    if messages and messages[-1].on + FOLLOW_UP_AFTER > ready:
        ready = messages[-1].on + FOLLOW_UP_AFTER
        reason = (
            "Give them a week to answer your message: one polite follow-up is fine from "
            f"{_long(ready)}."
        )
    if call_back_on and call_back_on > ready:
        ready = call_back_on
        reason = f"They asked you to call back on {_long(call_back_on)}: wait until then."
    if today < ready:
        return Advice(False, reason, ready)
    return Advice(True)
