"""Who may never be written to or listed again: the one rule, in one place.

An address is suppressed when its owner asked never to be contacted again or had their data
erased. Only a keyed digest is kept, so the rule can recognise the address without the
product remembering it. The mail door asks ``suppressed_among`` when an e-mail is queued and
again when the worker is about to deliver it; every path that adds someone to the binder or
makes them visible again asks ``is_suppressed``. Lifting a suppression is an administrator's
act in the admin, on the person's own written request.
"""

from collections.abc import Iterable

from django.utils.crypto import salted_hmac

from .models import SuppressedAddress

# Kept from the binder's first version so digests stored then still match.
_SALT = "contacts.suppressed-address"


def address_digest(email: str) -> str:
    return salted_hmac(_SALT, (email or "").strip().lower()).hexdigest()


def suppress(email: str, *, reason: str) -> None:
    if email and email.strip():
        SuppressedAddress.objects.get_or_create(
            digest=address_digest(email), defaults={"reason": reason}
        )


def suppressed_among(addresses: Iterable[str]) -> set[str]:
    """The addresses among ``addresses`` that may not be written to (one query)."""
    by_digest = {address_digest(a): a for a in addresses if a and a.strip()}
    if not by_digest:
        return set()
    found = SuppressedAddress.objects.filter(digest__in=by_digest).values_list("digest", flat=True)
    return {by_digest[d] for d in found}


def is_suppressed(email: str) -> bool:
    return bool(suppressed_among([email]))
