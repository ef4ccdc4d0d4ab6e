"""A video call is confirmed with its link: the professional is asked for it (issue 21)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from apps.core.models import QueuedEmail
from apps.interviews import services

from .helpers import sent_interview

pytestmark = pytest.mark.django_db


def accept(interview, where):
    token = services.professional_token(interview)
    return Client().post(
        reverse("interviews:respond_action", args=[token, "accept"]),
        {"proposed_time": interview.proposed_times.first().pk, "where": where},
    )


@pytest.mark.parametrize("where", ["", "   ", "I will send a Teams invite"])
def test_accepting_a_video_call_without_its_link_asks_for_it(student, where):
    interview = sent_interview(student, format="video")
    queued = QueuedEmail.objects.count()
    response = accept(interview, where)
    page = response.content.decode()
    assert response.status_code == 400
    assert "This is a video call: paste the link the student should join" in page
    interview.refresh_from_db()
    assert interview.status == "requested" and interview.starts_at is None
    assert QueuedEmail.objects.count() == queued


@pytest.mark.parametrize("where", ["https://meet.example.com/abc-defg", "meet.example.com/abc"])
def test_a_video_call_with_its_link_is_confirmed_with_it(student, where):
    interview = sent_interview(student, format="video")
    response = accept(interview, where)
    assert response.status_code == 200
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.where == where


def test_a_phone_call_may_be_accepted_without_a_place(student):
    interview = sent_interview(student, format="phone")
    assert accept(interview, "").status_code == 200
    interview.refresh_from_db()
    assert interview.status == "confirmed"


def counter(interview, note):
    token = services.professional_token(interview)
    return Client().post(
        reverse("interviews:respond_action", args=[token, "counter"]),
        {"starts_at": "2099-03-04T10:00", "note": note},
        follow=True,
    )


def test_suggesting_another_time_for_a_video_call_asks_for_its_link(student):
    interview = sent_interview(student, format="video")
    queued = QueuedEmail.objects.count()
    page = counter(interview, "Tuesday suits me better").content.decode()
    assert "This is a video call: paste the link the student should join" in page
    assert not interview.proposed_times.filter(proposed_by="professional").exists()
    assert QueuedEmail.objects.count() == queued


def test_a_suggested_time_with_its_link_is_confirmed_with_the_link(student):
    interview = sent_interview(student, format="video")
    counter(interview, "https://meet.example.com/xyz Tuesday suits me better")
    slot = interview.proposed_times.get(proposed_by="professional")
    services.counter_accept(interview=interview, proposed_time_id=slot.pk)
    interview.refresh_from_db()
    assert interview.status == "confirmed" and "https://meet.example.com/xyz" in interview.where


def test_the_booking_service_itself_refuses_a_video_call_without_its_link(student):
    interview = sent_interview(student, format="video")
    with pytest.raises(ValidationError, match="This is a video call"):
        services.request_accept(
            interview=interview, proposed_time_id=interview.proposed_times.first().pk
        )
    interview.refresh_from_db()
    assert interview.status == "requested" and interview.starts_at is None
