"""Deployment checks (``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks

PER_PROCESS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits, kept figures and filter forms live in the cache: with each process's own,
    every gunicorn worker counts its own limits."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS:
        return [
            checks.Warning(
                f"The cache ({backend}) is each process's own, so rate limits are counted per "
                "process and kept figures differ between servers.",
                hint="Set CACHE_URL to a Redis server shared by every app server "
                "(redis://host:6379/0).",
                id="core.W001",
            )
        ]
    return []
