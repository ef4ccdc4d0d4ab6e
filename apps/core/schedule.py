"""Periodic jobs of the worker that must run at most once in a while, however many workers
loop: a row per job, taken by a conditional update."""

from datetime import timedelta

from django.utils import timezone

from .models import ScheduledJob


def job_due(name: str, *, every: timedelta) -> bool:
    """True for exactly one caller per period: that caller should run the job ``name`` now."""
    now = timezone.now()
    ScheduledJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
    taken = ScheduledJob.objects.filter(name=name, next_run_at__lte=now).update(
        next_run_at=now + every
    )
    return taken == 1
