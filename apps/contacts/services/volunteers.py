"""Professionals who offer themselves through the public form."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.core.mail import email_send
from apps.core.suppression import is_suppressed

from ..models import (
    Professional,
)
from .invitations import organisation_named
from .links import VOLUNTEER_LINK_DAYS, VOLUNTEER_LINK_SALT, manage_link, manage_link_request
from .status import consent_record, professional_set_status

# --- Volunteers ------------------------------------------------------------------------------


def volunteer_token(professional: Professional) -> str:
    return signing.dumps({"p": professional.pk, "e": professional.email}, salt=VOLUNTEER_LINK_SALT)


def volunteer_submit(*, professional: Professional, organisation_name: str = "") -> None:
    """Queue a pending volunteer (built by the form) and a link to confirm their address.

    Someone already in the binder gets their listing link instead of a second entry."""
    if is_suppressed(professional.email):
        # Never again is final: nothing is kept and nothing is sent, and the page looks the
        # same as for anyone else, so it tells a stranger nothing about this address.
        return
    existing = Professional.objects.filter(email=professional.email, erased_at__isnull=True).first()
    with transaction.atomic():
        if existing is not None:
            manage_link_request(email=existing.email)
            return
        organisation = organisation_named(organisation_name, professional.industry)
        if organisation is not None:
            professional.organisation = organisation
        professional.status = Professional.Status.PENDING
        professional.source = Professional.Source.VOLUNTEER
        professional.save()
        link = settings.SITE_URL + reverse(
            "contacts:volunteer_confirm", args=[volunteer_token(professional)]
        )
        email_send(
            name="volunteer_confirm",
            to=[professional.email],
            context={"professional": professional, "link": link},
        )


def volunteer_for_token(token: str) -> Professional:
    """The pending volunteer a confirmation link names; ValidationError saying why not."""
    try:
        data = signing.loads(
            token, salt=VOLUNTEER_LINK_SALT, max_age=timedelta(days=VOLUNTEER_LINK_DAYS)
        )
    except signing.BadSignature:
        raise ValidationError(
            "This confirmation link has expired or is not complete. Offer again through the "
            "form and we will send a fresh one."
        ) from None
    professional: Professional | None = (
        Professional.objects.volunteers().filter(pk=data.get("p"), email=data.get("e")).first()
    )
    if professional is None:
        raise ValidationError("We could not find this offer; it may have been handled already.")
    return professional


def volunteer_confirm(*, token: str) -> Professional:
    professional = volunteer_for_token(token)
    if professional.email_confirmed_at is None:
        professional.email_confirmed_at = timezone.now()
        professional.save(update_fields=["email_confirmed_at"])
    return professional


def volunteer_approve(*, professional: Professional, by: User) -> None:
    if professional.status != Professional.Status.PENDING:
        raise ValidationError("Only pending volunteers can be approved.")
    if professional.email_confirmed_at is None:
        raise ValidationError("Wait until the volunteer has confirmed their e-mail address.")
    with transaction.atomic():
        consent_record(
            professional=professional,
            method=Professional.ConsentMethod.FORM,
            terms=professional.consent_terms
            or "Agreed through the volunteer form to be listed and contacted by students.",
            by=by,
        )
        professional_set_status(professional=professional, status=Professional.Status.ACTIVE)
        email_send(
            name="volunteer_welcome",
            to=[professional.email],
            context={"professional": professional, "link": manage_link(professional)},
        )


def volunteer_reject(*, professional: Professional) -> None:
    """A rejected offer leaves no personal data behind."""
    if professional.status != Professional.Status.PENDING:
        raise ValidationError("Only pending volunteers can be turned down.")
    try:
        with transaction.atomic():
            professional.delete()
    except ProtectedError:
        raise ValidationError(
            "Students' interviews or contacts point at this entry (from a merge), so it cannot "
            "be deleted: set it to retired instead."
        ) from None
