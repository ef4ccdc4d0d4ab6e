"""Professionals who offer themselves through the public form."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.core.mail import email_forget, email_send
from apps.core.suppression import is_suppressed

from ..models import (
    AuditEntry,
    Organisation,
    Professional,
)
from .audit import audit
from .invitations import organisation_named
from .links import VOLUNTEER_LINK_DAYS, VOLUNTEER_LINK_SALT, manage_link, manage_link_request
from .status import consent_record, professional_set_status
from .suggestions import Invited, suggestion_answer

logger = logging.getLogger(__name__)

# --- Volunteers ------------------------------------------------------------------------------


def volunteer_token(professional: Professional) -> str:
    return signing.dumps({"p": professional.pk, "e": professional.email}, salt=VOLUNTEER_LINK_SALT)


def volunteer_submit(
    *, professional: Professional, organisation_name: str = "", invited: Invited | None = None
) -> None:
    """Queue a pending volunteer (built by the form) and a link to confirm their address.

    Someone already in the binder gets their listing link instead of a second entry. An offer
    made through the link a student's suggestion sent (``invited``) answers that invitation,
    and needs no confirmation when it keeps the address the link was sent to."""
    if is_suppressed(professional.email):
        # Never again is final: nothing is kept and nothing is sent, and the page looks the
        # same as for anyone else, so it tells a stranger nothing about this address.
        return
    existing = Professional.objects.filter(email=professional.email, erased_at__isnull=True).first()
    with transaction.atomic():
        if invited is not None and not suggestion_answer(invited=invited):
            return  # answered already, from another tab
        if existing is not None:
            manage_link_request(email=existing.email)
            return
        organisation = organisation_named(
            organisation_name, professional.industry, from_volunteer_form=True
        )
        if organisation is not None:
            professional.organisation = organisation
        professional.status = Professional.Status.PENDING
        professional.source = Professional.Source.VOLUNTEER
        if invited is not None:
            professional.source = Professional.Source.SUGGESTED
            if professional.email == invited.email:
                # They opened the link we sent to this address: it is theirs.
                professional.email_confirmed_at = timezone.now()
                professional.save()
                return
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
        # Someone listed works there now: the organisation their form added is the binder's.
        if professional.organisation_id is not None:
            Organisation.objects.filter(pk=professional.organisation_id).update(
                from_volunteer_form=False
            )
        email_send(
            name="volunteer_welcome",
            to=[professional.email],
            context={"professional": professional, "link": manage_link(professional)},
        )


def volunteer_reject(*, professional: Professional, by: User) -> None:
    """A rejected offer leaves no personal data behind."""
    if professional.status != Professional.Status.PENDING:
        raise ValidationError("Only pending volunteers can be turned down.")
    try:
        _offer_delete(
            professional,
            actor=by,
            actor_name="",
            detail="Turned down a volunteer's offer",
        )
    except ProtectedError:
        raise ValidationError(
            "Students' interviews or contacts point at this entry (from a merge), so it cannot "
            "be deleted: set it to retired instead."
        ) from None


def volunteers_purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Offers whose address was never confirmed go after VOLUNTEER_UNCONFIRMED_DAYS: the form
    is public, so the address may not even be the volunteer's, and nobody can approve them."""
    now = now or timezone.now()
    # Never while the confirmation link still works.
    days = max(settings.VOLUNTEER_UNCONFIRMED_DAYS, VOLUNTEER_LINK_DAYS)
    stale = Professional.objects.volunteers().filter(
        email_confirmed_at__isnull=True, created_at__lt=now - timedelta(days=days)
    )
    count = 0
    for pk in list(stale.values_list("pk", flat=True)):
        with transaction.atomic():
            # As the row is now: another worker may have deleted it already.
            professional = stale.select_for_update().filter(pk=pk).first()
            if professional is None:
                continue
            try:
                _offer_delete(
                    professional,
                    actor=None,
                    actor_name="Automatic clean-up",
                    detail=f"Deleted a volunteer's offer not confirmed within {days} days",
                )
            except ProtectedError:
                logger.warning("Unconfirmed volunteer %s is referenced; kept", pk)
                continue
        count += 1
    return count


def _offer_delete(
    professional: Professional, *, actor: User | None, actor_name: str, detail: str
) -> None:
    """Delete a volunteer's offer and what it brought: the entry, every e-mail to its address,
    and the organisation its form added when nothing else uses it. The audit row names
    nobody, since nothing personal may stay."""
    organisation = professional.organisation
    with transaction.atomic():
        professional.delete()
        email_forget(professional.email)
        if (
            organisation is not None
            and organisation.from_volunteer_form
            and not _in_use(organisation)
        ):
            organisation.delete()
            detail += ", with the organisation it had added"
        audit(actor=actor, actor_name=actor_name, action=AuditEntry.Action.DELETED, detail=detail)


def _in_use(organisation: Organisation) -> bool:
    """Whether any row (another binder entry, or whatever points at organisations one day)
    refers to ``organisation``."""
    return any(
        relation.field.model._base_manager.filter(**{relation.field.name: organisation}).exists()
        for relation in Organisation._meta.related_objects
    )
