from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.interviews import services

from .helpers import sent_interview

pytestmark = pytest.mark.django_db


def respond_url(token, action=None):
    return (
        reverse("interviews:respond_action", args=[token, action])
        if action
        else reverse("interviews:respond", args=[token])
    )


def test_get_changes_nothing_and_post_needs_csrf(student):
    interview = sent_interview(student)
    token = services.professional_token(interview)
    assert Client().get(respond_url(token)).status_code == 200
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(respond_url(token, "decline")).status_code == 403
    interview.refresh_from_db()
    assert interview.status == "requested"


def test_expired_tampered_and_replayed_links(student):
    interview = sent_interview(student)
    token = services.professional_token(interview)
    assert Client().get(respond_url(token[:-2] + "xx")).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = Client().get(respond_url(token))
        assert response.status_code == 404 and "expired" in response.content.decode()
    Client().post(respond_url(token, "decline"))
    replay = Client().post(
        respond_url(token, "accept"), {"proposed_time": interview.proposed_times.first().pk}
    )
    assert replay.status_code == 410 and "already been answered" in replay.content.decode()
    interview.refresh_from_db()
    assert interview.status == "declined"


def test_a_link_for_another_interview_opens_only_that_one(student, other_student):
    mine = sent_interview(student)
    theirs = sent_interview(other_student)
    page = Client().get(respond_url(services.professional_token(theirs))).content.decode()
    assert other_student.full_name in page and student.full_name not in page
    mine.refresh_from_db()
    assert mine.status == "requested"


def test_a_post_to_a_state_that_no_longer_allows_it(student, student_client):
    interview = sent_interview(student)
    token = services.professional_token(interview)
    student_client.post(reverse("interviews:withdraw", args=[interview.pk]), {"confirm": "yes"})
    response = Client().post(
        respond_url(token, "accept"), {"proposed_time": interview.proposed_times.first().pk}
    )
    assert response.status_code == 410
    interview.refresh_from_db()
    assert interview.status == "withdrawn"
    response = student_client.post(
        reverse("interviews:follow_up", args=[interview.pk]), follow=True
    )
    assert "Only a request still waiting" in response.content.decode()


def test_bad_choices_on_the_professionals_page_are_explained(student):
    interview = sent_interview(student)
    token = services.professional_token(interview)
    response = Client().post(respond_url(token, "accept"), {"proposed_time": "999999"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    response = Client().post(respond_url(token, "counter"), {"starts_at": "not a date"})
    assert response.status_code == 400 and "Enter a valid date/time" in response.content.decode()
    response = Client().post(
        respond_url(token, "counter"), {"starts_at": "2001-01-01T10:00"}, follow=True
    )
    assert "Suggest a time in the future." in response.content.decode()
    assert Client().post(respond_url(token, "explode")).status_code == 404
    interview.refresh_from_db()
    assert interview.status == "requested"


def test_another_students_interview_is_404_everywhere(student, other_student):
    from ..conftest import client_for

    interview = sent_interview(student)
    other = client_for(other_student)
    for name in ["interviews:detail", "interviews:record"]:
        assert other.get(reverse(name, args=[interview.pk])).status_code == 404
    for name in ["interviews:withdraw", "interviews:follow_up", "interviews:research"]:
        assert other.post(reverse(name, args=[interview.pk]), {"confirm": "yes"}).status_code == 404
    assert other.get(reverse("interviews:withdraw", args=[interview.pk])).status_code == 404
    interview.refresh_from_db()
    assert interview.status == "requested"
