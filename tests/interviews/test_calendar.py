from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.interviews import services
from apps.interviews.models import CalendarFeed, Interview

from .helpers import calendar_files, delivered_to, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def event_of(content):
    calendar = icalendar.Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


def test_ics_uid_stays_and_sequence_grows_through_reschedule_and_cancel(
    student, student_client, run_worker
):
    interview = sent_interview(student)
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    run_worker()
    first_cal, first = event_of(calendar_files(delivered_to(student.email)[-1])[0])
    assert str(first_cal["METHOD"]) == "REQUEST" and first["SEQUENCE"] == 0

    interview.refresh_from_db()
    new_time = interview.starts_at + timedelta(days=1)
    services.interview_reschedule(interview=interview, times=[new_time])
    mail.outbox.clear()
    run_worker()
    # The booked time is off at once, in both calendars, with the next SEQUENCE.
    for address in (student.email, interview.professional.email):
        off_cal, off = event_of(calendar_files(delivered_to(address)[-1])[0])
        assert str(off_cal["METHOD"]) == "CANCEL" and off["SEQUENCE"] == 1
        assert off["UID"] == first["UID"] and "ORGANIZER" in off and len(off["ATTENDEE"]) == 2
    interview.refresh_from_db()
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    mail.outbox.clear()
    run_worker()
    _, second = event_of(calendar_files(delivered_to(student.email)[-1])[0])
    assert second["UID"] == first["UID"] and second["SEQUENCE"] == 2
    assert second.decoded("DTSTART") == new_time

    interview.refresh_from_db()
    services.interview_cancel(interview=interview, by="student", reason="Exam moved")
    mail.outbox.clear()
    run_worker()
    cancel_cal, cancelled = event_of(
        calendar_files(delivered_to(interview.professional.email)[-1])[0]
    )
    assert str(cancel_cal["METHOD"]) == "CANCEL" and str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["UID"] == first["UID"] and cancelled["SEQUENCE"] == 3

    download = student_client.get(reverse("interviews:ics", args=[interview.pk]))
    _, event = event_of(download.content)
    assert event["UID"] == first["UID"]


def test_times_are_right_across_daylight_saving(student):
    new_york = ZoneInfo("America/New_York")
    interview = sent_interview(student)
    for local, utc_hour in [
        (datetime(2026, 7, 15, 10, tzinfo=new_york), 14),
        (datetime(2027, 1, 15, 10, tzinfo=new_york), 15),
    ]:
        Interview.objects.filter(pk=interview.pk).update(
            status="confirmed", starts_at=local, ends_at=local + timedelta(minutes=20)
        )
        interview.refresh_from_db()
        _, event = event_of(services.event_ics(services.calendar_event(interview)))
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        assert event.decoded("DTSTART").hour == utc_hour


def test_private_feed_lists_interviews_and_can_be_regenerated(student, student_client):
    interview = sent_interview(student)
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    page = student_client.get(reverse("interviews:calendar")).content.decode()
    token = CalendarFeed.objects.get(student=student).token
    assert token in page
    feed = Client().get(reverse("interviews:feed", args=[token]))
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert len(calendar.walk("VEVENT")) == 1
    student_client.post(reverse("interviews:calendar"))
    assert Client().get(reverse("interviews:feed", args=[token])).status_code == 404
