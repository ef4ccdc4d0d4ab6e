"""The student's actions on a reminder, and the thank-you note."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.core.mail import email_send
from apps.core.suppression import is_suppressed
from apps.interviews.models import Interview, Promise
from apps.interviews.services import NOT_WRITTEN_TO
from apps.questions.models import Theme

from ..models import Reminder, ThankYou
from .scheduling import contact_touch

Kind = Reminder.Kind


# --- The student's actions on a reminder ---------------------------------------------------------


def reminder_done(*, reminder: Reminder) -> None:
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    with transaction.atomic():
        reminder.state = Reminder.State.DONE
        reminder.save(update_fields=["state", "updated_at"])
        if reminder.kind == Kind.PROMISE and reminder.promise_id:
            Promise.objects.filter(pk=reminder.promise_id).update(done_at=timezone.now())
        counterpart = reminder.professional or reminder.person
        if reminder.kind == Kind.KEEP_IN_TOUCH and counterpart is not None:
            contact_touch(student=reminder.student, counterpart=counterpart, note="Kept in touch")


def reminder_snooze(*, reminder: Reminder, days: int) -> None:
    if days not in (1, 7):
        raise ValidationError("Snooze for a day or a week.")
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    reminder.due_at = max(reminder.due_at, timezone.now()) + timedelta(days=days)
    reminder.emailed_at = None  # it comes round again, e-mail included
    reminder.save(update_fields=["due_at", "emailed_at", "updated_at"])


def reminder_dismiss(*, reminder: Reminder) -> None:
    if reminder.state != Reminder.State.PENDING:
        raise ValidationError("This reminder is already closed.")
    reminder.state = Reminder.State.DISMISSED
    reminder.save(update_fields=["state", "updated_at"])


# --- Thank-you note -----------------------------------------------------------------------------


# The first words a student's next step or a professional's offer usually starts with. Only
# these lose their capital inside the drafted sentence; anything else (a name, a place, "I",
# "CV") is kept exactly as the student wrote it.
LOWERED_OPENERS = frozenset(
    "apply ask attend book call check connect contact e-mail email enrol find finish follow "
    "forward get give introduce join keep let look make meet pass practise practice prepare "
    "put reach read register research review see send set share show sign speak start take "
    "talk try update visit write".split()
)


def _inside_sentence(text: str) -> str:
    """The student's words, without a final full stop, as they read after "to": only a common
    opening verb is lowered; every other word keeps the case it was written in."""
    text = text.strip().rstrip(".").strip()
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower() and first.lower() in LOWERED_OPENERS:
        return first.lower() + (f" {rest}" if rest else "")
    return text


def _and_list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]


def thank_you_draft(interview: Interview) -> str:
    pro = interview.counterpart
    first = pro.full_name.split(" ")[0]
    answered = [
        a.item for a in interview.answers.select_related("item") if a.text.strip() and a.item
    ]
    themes = []
    for item in answered:
        if item.theme and item.theme not in themes:
            themes.append(item.theme)
    labels = [Theme(t).label.lower() for t in themes[:3]]
    if labels:
        discussed = f"I especially valued what you said about {_and_list(labels)}."
    else:
        discussed = "I learnt a great deal from hearing how you see your work."
    step = [line for line in (interview.next_steps or "").strip().splitlines() if line.strip()]
    action = (
        f" Following your advice, my next step is to {_inside_sentence(step[0])}." if step else ""
    )
    # Every offer they made, in the order they fall due (undated ones last, on every
    # database): a note that recalls only the first reads as if the others were forgotten.
    promises = [
        _inside_sentence(p.text)
        for p in interview.promises.filter(done_at__isnull=True).order_by(
            F("due_on").asc(nulls_last=True), "pk"
        )
        if p.text.strip()
    ]
    recall = ""
    if promises:
        offers = _and_list([promises[0], *(f"to {p}" for p in promises[1:])])
        recall = f" Thank you also for kindly offering to {offers}; there is no rush at all."
    today = bool(
        interview.starts_at and timezone.localdate(interview.starts_at) == timezone.localdate()
    )
    return (
        f"Dear {first},\n\n"
        f"Thank you very much for taking the time to talk with me{' today' if today else ''}. "
        f"{discussed}{action}{recall}{_about_me(interview)}\n\n"
        "I really appreciate your generosity, and I hope to keep in touch.\n\n"
        f"With thanks,\n{interview.student.full_name}"
    )


def _about_me(interview: Interview) -> str:
    """The guides' advice: remind them who you are, your interests and what you study, so that
    they can think of you when something fits. Drawn from the student's profile, as written."""
    profile = getattr(interview.student, "student_profile", None)
    if profile is None:
        return ""
    interests = (profile.career_interests or "").strip().rstrip(".")
    programme = (profile.programme or "").strip().rstrip(".")
    if interests and programme:
        return (
            f" As I said, I am studying {programme} and my interest is in {interests}; our "
            "conversation made it much clearer how I could use what I am learning."
        )
    if interests:
        return f" As I said, my interest is in {interests}, and our conversation made it clearer."
    if programme:
        return (
            f" Our conversation made it much clearer how I could use what I am learning in "
            f"{programme}."
        )
    return ""


def thank_you_for(interview: Interview) -> ThankYou:
    """The interview's one note, drafted on first sight. Two first views at once make one
    draft: the unique interview column refuses the second, which then reads the first."""
    note = ThankYou.objects.filter(interview=interview).first()
    if note is None:
        note, _ = ThankYou.objects.get_or_create(
            interview=interview, defaults={"text": thank_you_draft(interview)}
        )
    return note


def _mark_thanked(interview: Interview, text: str) -> ThankYou | None:
    """The interview's note is sent, once: the row is marked sent only if it was not already
    (whatever arrives at once), its reminder is done, and the contact's cadence restarts.
    Returns the note, or None if another request marked it first."""
    note = thank_you_for(interview)
    sent_now = ThankYou.objects.filter(pk=note.pk, sent_at__isnull=True).update(
        text=text.strip(), sent_at=timezone.now()
    )
    if not sent_now:
        return None
    note.refresh_from_db()
    Reminder.objects.pending().filter(interview=interview, kind=Kind.THANK_YOU).update(
        state=Reminder.State.DONE, updated_at=timezone.now()
    )
    contact_touch(
        student=interview.student, counterpart=interview.counterpart, note="Thank-you note sent"
    )
    return note


def _check_note(interview: Interview, text: str) -> None:
    if interview.status != Interview.Status.COMPLETED:
        raise ValidationError("Send a thank-you note once the interview is recorded as held.")
    if not text.strip():
        raise ValidationError("Write the note first.")


def thank_you_send(*, interview: Interview, text: str) -> None:
    """A binder professional's note goes from here, with the student's address to reply to."""
    _check_note(interview, text)
    pro = interview.professional
    if pro is None:
        raise ValidationError(
            "Send this note from your own e-mail (the button opens it ready to send), then "
            "mark it as sent here."
        )
    pro.refresh_from_db(fields=["email", "status"])  # they may have left a moment ago
    if not pro.email or pro.status in NOT_WRITTEN_TO or is_suppressed(pro.email):
        raise ValidationError(
            "They cannot be e-mailed through the app (they have left the binder or asked not "
            "to be contacted); your note is kept here for you."
        )
    with transaction.atomic():
        note = _mark_thanked(interview, text)
        if note is None:
            raise ValidationError("Your thank-you note has been sent already.")
        email_send(
            name="thank_you",
            to=[pro.email],
            reply_to=[interview.student.email],
            context={"text": note.text, "student": interview.student, "professional": pro},
        )


def thank_you_mark_sent(*, interview: Interview, text: str) -> None:
    """A note to someone the student knows went from the student's own mailbox: noted here,
    so the reminder closes and keeping in touch counts from today."""
    _check_note(interview, text)
    if not interview.own_network:
        raise ValidationError("Send this note from here: it goes to them with your address.")
    with transaction.atomic():
        if _mark_thanked(interview, text) is None:
            raise ValidationError("You have marked this note as sent already.")
