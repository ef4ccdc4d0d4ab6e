"""A student suggests someone they know for the binder: that address gets one invitation to
join by link, and joins (if they want to) through the volunteer form, as a pending offer that
staff approve like any other."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.accounts.models import User
from apps.core.mail import email_send
from apps.core.suppression import address_digest, is_suppressed

from ..models import SUGGESTION_LINK_DAYS, Professional, Suggestion

SUGGESTION_LINK_SALT = "contacts.suggestion-join"
# A student knows a handful of people worth suggesting; more than this in a day looks like a
# list being pasted in, and each address can only ever be asked once.
SUGGESTIONS_PER_DAY = 5

ALREADY_KNOWN = (
    "No e-mail was sent: this address is already in the career centre's binder or has already "
    "been invited to join it, and we invite each person once at most."
)
NO_ADDRESS = "Add their e-mail address first: the invitation goes by e-mail, and nothing was sent."


@dataclass(frozen=True)
class Invited:
    """Whom an invitation link was sent to: the suggestion it answers, and the address and
    name it was written to (carried in the signed link, not kept by the binder)."""

    suggestion: Suggestion
    email: str
    full_name: str


def suggestion_token(*, suggestion: Suggestion, email: str, full_name: str) -> str:
    return signing.dumps(
        {"s": suggestion.pk, "e": email, "n": full_name}, salt=SUGGESTION_LINK_SALT
    )


def suggestion_send(*, student: User, full_name: str, email: str) -> Suggestion:
    """Send the one invitation to join the binder to someone ``student`` knows.

    The e-mail carries their name, the student's name and the link, nothing else the student
    wrote. An address gets it once, ever: the constraint suggestion_one_per_address refuses a
    second suggestion, from this student or another, even from two requests at once. An
    address in the binder (or that asked never to be contacted) gets nothing either, and the
    refusal says the same for all of these, so it tells a student nothing about anyone."""
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError(NO_ADDRESS)
    digest = address_digest(email)
    mine = Suggestion.objects.filter(address_digest=digest, suggested_by=student).first()
    if mine is not None:
        raise ValidationError(
            f"You suggested them on {date_format(timezone.localdate(mine.suggested_at))} and "
            "they were sent their one invitation, so no second e-mail was sent."
        )
    if is_suppressed(email) or Professional.objects.filter(email=email).exists():
        raise ValidationError(ALREADY_KNOWN)
    today = timezone.now() - timedelta(days=1)
    if (
        Suggestion.objects.filter(suggested_by=student, suggested_at__gte=today).count()
        >= SUGGESTIONS_PER_DAY
    ):
        raise ValidationError(
            f"You have suggested {SUGGESTIONS_PER_DAY} people in the last day, the most we "
            "send at once. Nothing was sent: please try again tomorrow."
        )
    try:
        with transaction.atomic():
            suggestion = Suggestion.objects.create(address_digest=digest, suggested_by=student)
            path = reverse(
                "contacts:volunteer_join",
                args=[suggestion_token(suggestion=suggestion, email=email, full_name=full_name)],
            )
            suggestion.invitation = email_send(
                name="binder_suggestion",
                to=[email],
                context={
                    "full_name": full_name,
                    "student_name": student.full_name,
                    "link": settings.SITE_URL + path,
                    "link_days": SUGGESTION_LINK_DAYS,
                },
            )
            suggestion.save(update_fields=["invitation"])
    except IntegrityError:
        # Someone else's suggestion of this address (or this student's, from another tab) got
        # there first and sent the one invitation.
        raise ValidationError(ALREADY_KNOWN) from None
    return suggestion


def suggestion_for_token(token: str) -> Invited:
    """The invitation a join link was sent for; ValidationError saying why not."""
    try:
        data = signing.loads(
            token, salt=SUGGESTION_LINK_SALT, max_age=timedelta(days=SUGGESTION_LINK_DAYS)
        )
    except signing.BadSignature:
        raise ValidationError(
            "This invitation link has expired or is not complete. You can still offer your "
            "time through the career centre's volunteer form."
        ) from None
    email = str(data.get("e") or "")
    suggestion = Suggestion.objects.filter(pk=data.get("s")).first()
    if suggestion is None or suggestion.address_digest != address_digest(email):
        raise ValidationError("We could not find this invitation.")
    return Invited(suggestion=suggestion, email=email, full_name=str(data.get("n") or ""))


def suggestion_answer(*, invited: Invited) -> bool:
    """Mark the invitation answered; False when it was answered already (another tab)."""
    return bool(
        Suggestion.objects.filter(pk=invited.suggestion.pk, answered_at__isnull=True).update(
            answered_at=timezone.now()
        )
    )
