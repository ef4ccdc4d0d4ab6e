"""The own-channel drafts (``apps.interviews.approach``) for one of the student's people."""

from dataclasses import dataclass
from datetime import date, timedelta

from apps.interviews.approach import (
    LINKEDIN_NOTE_LIMIT,
    Counterpart,
    EmailDraft,
    Note,
    PhoneScript,
    Sender,
    call_ahead_email,
    email_draft,
    linkedin_message,
    linkedin_note,
    phone_script,
)

from .models import Person

# The guides' "write first, then ring": a couple of days for the e-mail to be read.
RING_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class Drafts:
    email: EmailDraft
    note: Note
    message: str
    phone: PhoneScript
    call_ahead: EmailDraft
    ring_on: date
    note_limit: int = LINKEDIN_NOTE_LIMIT


def counterpart(person: Person) -> Counterpart:
    # Someone kept without "how I know them" is written to neutrally (no introduction is
    # claimed unless a referrer is named).
    return Counterpart(
        full_name=person.full_name,
        how_known=person.how_known or "referral",
        role=person.role,
        organisation=person.organisation,
        referrer_name=person.referred_by,
        email=person.email,
    )


def default_ring_day(today: date) -> date:
    """Two days on, moved past a weekend."""
    day = today + RING_AFTER
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def drafts_for(person: Person, user, ring_on: date, research=None) -> Drafts | None:
    """Every draft for approaching ``person``, or None when a name the drafts need is
    missing (the student's own, in their profile). ``research`` is the conversation being
    prepared with them, if any: its research notes (and length) give the drafts the line that
    shows the student did their homework."""
    notes = {}
    if research is not None:
        notes = {
            "research_career": research.research_career,
            "research_organisation": research.research_organisation,
            "research_person": research.research_person,
            "length_minutes": research.length_minutes,
        }
    try:
        them, me = counterpart(person), Sender.from_user(user, **notes)
    except ValueError:
        return None
    return Drafts(
        email=email_draft(them, me),
        note=linkedin_note(them, me),
        message=linkedin_message(them, me),
        phone=phone_script(them, me),
        call_ahead=call_ahead_email(them, me, ring_on),
        ring_on=ring_on,
    )
