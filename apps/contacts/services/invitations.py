"""Imported and referred people are asked, once, before they are listed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.mail import email_send
from apps.core.suppression import is_suppressed

from ..models import (
    Industry,
    Organisation,
    Professional,
)
from .links import manage_link
from .status import consent_record, professional_set_status

# --- Invitations: imported and referred people are asked before they are listed ------------


def organisation_named(
    name: str, industry: Industry | None = None, *, from_volunteer_form: bool = False
) -> Organisation | None:
    """The organisation called ``name`` (any case), created if new; None for a blank name.
    ``from_volunteer_form`` marks one it creates as the public form's (see Organisation)."""
    name = " ".join((name or "").split())[:200]
    if not name:
        return None
    organisation = Organisation.objects.filter(name__iexact=name).first()
    return organisation or Organisation.objects.create(
        name=name, industry=industry, from_volunteer_form=from_volunteer_form
    )


def invitation_send(*, professional: Professional, referrer: Professional | None = None) -> bool:
    """Ask a pending entry, once, whether it may be listed: the e-mail's link lets them
    confirm, update their details or decline. A referral names the professional who
    suggested them, never the student. False when there is nobody to ask."""
    if (
        professional.status != Professional.Status.PENDING
        or not professional.email
        or professional.invited_at is not None
        or is_suppressed(professional.email)
    ):
        return False
    professional.invited_at = timezone.now()
    professional.save(update_fields=["invited_at"])
    email_send(
        name="binder_invitation",
        to=[professional.email],
        context={
            "professional": professional,
            "referrer": referrer,
            "link": manage_link(professional),
        },
    )
    return True


def invitation_accept(*, professional: Professional) -> None:
    """An invited person says yes through their link: consent by link, and listed."""
    if professional.status != Professional.Status.PENDING or professional.invited_at is None:
        raise ValidationError("There is no invitation waiting for an answer on this listing.")
    with transaction.atomic():
        consent_record(
            professional=professional,
            method=Professional.ConsentMethod.LINK,
            terms="Agreed through the invitation link to be listed and contacted by students.",
        )
        professional_set_status(professional=professional, status=Professional.Status.ACTIVE)


def consent_confirm_by_link(*, professional: Professional) -> None:
    """The person's own "yes" through their link: an invitation accepted (and listed), or a
    yearly re-confirmation."""
    if professional.status == Professional.Status.PENDING and professional.invited_at:
        invitation_accept(professional=professional)
        return
    if professional.status == Professional.Status.DO_NOT_CONTACT:
        raise ValidationError(
            "You asked never to be contacted again, so there is nothing to confirm."
        )
    consent_record(
        professional=professional,
        method=Professional.ConsentMethod.LINK,
        terms="Re-confirmed through the listing link.",
    )
