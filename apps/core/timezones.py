"""Time zones by name, for people and professionals who each choose their own."""

import zoneinfo

from django.utils import timezone


def zone_named(name: str):
    """The zone called ``name``, or the site's default when the name is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_default_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()
