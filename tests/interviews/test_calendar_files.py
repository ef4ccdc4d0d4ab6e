"""iCalendar files for interviews, parsed back with icalendar (raw lines only where the wire form matters)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from icalendar.parser import unescape_backslash

from apps.interviews.calendar import CalendarEvent, event_ics, feed_ics

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
UID = "interview-42-0f8c1c9e-6d0a-4c43-9a8e-2b1f0f1e7a11@careers.example.edu"
STAMP = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def make_event(starts_at, *, minutes=30, **fields):
    fields.setdefault("uid", UID)
    fields.setdefault("sequence", 0)
    fields.setdefault("summary", "Informational interview")
    fields.setdefault("stamp", STAMP)
    return CalendarEvent(
        starts_at=starts_at, ends_at=starts_at + timedelta(minutes=minutes), **fields
    )


def parse(data: bytes):
    """The calendar and its single VEVENT."""
    calendar = Calendar.from_ical(data)
    (vevent,) = calendar.events
    return calendar, vevent


def raw_line(data: bytes, name: str) -> str:
    """The unfolded content line for a property, as written."""
    text = data.decode().replace("\r\n ", "")
    (line,) = [line for line in text.split("\r\n") if line.split(":")[0].split(";")[0] == name]
    return line


@pytest.mark.parametrize(
    ("local", "utc_hour"),
    [
        (datetime(2026, 7, 15, 10, 0), 14),  # EDT, UTC-4
        (datetime(2026, 1, 15, 10, 0), 15),  # EST, UTC-5
        (datetime(2026, 11, 2, 10, 0), 15),  # day after the 2026-11-01 fall-back
        (datetime(2026, 3, 9, 10, 0), 14),  # day after the 2026-03-08 spring-forward
    ],
)
def test_new_york_times_are_written_in_utc(local, utc_hour):
    starts_at = local.replace(tzinfo=NEW_YORK)
    data = event_ics(make_event(starts_at, minutes=45))

    _, vevent = parse(data)
    expected = datetime(local.year, local.month, local.day, utc_hour, 0, tzinfo=UTC)
    assert vevent.decoded("dtstart") == expected
    assert vevent.decoded("dtstart").utcoffset() == timedelta(0)
    assert vevent.decoded("dtend") == expected + timedelta(minutes=45)
    assert raw_line(data, "DTSTART") == f"DTSTART:{expected:%Y%m%dT%H%M%S}Z"
    assert raw_line(data, "DTEND") == f"DTEND:{expected + timedelta(minutes=45):%Y%m%dT%H%M%S}Z"


def test_london_summer_time_is_utc_plus_one():
    data = event_ics(make_event(datetime(2026, 7, 15, 10, 0, tzinfo=LONDON)))

    _, vevent = parse(data)
    assert vevent.decoded("dtstart") == datetime(2026, 7, 15, 9, 0, tzinfo=UTC)
    assert raw_line(data, "DTSTART") == "DTSTART:20260715T090000Z"


def test_calendar_header_and_confirmed_event():
    data = event_ics(
        make_event(
            datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK),
            url="https://careers.example.edu/interviews/42/",
        )
    )

    calendar, vevent = parse(data)
    assert str(calendar["PRODID"]) == "-//Career Centre Conversations//Interviews//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == UID
    assert vevent.decoded("sequence") == 0
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["TRANSP"]) == "OPAQUE"
    assert str(vevent["URL"]) == "https://careers.example.edu/interviews/42/"
    assert vevent.decoded("dtstamp") == STAMP
    assert not vevent.walk("VALARM")


def test_stamp_defaults_to_now_in_utc():
    before = datetime.now(UTC).replace(microsecond=0)
    data = event_ics(make_event(datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK), stamp=None))
    after = datetime.now(UTC)

    _, vevent = parse(data)
    assert before <= vevent.decoded("dtstamp") <= after
    assert raw_line(data, "DTSTAMP").endswith("Z")


def test_reschedule_keeps_uid_and_bumps_sequence_then_cancel():
    original = make_event(datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK), sequence=0)
    moved = make_event(datetime(2026, 7, 16, 15, 30, tzinfo=NEW_YORK), sequence=1)
    cancelled = make_event(moved.starts_at, sequence=2, cancelled=True)

    first_calendar, first = parse(event_ics(original))
    second_calendar, second = parse(event_ics(moved))
    third_calendar, third = parse(event_ics(cancelled))

    assert str(first["UID"]) == str(second["UID"]) == str(third["UID"]) == UID
    assert [e.decoded("sequence") for e in (first, second, third)] == [0, 1, 2]
    assert first.decoded("dtstart") == datetime(2026, 7, 15, 14, 0, tzinfo=UTC)
    assert second.decoded("dtstart") == datetime(2026, 7, 16, 19, 30, tzinfo=UTC)
    assert str(first_calendar["METHOD"]) == str(second_calendar["METHOD"]) == "REQUEST"
    assert str(second["STATUS"]) == "CONFIRMED"
    assert str(third_calendar["METHOD"]) == "CANCEL"
    assert str(third["STATUS"]) == "CANCELLED"
    assert third.decoded("dtstart") == second.decoded("dtstart")


def test_organizer_and_attendees_are_mailto_with_cn():
    data = event_ics(
        make_event(
            datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK),
            organizer_email="careers@example.edu",
            organizer_name="Career Centre",
            attendees=(
                ("Ada Student", "ada@students.example.edu"),
                ("Lovelace, Grace", "grace@firm.example.com"),
            ),
        )
    )

    _, vevent = parse(data)
    organizer = vevent["ORGANIZER"]
    assert str(organizer) == "mailto:careers@example.edu"
    assert organizer.params["CN"] == "Career Centre"
    attendees = vevent["ATTENDEE"]  # a list when there is more than one
    assert [str(a) for a in attendees] == [
        "mailto:ada@students.example.edu",
        "mailto:grace@firm.example.com",
    ]
    assert [a.params["CN"] for a in attendees] == ["Ada Student", "Lovelace, Grace"]


def test_no_organizer_or_attendees_when_not_given():
    _, vevent = parse(event_ics(make_event(datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK))))
    assert "ORGANIZER" not in vevent
    assert "ATTENDEE" not in vevent


def test_text_with_commas_semicolons_and_newlines_round_trips():
    summary = "Coffee chat: Smith, Jones; and partners"
    description = "Agenda:\n1. Career path, so far;\n2. Advice; questions\n\nThanks, Ada"
    location = "Room 3, Building B; 100 Main St.\nSecond floor"
    data = event_ics(
        make_event(
            datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK),
            summary=summary,
            description=description,
            location=location,
        )
    )

    assert "\\," in raw_line(data, "SUMMARY") and "\\;" in raw_line(data, "SUMMARY")
    _, vevent = parse(data)
    assert str(vevent["SUMMARY"]) == summary
    assert str(vevent["DESCRIPTION"]) == description
    assert str(vevent["LOCATION"]) == location


def test_feed_has_one_vevent_per_event_and_a_name_but_no_request():
    events = [
        make_event(datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK), uid="interview-1@x", sequence=0),
        make_event(datetime(2026, 7, 16, 10, 0, tzinfo=LONDON), uid="interview-2@x", sequence=3),
        make_event(
            datetime(2026, 1, 15, 10, 0, tzinfo=NEW_YORK),
            uid="interview-3@x",
            sequence=1,
            cancelled=True,
        ),
    ]
    data = feed_ics(iter(events), name="Ada's interviews")

    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Ada's interviews"
    assert calendar.get("METHOD") in (None, "PUBLISH")
    assert b"METHOD:REQUEST" not in data
    vevents = calendar.events
    assert [str(e["UID"]) for e in vevents] == ["interview-1@x", "interview-2@x", "interview-3@x"]
    assert [e.decoded("sequence") for e in vevents] == [0, 3, 1]
    assert [str(e["STATUS"]) for e in vevents] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    assert [e.decoded("dtstart") for e in vevents] == [
        datetime(2026, 7, 15, 14, 0, tzinfo=UTC),
        datetime(2026, 7, 16, 9, 0, tzinfo=UTC),
        datetime(2026, 1, 15, 15, 0, tzinfo=UTC),
    ]


def test_feed_name_is_escaped_as_text():
    name = "Interviews: Smith, Jones; 2026\nSpring"
    data = feed_ics([], name=name)

    calendar = Calendar.from_ical(data)
    assert calendar.events == []
    # icalendar reads X-WR-CALNAME as an untyped value: unescape it as TEXT here.
    assert unescape_backslash(str(calendar["X-WR-CALNAME"])) == name
    assert (
        raw_line(data, "X-WR-CALNAME") == "X-WR-CALNAME:Interviews: Smith\\, Jones\\; 2026\\nSpring"
    )


@pytest.mark.parametrize("field", ["starts_at", "ends_at", "stamp"])
def test_naive_datetimes_are_refused(field):
    aware = datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK)
    values = {"starts_at": aware, "ends_at": aware + timedelta(hours=1), "stamp": STAMP}
    values[field] = values[field].replace(tzinfo=None)
    event = CalendarEvent(uid=UID, sequence=0, summary="Interview", **values)

    with pytest.raises(ValueError, match=f"{field} must be timezone-aware"):
        event_ics(event)
    with pytest.raises(ValueError, match=f"{field} must be timezone-aware"):
        feed_ics([event], name="Feed")


@pytest.mark.parametrize("minutes", [0, -30])
def test_end_not_after_start_is_refused(minutes):
    event = make_event(datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK), minutes=minutes)

    with pytest.raises(ValueError, match="ends_at .* must be after starts_at"):
        event_ics(event)
    with pytest.raises(ValueError, match="ends_at .* must be after starts_at"):
        feed_ics([event], name="Feed")


def test_same_instant_in_different_zones_counts_as_zero_length():
    starts_at = datetime(2026, 7, 15, 10, 0, tzinfo=NEW_YORK)
    event = CalendarEvent(
        uid=UID,
        sequence=0,
        starts_at=starts_at,
        ends_at=starts_at.astimezone(LONDON),  # same instant, later wall-clock time
        summary="Interview",
    )
    with pytest.raises(ValueError, match="must be after"):
        event_ics(event)
