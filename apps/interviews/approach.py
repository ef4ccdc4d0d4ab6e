"""Approaching someone the student knows, through the student's own channel.

The binder's professionals are contacted through the product (composer.py). The people a
student already knows, or finds on their own, are approached from the student's own mailbox,
LinkedIn account or telephone: this module writes those drafts. It only composes text: it
reads nothing but what it is given (and the student's profile, in Sender.from_user) and
writes nothing.

Every draft follows the etiquette the product teaches: who the student is, how they know the
person (naming the referrer only when someone truly gave the student the name), that the
conversation is to learn about the person's career and not to ask for a job, and the short
time asked for. Text the student wrote themselves (interests, research notes) is copied as
written, accents, capitals and apostrophes included, except a fragment that the coach reads as
a job ask, which is left out: a draft from this module never asks for a job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.utils.formats import date_format

from apps.questions.coach import is_job_ask

if TYPE_CHECKING:
    from apps.accounts.models import User

HOW_KNOWN = ("friend", "family", "alumni", "colleague", "event", "linkedin", "referral", "binder")
# People the student knows personally: greeted by first name, less formally.
WARM = ("friend", "family", "colleague")
# LinkedIn's limit on the note sent with a connection request.
LINKEDIN_NOTE_LIMIT = 300
DEFAULT_TIME = "15–20 minutes"
# How long a name or phrase may run in the shorter LinkedIn note.
NOTE_CLIP = 40
# The longest a research note's first sentence may run inside a draft.
GIST_CHARS = 200
PHONE_PLACEHOLDER = "[your phone number]"
# The student's own words, copied into the drafts as written (spaces tidied).
SENDER_TEXT = (
    "programme",
    "career_interests",
    "linkedin_url",
    "university",
    "research_career",
    "research_organisation",
    "research_person",
)
# A sentence ends after a word of four letters or more (so "Ms. Okafor" and "e.g. this" do not).
SENTENCE_END = re.compile(r"(?<=\w\w\w\w[.!?])\s")


@dataclass(frozen=True)
class Counterpart:
    """The person approached. referrer_name is who truly gave the student this name, or ""."""

    full_name: str
    how_known: str
    first_name: str = ""
    role: str = ""
    organisation: str = ""
    referrer_name: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        if self.how_known not in HOW_KNOWN:
            raise ValueError(f"how_known must be one of {', '.join(HOW_KNOWN)}.")
        full_name = _tidy(self.full_name)
        if not full_name:
            raise ValueError("The person's name is required.")
        object.__setattr__(self, "full_name", full_name)
        object.__setattr__(self, "first_name", _tidy(self.first_name) or full_name.split(" ")[0])
        for name in ("role", "organisation", "referrer_name", "email"):
            object.__setattr__(self, name, _tidy(getattr(self, name)))


@dataclass(frozen=True)
class Sender:
    """The student, their research on this person, and the time they ask for.

    length_minutes None asks for the usual 15–20 minutes."""

    full_name: str
    programme: str = ""
    graduation_year: int | None = None
    career_interests: str = ""
    linkedin_url: str = ""
    university: str = ""
    research_career: str = ""
    research_organisation: str = ""
    research_person: str = ""
    length_minutes: int | None = None

    def __post_init__(self) -> None:
        full_name = _tidy(self.full_name)
        if not full_name:
            raise ValueError("The student's name is required.")
        if self.length_minutes is not None and not 5 <= self.length_minutes <= 60:
            raise ValueError("Ask for between 5 and 60 minutes.")
        object.__setattr__(self, "full_name", full_name)
        for name in SENDER_TEXT:
            object.__setattr__(self, name, _tidy(getattr(self, name)))

    @classmethod
    def from_user(
        cls,
        user: User,
        *,
        research_career: str = "",
        research_organisation: str = "",
        research_person: str = "",
        length_minutes: int | None = None,
        university: str = "",
    ) -> Sender:
        profile = getattr(user, "student_profile", None)
        return cls(
            full_name=user.full_name,
            programme=profile.programme if profile else "",
            graduation_year=profile.graduation_year if profile else None,
            career_interests=profile.career_interests if profile else "",
            linkedin_url=profile.linkedin_url if profile else "",
            university=university,
            research_career=research_career,
            research_organisation=research_organisation,
            research_person=research_person,
            length_minutes=length_minutes,
        )

    @property
    def time(self) -> str:
        return f"{self.length_minutes} minutes" if self.length_minutes else DEFAULT_TIME

    @property
    def career(self) -> str:
        """The career the student is exploring, in their own words ("" when they gave none)."""
        return _gist(self.career_interests) or _gist(self.research_career)


@dataclass(frozen=True)
class EmailDraft:
    subject: str
    body: str
    mailto: str


@dataclass(frozen=True)
class Note:
    """A LinkedIn connection note. length is len(text); shorter is the version to send: the
    note itself when it fits, otherwise a shorter one that always does."""

    text: str
    length: int
    fits: bool
    shorter: str


@dataclass(frozen=True)
class PhoneScript:
    opening: str
    why: str
    time_ask: str
    why_you: str
    gatekeeper: str
    voicemail: str
    close: str

    def sections(self) -> list[tuple[str, str]]:
        """Each part with a heading, in the order of a call."""
        return [
            ("Who you are", self.opening),
            ("Why you are calling", self.why),
            ("The time you ask for", self.time_ask),
            ("Why this person", self.why_you),
            ("If someone else answers", self.gatekeeper),
            ("If you reach voicemail", self.voicemail),
            ("Closing", self.close),
        ]


# --- the pieces -------------------------------------------------------------------------------


def _tidy(text: str | None) -> str:
    return " ".join((text or "").split())


def _clip(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most limit characters, with an ellipsis."""
    text = _tidy(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"


def _gist(text: str) -> str:
    """The first sentence of the student's own note, without a job ask, cut to GIST_CHARS."""
    lines = (text or "").strip().splitlines()
    first = SENTENCE_END.split(lines[0], maxsplit=1)[0] if lines else ""
    first = _tidy(first).rstrip(" .;:,!?")
    if not first or is_job_ask(first):
        return ""
    return _clip(first, GIST_CHARS)


def _end(text: str) -> str:
    """The text as a sentence: a full stop unless it already ends with an ellipsis."""
    return text if text.endswith("…") else f"{text}."


def _own(text: str) -> str:
    """A fragment the student typed (a name, a programme), unless it reads as a job ask."""
    return "" if is_job_ask(text) else text


def _studies(sender: Sender) -> str:
    """ "studying MSc X at Y, graduating in 2027", or "" """
    programme = _own(sender.programme)
    university = _own(sender.university)
    if not programme and not university:
        return ""
    text = f"studying {programme}" if programme else "a student"
    if university:
        text += f" at {university}"
    if sender.graduation_year:
        text += f", graduating in {sender.graduation_year}"
    return text


def _role_at(person: Counterpart) -> str:
    """ " as Head of Design at Acme", " at Acme", " as Nurse", or "" """
    role, organisation = _own(person.role), _own(person.organisation)
    text = f" as {role}" if role else ""
    return text + (f" at {organisation}" if organisation else "")


def _name_for(person: Counterpart) -> str:
    """The first name for someone the student knows personally, the full name otherwise (no
    title is guessed)."""
    return person.first_name if person.how_known in WARM else person.full_name


def _greeting(person: Counterpart) -> str:
    if person.how_known in WARM:
        return f"Hi {person.first_name},"
    return f"Dear {person.full_name},"


def _referrer(person: Counterpart) -> str:
    return _own(person.referrer_name)


def _opening(person: Counterpart, sender: Sender) -> str:
    """How the student comes to write: the warm-contact line, or how they know the person."""
    referrer = _referrer(person)
    how = person.how_known
    if how == "friend":
        line = "I hope you are well."
    elif how == "family":
        line = "I hope you are all well."
    elif how == "colleague":
        line = "I hope you don't mind me getting in touch about something other than work."
    else:
        line = ""
    if referrer:
        given = f"Your name has been given to me by {referrer}."
        return f"{line} {given}".strip()
    if line:
        return line
    university = _own(sender.university) or "my university"
    return {
        "alumni": f"I saw that you studied at {university}, where I am a student now.",
        "event": "We met at an event, and I hope you don't mind me following up.",
        "linkedin": "I came across your profile on LinkedIn.",
        "binder": "I found you through my university's career centre, which keeps a list of "
        "professionals who are happy to talk to students.",
        # A referral whose referrer is not known: say nothing of an introduction.
        "referral": f"I am getting in touch because of your work{_role_at(person)}.",
    }[how]


def _who(sender: Sender) -> str:
    studies = _studies(sender)
    career = sender.career
    text = f"My name is {sender.full_name}"
    text += f", and I am {studies}." if studies else "."
    if career:
        text += f" I am exploring a career in {career}."
    return text


def _purpose(person: Counterpart, sender: Sender) -> str:
    return (
        f"I would be grateful for {sender.time} of your time, whenever suits you, to learn about "
        f"your career{_role_at(person)}: how you came to it and what the work is really like. "
        "I am not asking for a job; I would simply like to learn from your experience."
    )


def _research(person: Counterpart, sender: Sender) -> str:
    sentences = []
    organisation = _own(person.organisation)
    about_organisation = _gist(sender.research_organisation)
    if about_organisation:
        where = organisation or "your organisation"
        sentences.append(_end(f"I have been reading about {where}: {about_organisation}"))
    about_person = _gist(sender.research_person)
    if about_person:
        sentences.append(_end(f"I would value your view in particular: {about_person}"))
    return " ".join(sentences)


def _signature(sender: Sender) -> str:
    lines = [sender.full_name]
    if sender.linkedin_url:
        lines.append(sender.linkedin_url)
    return "\n".join(lines)


def _subject(person: Counterpart, sender: Sender) -> str:
    """The guides' subject line: it says at once that this is an informational interview, and
    puts a referrer's name first because that is what gets it opened."""
    referrer = _referrer(person)
    if referrer:
        return f"Referred by {referrer}: informational interview request"
    if person.how_known in ("friend", "family"):
        return "Could I ask you about your career? (an informational interview)"
    if person.how_known == "alumni":
        university = _own(sender.university)
        who = f"A {university} student" if university else "A student from your university"
        return f"{who}: informational interview request"
    return "Informational interview request"


def research_line(person: Counterpart, sender: Sender) -> str:
    """The sentence or two that show the student did their homework (the request composer
    for the binder's professionals uses the same words)."""
    return _research(person, sender)


def subject_line(person: Counterpart, sender: Sender) -> str:
    return _subject(person, sender)


def mailto(address: str, subject: str, body: str) -> str:
    """A link that opens the student's own e-mail with this message ready to send."""
    # RFC 6068: every reserved character percent-encoded (quote with safe="" leaves none of
    # & ? # % + = behind), UTF-8 for accents, and line breaks in the body sent as %0D%0A.
    return (
        f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
        f"&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}"
    )


def _email(person: Counterpart, subject: str, paragraphs: list[str], sender: Sender) -> EmailDraft:
    body = "\n\n".join(
        [_greeting(person), *[p for p in paragraphs if p], f"Thank you,\n{_signature(sender)}"]
    )
    return EmailDraft(subject=subject, body=body, mailto=mailto(person.email, subject, body))


# --- the drafts -------------------------------------------------------------------------------


def email_draft(person: Counterpart, sender: Sender) -> EmailDraft:
    """The e-mail the student sends from their own mailbox.

    mailto opens it in their mail program; parsed back with urllib.parse it gives the same
    subject and body (the body's line breaks as CRLF, as RFC 6068 requires)."""
    paragraphs = [
        f"{_opening(person, sender)} {_who(sender)}",
        _research(person, sender),
        _purpose(person, sender),
        "I am happy to talk by phone or video, or to meet, at a time that suits you.",
    ]
    return _email(person, _subject(person, sender), paragraphs, sender)


def _note_opening(person: Counterpart, sender: Sender, cut: Callable[[str], str]) -> str:
    referrer = _referrer(person)
    if referrer:
        return f"{cut(referrer)} gave me your name."
    university = cut(_own(sender.university)) or "my university"
    return {
        "friend": "I hope you're well!",
        "family": "I hope you're all well!",
        "colleague": "We know each other through work.",
        "alumni": f"You studied at {university}, where I'm a student now.",
        "event": "We met at an event.",
        "linkedin": "I came across your profile here on LinkedIn.",
        "binder": "I found you through my university's career centre.",
        "referral": "",
    }[person.how_known]


def _note(
    person: Counterpart,
    sender: Sender,
    *,
    clip: int | None,
    studies: bool = True,
    where: bool = True,
    career: bool = True,
    opening: bool = True,
    signed: bool = True,
) -> str:
    def cut(text: str) -> str:
        return _clip(text, clip) if clip else text

    name = sender.full_name
    parts = [f"Hi {cut(person.first_name)},"]
    if opening:
        parts.append(_note_opening(person, sender, cut))
    who = f"I'm {cut(name)}" if signed else "I'm a student"
    programme = _own(sender.programme)
    if studies and programme:
        who += f", studying {cut(programme)}"
    interest = sender.career
    if career and interest:
        who += f", exploring a career in {cut(interest)}"
    parts.append(who + ".")
    role, organisation = _own(person.role), _own(person.organisation)
    at = ""
    if where and role:
        at += f" as {cut(role)}"
    if where and organisation:
        at += f" at {cut(organisation)}"
    parts.append(
        f"I'd love to learn about your career{at}. Could you spare {sender.time} for a short "
        "chat? Thank you!"
    )
    return " ".join(p for p in parts if p)


def linkedin_note(person: Counterpart, sender: Sender) -> Note:
    """The note sent with a LinkedIn connection request.

    Its length is counted as Python's len() (code points), which is how we count LinkedIn's
    300-character limit; LinkedIn's own count may differ for emoji and other characters outside
    the Basic Multilingual Plane. When the note runs over, shorter drops the details one at a
    time (the studies, the role, the career, the student's name, how they know the person) and
    cuts every name and phrase to NOTE_CLIP characters at a word boundary, so it always fits
    and still greets the person and says what the conversation is for."""
    text = _note(person, sender, clip=None)
    fits = len(text) <= LINKEDIN_NOTE_LIMIT
    shorter = text
    if not fits:
        ladder: list[dict[str, bool]] = [
            {},
            {"studies": False},
            {"studies": False, "where": False},
            {"studies": False, "where": False, "career": False},
            {"studies": False, "where": False, "career": False, "signed": False},
            {"studies": False, "where": False, "career": False, "signed": False, "opening": False},
        ]
        candidates = [_note(person, sender, clip=NOTE_CLIP, **flags) for flags in ladder]
        # The last rung is fixed words, a first name of at most NOTE_CLIP characters and the
        # time (at most "60 minutes"): under 160 characters, so it always fits.
        shorter = next(c for c in candidates if len(c) <= LINKEDIN_NOTE_LIMIT)
    return Note(text=text, length=len(text), fits=fits, shorter=shorter)


def linkedin_message(person: Counterpart, sender: Sender) -> str:
    """The longer message for after the person has accepted the connection."""
    paragraphs = [
        f"Hi {person.first_name},",
        f"Thank you for connecting. {_opening(person, sender)} {_who(sender)}",
        _research(person, sender),
        _purpose(person, sender),
        "If you are willing, I can fit around your diary: a phone or video call, or a coffee "
        "if you are nearby.",
        f"With thanks,\n{sender.full_name}",
    ]
    return "\n\n".join(p for p in paragraphs if p)


def phone_script(person: Counterpart, sender: Sender) -> PhoneScript:
    """What to say on the telephone: each part of the call, the gatekeeper and the voicemail."""
    studies = _studies(sender)
    career = sender.career
    referrer = _referrer(person)
    if person.how_known in WARM:
        opening = f"Hi {person.first_name}, it's {sender.full_name}."
    else:
        opening = f"Hello, is that {person.full_name}? My name is {sender.full_name}."
    if studies:
        opening += f" I'm {studies}."
    if referrer:
        opening += f" Your name has been given to me by {referrer}."
    elif person.how_known == "alumni":
        opening += f" I understand you studied at {_own(sender.university) or 'my university'}."
    elif person.how_known == "event":
        opening += " We met at an event."
    elif person.how_known == "linkedin":
        opening += " I came across your profile on LinkedIn."
    elif person.how_known == "binder":
        opening += " I found your name through my university's career centre."
    exploring = f"I'm exploring a career in {career}, and " if career else ""
    why = (
        f"I'm calling because {exploring}I'd like to learn about your career{_role_at(person)}. "
        "I'm not calling about a job: I'd simply like to hear about your experience."
    )
    time_ask = (
        f"Would you have {sender.time} to tell me about your work? It needn't be now: I'm happy "
        "to call back at a time that suits you better."
    )
    about_person = _gist(sender.research_person)
    because = "I'd particularly like to hear from you because"
    if about_person:
        why_you = _end(f"{because} of what I've read: {about_person}")
    elif _role_at(person):
        why_you = (
            f"{because} of your work{_role_at(person)}: you know from the inside what the "
            "career is really like."
        )
    else:
        why_you = f"{because} you know from the inside what the career is really like."
    mention = f" {referrer} gave me {person.first_name}'s name." if referrer else ""
    gatekeeper = (
        f"Good morning, my name is {sender.full_name}. I'm a student, and I'm hoping to speak to "
        f"{person.full_name} for {sender.time} to learn about their career; it isn't about a "
        f"job.{mention} When would be a good time to reach them? Or may I leave a message with "
        "my number?"
    )
    voicemail = (
        f"Hello {_name_for(person)}, this is {sender.full_name}."
        + (f" I'm {studies}." if studies else "")
        + (f" {referrer} gave me your name." if referrer else "")
        + f" I'm hoping you might have {sender.time} to tell me about your career, "
        "to learn from your experience; I'm not asking for a job. "
        f"You can reach me on {PHONE_PLACEHOLDER}. Again, that's {sender.full_name} on "
        f"{PHONE_PLACEHOLDER}. If I don't hear from you, I'll try you again later in the week. "
        "Thank you."
    )
    close = (
        "Thank you very much. I'll send you a short e-mail to confirm the time we've agreed. "
        "If now isn't a good moment, when would be better for me to call back?"
    )
    return PhoneScript(
        opening=opening,
        why=why,
        time_ask=time_ask,
        why_you=why_you,
        gatekeeper=gatekeeper,
        voicemail=voicemail,
        close=close,
    )


def ring_day(day: date) -> str:
    """ "Tuesday, 15 December" in the site's language."""
    return date_format(day, "l, j F")


def call_ahead_email(person: Counterpart, sender: Sender, day: date) -> EmailDraft:
    """The e-mail that goes first when the guides say to write and then call."""
    when = ring_day(day)
    paragraphs = [
        f"{_opening(person, sender)} {_who(sender)}",
        _research(person, sender),
        _purpose(person, sender),
        f"I will ring you on {when} to ask whether that might be possible. If another day "
        "suits you better, or you would rather reply by e-mail, just answer this message.",
    ]
    subject = f"{_subject(person, sender)} (I will ring you on {when})"
    return _email(person, subject, paragraphs, sender)


def drafts_text(person: Counterpart, sender: Sender, day: date) -> list[str]:
    """Every draft as text, for a check that runs over all of them (the coach, a review)."""
    email = email_draft(person, sender)
    note = linkedin_note(person, sender)
    ahead = call_ahead_email(person, sender, day)
    script = phone_script(person, sender)
    return [
        email.subject,
        email.body,
        note.text,
        note.shorter,
        linkedin_message(person, sender),
        *(text for _heading, text in script.sections()),
        ahead.subject,
        ahead.body,
    ]
