"""Time zones by name, for people and professionals who each choose their own."""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format


def zone_named(name: str):
    """The zone called ``name``, or the site's default when the name is empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else timezone.get_default_timezone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


def in_zone(moment, zone_name: str) -> str:
    """A time as the reader should see it, with the zone named."""
    zone = zone_named(zone_name)
    local = timezone.localtime(moment, zone)
    return f"{date_format(local, 'l j F Y, H:i')} ({zone.key})"
