"""iCalendar (RFC 5545) files for informational interviews.

Pure Python: no models, no database. Times are always written in UTC (the ``Z`` form)
so every calendar application agrees on the instant, whatever zone the people are in.
Text escaping (commas, semicolons, newlines) is left to ``icalendar``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Career Centre Conversations//Interviews//EN"


@dataclass(frozen=True)
class CalendarEvent:
    """One interview as calendar applications should see it."""

    uid: str  # stable for the interview's whole life
    sequence: int  # grows by one at every change (reschedule, cancel)
    starts_at: datetime  # timezone-aware, any zone
    ends_at: datetime  # timezone-aware
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    cancelled: bool = False
    organizer_email: str = ""
    organizer_name: str = ""
    attendees: tuple[tuple[str, str], ...] = ()  # (name, email) pairs
    stamp: datetime | None = None  # DTSTAMP; now (UTC) when None


def _utc(value: datetime, field: str) -> datetime:
    """Convert an aware datetime to UTC; refuse naive ones."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{field} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _address(email: str, name: str) -> vCalAddress:
    """A ``mailto:`` calendar address with a CN parameter when a name is known."""
    return vCalAddress.new(email, cn=name or None)


def _vevent(event: CalendarEvent) -> Event:
    """Build the VEVENT for one interview, validating its times."""
    starts_at = _utc(event.starts_at, "starts_at")
    ends_at = _utc(event.ends_at, "ends_at")
    if ends_at <= starts_at:
        raise ValueError(
            f"ends_at ({event.ends_at.isoformat()}) must be after "
            f"starts_at ({event.starts_at.isoformat()})"
        )
    stamp = _utc(event.stamp, "stamp") if event.stamp is not None else datetime.now(UTC)

    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", starts_at)
    vevent.add("dtend", ends_at)
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", event.url)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    if event.organizer_email:
        vevent.add("organizer", _address(event.organizer_email, event.organizer_name))
    for name, email in event.attendees:
        vevent.add("attendee", _address(email, name))
    return vevent


def _vcalendar() -> Calendar:
    """An empty VCALENDAR with the product's fixed header properties."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def event_ics(event: CalendarEvent) -> bytes:
    """One VCALENDAR with one VEVENT: METHOD:REQUEST, or METHOD:CANCEL when cancelled."""
    calendar = _vcalendar()
    calendar.add("method", "CANCEL" if event.cancelled else "REQUEST")
    calendar.add_component(_vevent(event))
    return calendar.to_ical()


def feed_ics(events: Iterable[CalendarEvent], *, name: str) -> bytes:
    """A subscribable feed (no METHOD) named ``name``, one VEVENT per event."""
    calendar = _vcalendar()
    # icalendar types NAME and X-WR-CALNAME as "unknown" and would write them raw;
    # wrapping in vText escapes them as the TEXT values they are.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    for event in events:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()
