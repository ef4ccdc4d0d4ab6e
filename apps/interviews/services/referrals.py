"""Staff bring a student's referral into the binder; the student's calendar feed."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.core.suppression import is_suppressed

from ..models import CalendarFeed, Referral
from .common import binder_only

# --- Staff: referrals into the binder ----------------------------------------------------------


def referral_add_to_binder(*, referral: Referral, by: User) -> Professional:
    """Staff vet a referral into the binder: a pending entry (never listed before the person
    agrees), its organisation kept, and one invitation that names the professional who
    suggested them, never the student."""
    if referral.status != Referral.Status.WAITING:
        raise ValidationError("This referral has been handled already.")
    interview = referral.interview
    referrer = binder_only(interview)  # staff see only binder professionals' referrals
    email = referral.contact.strip().lower() if "@" in referral.contact else ""
    if email and is_suppressed(email):
        raise ValidationError(binder.SUPPRESSED_MESSAGE)
    with transaction.atomic():
        if email and Professional.objects.filter(email=email).exists():
            raise ValidationError("Someone with this address is already in the binder.")
        professional = Professional.objects.create(
            full_name=referral.name,
            job_title=referral.role,
            organisation=binder.organisation_named(referral.organisation),
            email=email,
            status=Professional.Status.PENDING,
            source=Professional.Source.REFERRAL,
            referred_by=referrer,
            referred_by_student=interview.student,
            industry=referrer.industry,
        )
        referral.status = Referral.Status.ADDED
        referral.professional = professional
        referral.save(update_fields=["status", "professional"])
        named = referrer.status != Professional.Status.DO_NOT_CONTACT and not referrer.erased_at
        binder.invitation_send(professional=professional, referrer=referrer if named else None)
    return professional


def referral_dismiss(*, referral: Referral) -> None:
    referral.status = Referral.Status.DISMISSED
    referral.save(update_fields=["status"])


# --- Calendar feed ----------------------------------------------------------------------------


def calendar_feed_for(student: User, *, regenerate: bool = False) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(student=student).first()
    if feed is None:
        return CalendarFeed.objects.create(student=student, token=secrets.token_urlsafe(32))
    if regenerate:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed
