"""Rate limits on public actions that send e-mail or write rows, counted by django-ratelimit in
Django's cache: shared by every app server when CACHE_URL points at Redis (README, Scaling)."""

import ipaddress

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def from_trusted_proxy(address: str | None) -> bool:
    """Whether ``address`` is one of the reverse proxies in FORWARDED_ALLOW_IPS (the list
    gunicorn trusts with X-Forwarded-Proto): only they may say who the visitor is."""
    if not address:
        return False
    try:
        peer = ipaddress.ip_address(address)
    except ValueError:
        return False
    for allowed in settings.FORWARDED_ALLOW_IPS:
        if allowed.strip() == "*":
            return True
        try:
            if peer in ipaddress.ip_network(allowed.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request) -> str | None:
    """The visitor's address. From one of our reverse proxies that is the last X-Forwarded-For
    entry, the one the proxy itself added: earlier ones are the client's word, and anybody
    else's X-Forwarded-For is ignored."""
    remote = request.META.get("REMOTE_ADDR")
    if from_trusted_proxy(remote):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    # None when unknown (a request built in code): django-axes stores it in an address column.
    return remote or None


def over_limit(request, *, group: str, key: str, rate: str) -> bool:
    """Count one use of ``key`` among ``group``'s; True once more than ``rate`` (say "3/h")."""
    return is_ratelimited(
        request, group=group, key=lambda group, request: key, rate=rate, increment=True
    )
