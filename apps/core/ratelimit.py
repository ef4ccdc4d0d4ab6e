"""A small rate limiter kept in the database, so every web process sees the same counts."""

from datetime import timedelta

from django.utils import timezone

from .models import RateLimitHit


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limit_allows(key: str, *, limit: int, window: timedelta) -> bool:
    """Record one use of ``key``; False when ``limit`` uses were already made within ``window``."""
    now = timezone.now()
    if RateLimitHit.objects.filter(key=key, at__gt=now - window).count() >= limit:
        return False
    RateLimitHit.objects.create(key=key, at=now)
    # Old hits are of no use; dropping them here keeps the table small without a job.
    RateLimitHit.objects.filter(key=key, at__lte=now - window).delete()
    return True
