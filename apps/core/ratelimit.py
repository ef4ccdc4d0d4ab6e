"""A small rate limiter kept in the database, so every web process sees the same counts."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import RateLimitHit


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


def rate_limit_allows(key: str, *, limit: int, window: timedelta) -> bool:
    """Record one use of ``key``; False when ``limit`` uses were already made within ``window``."""
    now = timezone.now()
    if RateLimitHit.objects.filter(key=key, at__gt=now - window).count() >= limit:
        return False
    RateLimitHit.objects.create(key=key, at=now)
    # Old hits are of no use; dropping them here keeps the table small without a job.
    RateLimitHit.objects.filter(key=key, at__lte=now - window).delete()
    return True
