"""Links for professionals, who have no account, and who may be listed."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from apps.core.mail import email_send

from ..models import (
    Professional,
)

MANAGE_LINK_SALT = "contacts.manage-listing"
MANAGE_LINK_DAYS = 30
VOLUNTEER_LINK_SALT = "contacts.volunteer-confirm"
VOLUNTEER_LINK_DAYS = 7
RECONSENT_GRACE_DAYS = 30
STALE_IMPORT_DAYS = 7


# --- Links for professionals (they have no account) -------------------------------------------


def manage_token(professional: Professional) -> str:
    return signing.dumps(
        {"p": professional.pk, "v": professional.link_version}, salt=MANAGE_LINK_SALT
    )


def manage_link(professional: Professional) -> str:
    path = reverse("contacts:listing", args=[manage_token(professional)])
    return f"{settings.SITE_URL}{path}"


def professional_for_token(token: str, *, for_update: bool = False) -> Professional | None:
    """The professional a management link belongs to, or None when it is expired, tampered
    with, superseded (a newer link was sent after an erasure) or for an erased entry."""
    try:
        data = signing.loads(token, salt=MANAGE_LINK_SALT, max_age=timedelta(days=MANAGE_LINK_DAYS))
    except signing.BadSignature:
        return None
    queryset = Professional.objects.select_related("organisation", "industry", "occupation")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    professional: Professional | None = queryset.filter(
        pk=data.get("p"), erased_at__isnull=True
    ).first()
    if professional is None or professional.link_version != data.get("v"):
        return None
    return professional


def manage_link_request(*, email: str) -> None:
    """E-mail the listing link to whoever has this address in the binder; silent otherwise,
    so the form never tells a stranger who is in the binder."""
    professional = Professional.objects.filter(
        email=email.strip().lower(), erased_at__isnull=True
    ).first()
    if professional is not None:
        email_send(
            name="listing_link",
            to=[professional.email],
            context={"professional": professional, "link": manage_link(professional)},
        )


# --- Who may be listed ------------------------------------------------------------------------

# The statuses in which an entry can be offered to students or asked to come back.
LISTED = {"active", "paused", "pending"}
SUPPRESSED_MESSAGE = (
    "This address asked never to be contacted again, or had its data erased: it cannot be "
    "added to the binder or listed again."
)
