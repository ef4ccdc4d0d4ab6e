"""Rate limits on public actions that send e-mail or write rows, counted by django-ratelimit in
Django's cache: shared by every app server when CACHE_URL points at Redis (README, Scaling)."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def client_address(request) -> str | None:
    """The visitor's address. Behind our reverse proxy (BEHIND_PROXY) that is the last
    X-Forwarded-For entry, the one the proxy itself added: earlier ones are the client's word."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    # None when unknown (a request built in code): django-axes stores it in an address column.
    return request.META.get("REMOTE_ADDR") or None


def over_limit(request, *, group: str, key: str, rate: str) -> bool:
    """Count one use of ``key`` among ``group``'s; True once more than ``rate`` (say "3/h")."""
    return is_ratelimited(
        request, group=group, key=lambda group, request: key, rate=rate, increment=True
    )
