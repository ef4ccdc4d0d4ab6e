from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.practice import rehearsal
from apps.practice.models import Rehearsal

from ..conftest import client_for
from ..interviews.helpers import ready_interview

pytestmark = pytest.mark.django_db


def test_signals_at_halfway_and_one_minute_before_the_end():
    assert rehearsal.signals_reached(0, 20) == []
    assert rehearsal.signals_reached(599, 20) == []
    assert rehearsal.signals_reached(600, 20) == ["halfway"]
    assert rehearsal.signals_reached(1139, 20) == ["halfway"]
    assert rehearsal.signals_reached(1140, 20) == ["halfway", "last_minute"]
    assert rehearsal.signals_reached(1200, 20) == ["halfway", "last_minute", "over"]
    assert rehearsal.signals_reached(449, 15) == [] and rehearsal.signals_reached(450, 15) == [
        "halfway"
    ]


def test_a_timed_rehearsal_question_by_question(student, student_client):
    interview = ready_interview(student)  # three questions of 3 minutes, 20 minutes asked for
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        student_client.post(reverse("practice:rehearsal_start", args=[interview.pk]))
        run = Rehearsal.objects.get()
        page = student_client.get(
            reverse("practice:rehearse", args=[interview.pk])
        ).content.decode()
        assert "Question 1 of 3" in page and "How did you start?" in page
        clock.move_to(start + timedelta(minutes=2, seconds=30))
        student_client.post(
            reverse("practice:rehearsal_next", args=[interview.pk, run.pk]),
            {"follow_up": "What made you stay?"},
        )
        clock.move_to(start + timedelta(minutes=11))
        page = student_client.get(
            reverse("practice:rehearse", args=[interview.pk])
        ).content.decode()
        assert "Question 2 of 3" in page and "Halfway through the time you asked for." in page
        assert "One minute left" not in page
        student_client.post(reverse("practice:rehearsal_next", args=[interview.pk, run.pk]))
        clock.move_to(start + timedelta(minutes=12))
        response = student_client.post(
            reverse("practice:rehearsal_next", args=[interview.pk, run.pk])
        )
        assert response["Location"] == reverse(
            "practice:rehearsal_detail", args=[interview.pk, run.pk]
        )
    run.refresh_from_db()
    summary = rehearsal.rehearsal_summary(run)
    assert [s.seconds for s in summary.steps] == [150, 510, 60]
    assert summary.total_seconds == 720 and summary.fits
    assert [s.position for s in summary.over_planned] == [1]  # 8.5 minutes for a 3-minute question
    assert summary.steps[0].follow_up == "What made you stay?"
    page = student_client.get(
        reverse("practice:rehearsal_detail", args=[interview.pk, run.pk])
    ).content.decode()
    assert "12:00 in all for a 20-minute conversation: it fits." in page and "8:30" in page
    history = student_client.get(reverse("practice:rehearse", args=[interview.pk])).content.decode()
    assert "720 seconds for 20 minutes" in history


def test_a_plan_that_runs_over_is_told_so(student, student_client):
    interview = ready_interview(student, length=15)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        run = rehearsal.rehearsal_start(interview=interview)
        for minutes in (6, 12, 17):
            clock.move_to(start + timedelta(minutes=minutes))
            rehearsal.rehearsal_next(rehearsal=run)
    run.refresh_from_db()
    assert not rehearsal.rehearsal_summary(run).fits
    page = student_client.get(
        reverse("practice:rehearsal_detail", args=[interview.pk, run.pk])
    ).content.decode()
    assert "too long" in page


def test_friend_sheet_prints_intro_questions_and_prompts(student, student_client):
    interview = ready_interview(student)
    item = interview.plan.items.first()
    item.theme = "path"
    item.save()
    page = student_client.get(
        reverse("practice:friend_sheet", args=[interview.pk])
    ).content.decode()
    assert "you are Priya Raman" in page and "path into UX research" in page
    assert "Tell a path with a detour" in page and "Interruptions to try" in page
    assert 'class="no-print"' in page


def test_rehearsals_are_the_students_alone(student, other_student):
    interview = ready_interview(student)
    run = rehearsal.rehearsal_start(interview=interview)
    other = client_for(other_student)
    assert other.get(reverse("practice:rehearse", args=[interview.pk])).status_code == 404
    assert (
        other.post(reverse("practice:rehearsal_next", args=[interview.pk, run.pk])).status_code
        == 404
    )
    assert other.get(reverse("practice:friend_sheet", args=[interview.pk])).status_code == 404
    run.refresh_from_db()
    assert run.steps.filter(ended_at__isnull=False).count() == 0
