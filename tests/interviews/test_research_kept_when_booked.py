"""Research typed on a booked conversation's page is never lost when another of its actions is
pressed: moving it, cancelling it, saying it did not take place, or moving a booking with
someone the student knows. Those buttons belong to the page's research form (form=,
formaction=), and each action saves the notes it carries before doing its own work (issue 21).
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.interviews import services
from apps.interviews.models import Interview
from apps.network.models import Person

from .helpers import sent_interview

pytestmark = pytest.mark.django_db

TYPED = {
    "research_career": "Curators plan exhibitions years ahead.",
    "research_organisation": "The museum reopened its east wing in 2025.",
    "research_person": "Twelve years at the museum, started as a volunteer.",
}


def booked(student, *, hours_ahead=48):
    interview = sent_interview(student, format="video")
    services.request_accept(
        interview=interview,
        proposed_time_id=interview.proposed_times.first().pk,
        where="https://meet.example.com/booked",
    )
    interview.refresh_from_db()
    if hours_ahead < 0:
        Interview.objects.filter(pk=interview.pk).update(
            starts_at=timezone.now() + timedelta(hours=hours_ahead),
            ends_at=timezone.now() + timedelta(hours=hours_ahead, minutes=20),
        )
    return Interview.objects.get(pk=interview.pk)


def notes(interview):
    interview.refresh_from_db()
    return {name: getattr(interview, name) for name in TYPED}


def later(days):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT10:00")


def test_every_action_of_a_booked_conversation_posts_the_research_form(student, student_client):
    held = booked(student, hours_ahead=-2)
    interview = booked(student)
    page = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    assert 'id="research-form"' in page
    for url in ("interviews:reschedule", "interviews:cancel"):
        action = reverse(url, args=[interview.pk])
        assert re.search(rf'form="research-form"\s+formaction="{action}"', page), url
    # Once its time has passed, "It did not take place" is one of them too.
    held_page = student_client.get(reverse("interviews:detail", args=[held.pk])).content.decode()
    no_show = reverse("interviews:no_show", args=[held.pk])
    assert re.search(rf'form="research-form"\s+formaction="{no_show}"', held_page)
    for name in ("time_1", "time_2", "time_3", "reason"):
        assert re.search(
            rf'<(input|textarea)[^>]*name="{name}"[^>]*form="research-form"', page
        ) or (re.search(rf'<(input|textarea)[^>]*form="research-form"[^>]*name="{name}"', page)), (
            name
        )


def test_moving_a_booked_conversation_saves_the_research_typed(student, student_client):
    interview = booked(student)
    response = student_client.post(
        reverse("interviews:reschedule", args=[interview.pk]),
        {**TYPED, "time_1": later(9), "time_2": "", "time_3": "", "reason": ""},
    )
    assert response.status_code == 302
    assert notes(interview) == TYPED
    assert interview.status == Interview.Status.REQUESTED  # on hold until they choose


def test_a_refused_move_still_keeps_the_research_typed(student, student_client):
    interview = booked(student)
    response = student_client.post(
        reverse("interviews:reschedule", args=[interview.pk]), {**TYPED, "time_1": ""}
    )
    assert response.status_code == 400
    assert notes(interview) == TYPED
    assert TYPED["research_person"] in response.content.decode()
    assert interview.status == Interview.Status.CONFIRMED


def test_cancelling_saves_the_research_typed(student, student_client):
    interview = booked(student)
    student_client.post(
        reverse("interviews:cancel", args=[interview.pk]),
        {**TYPED, "reason": "My exam moved to that day, I am sorry."},
    )
    assert notes(interview) == TYPED
    assert interview.status == Interview.Status.CANCELLED


def test_saying_it_did_not_take_place_saves_the_research_typed(student, student_client):
    interview = booked(student, hours_ahead=-2)
    student_client.post(reverse("interviews:no_show", args=[interview.pk]), TYPED)
    assert notes(interview) == TYPED
    assert interview.status == Interview.Status.NO_SHOW


def test_an_action_without_research_fields_leaves_the_notes_alone(student, student_client):
    interview = booked(student)
    Interview.objects.filter(pk=interview.pk).update(**TYPED)
    student_client.post(
        reverse("interviews:cancel", args=[interview.pk]), {"reason": "Something came up."}
    )
    assert notes(interview) == TYPED


def test_notes_that_cannot_be_saved_refuse_the_action_and_change_nothing(student, student_client):
    interview = booked(student)
    before = notes(interview)
    response = student_client.post(
        reverse("interviews:cancel", args=[interview.pk]),
        {**TYPED, "research_career": "half\x00typed", "reason": "Something came up."},
    )
    assert response.status_code == 400
    assert notes(interview) == before
    assert interview.status == Interview.Status.CONFIRMED


def test_moving_a_booking_with_someone_they_know_saves_the_research_typed(student, student_client):
    person = Person.objects.create(student=student, full_name="Aoife Ní Bhriain")
    interview = services.interview_start_with_person(student=student, person=person)
    when = timezone.localtime() + timedelta(days=3)
    services.booking_record(
        interview=interview,
        starts_at=when,
        length_minutes=20,
        format="phone",
        where="She rings me",
    )
    page = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    booking = reverse("interviews:booking", args=[interview.pk])
    assert re.search(rf'form="research-form"\s+formaction="{booking}"', page)
    response = student_client.post(
        booking,
        {
            **TYPED,
            "starts_at": later(4),
            "length_minutes": 20,
            "format": "phone",
            "where": "She rings me",
        },
    )
    assert response.status_code == 302
    assert notes(interview) == TYPED
