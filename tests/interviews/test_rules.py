"""The rules that protect professionals' time, with a frozen clock."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services as binder
from apps.contacts.models import MonthlyLoad
from apps.interviews import rules, services
from apps.interviews.models import Interview

from ..conftest import make_user
from ..contacts.factories import make_professional
from .helpers import ready_interview, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def test_one_open_request_per_student_and_professional(student):
    interview = sent_interview(student)
    assert (
        services.interview_start(student=student, professional=interview.professional) == interview
    )
    reason = rules.why_cannot_request(student=student, professional=interview.professional)
    assert "already have an open request" in reason


def test_at_most_three_waiting_requests(student, student_client):
    for _ in range(3):
        sent_interview(student, make_professional())
    fourth = ready_interview(student, make_professional())
    with pytest.raises(ValidationError, match="3 requests waiting"):
        services.request_send(interview=fourth)
    page = student_client.get(reverse("interviews:detail", args=[fourth.pk])).content.decode()
    assert "3 requests waiting for an answer" in page  # the student sees why


def test_follow_up_once_after_seven_days_then_expiry_after_fourteen(student):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = sent_interview(student, start_in=timedelta(days=30))
        month = interview.capacity_month
        assert (
            MonthlyLoad.objects.get(professional=interview.professional, month=month).requests == 1
        )
        with pytest.raises(ValidationError, match="Give them time"):
            services.request_follow_up(interview=interview)
        clock.move_to(start + timedelta(days=7, minutes=1))
        services.request_follow_up(interview=interview)
        with pytest.raises(ValidationError, match="one follow-up"):
            services.request_follow_up(interview=interview)
        clock.move_to(start + timedelta(days=13))
        assert services.expire_due_requests() == 0
        clock.move_to(start + timedelta(days=14, minutes=1))
        assert services.expire_due_requests() == 1
        interview.refresh_from_db()
        assert interview.status == "expired"
        assert (
            MonthlyLoad.objects.get(professional=interview.professional, month=month).requests == 0
        )


def test_decline_cooldown_of_180_days(student):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = sent_interview(student)
        services.request_decline(interview=interview, reason="")
        clock.move_to(start + timedelta(days=179))
        assert "declined your last request" in rules.why_cannot_request(
            student=student, professional=interview.professional
        )
        clock.move_to(start + timedelta(days=181))
        assert rules.why_cannot_request(student=student, professional=interview.professional) == ""


def test_capacity_counts_requests_and_stops_offering(student):
    pro = make_professional(monthly_capacity=1)
    sent_interview(student, pro)
    other = ready_interview(make_user(), pro)
    with pytest.raises(ValidationError, match="as many students as they can see this month"):
        services.request_send(interview=other)
    assert Interview.objects.get(pk=other.pk).status == "draft"


def test_never_again_withdraws_everything_and_hides_forever(student, run_worker):
    pro = make_professional(monthly_capacity=5)
    waiting = sent_interview(student, pro)
    other = make_user()
    booked = sent_interview(other, pro)
    services.request_accept(
        where=LINK, interview=booked, proposed_time_id=booked.proposed_times.first().pk
    )
    binder.professional_set_status(professional=pro, status="do_not_contact")
    waiting.refresh_from_db()
    booked.refresh_from_db()
    assert waiting.status == "withdrawn" and booked.status == "cancelled"
    assert MonthlyLoad.objects.get(professional=pro).requests == 0
    assert "cannot be contacted" in rules.why_cannot_request(student=make_user(), professional=pro)
    run_worker()
    from django.core import mail

    assert all(pro.email not in m.to for m in mail.outbox)  # nothing more goes to them


@pytest.mark.parametrize(
    "times,message",
    [
        ([-1], "is in the past"),
        ([24, 24.1], "overlap"),
        ([24, 26, 28, 30, 32, 34], "at most 5"),
    ],
    ids=["past", "overlapping", "too-many"],
)
def test_bad_proposed_times_are_refused(student, times, message):
    interview = services.interview_start(student=student, professional=make_professional())
    now = timezone.now()
    with pytest.raises(ValidationError, match=message):
        services.request_prepare(
            interview=interview,
            format="video",
            length_minutes=20,
            accessibility_needs="",
            message="x",
            times=[now + timedelta(hours=h) for h in times],
        )
    assert not interview.proposed_times.exists()


def test_proposals_may_not_overlap_the_students_confirmed_interviews(student):
    booked = sent_interview(student)
    services.request_accept(
        where=LINK, interview=booked, proposed_time_id=booked.proposed_times.first().pk
    )
    booked.refresh_from_db()
    interview = services.interview_start(student=student, professional=make_professional())
    with pytest.raises(ValidationError, match="overlaps your confirmed interview"):
        services.request_prepare(
            interview=interview,
            format="video",
            length_minutes=20,
            accessibility_needs="",
            message="x",
            times=[booked.starts_at + timedelta(minutes=10)],
        )


def test_formats_the_professional_does_not_take_are_refused(student):
    pro = make_professional(accepts_in_person=False)
    interview = services.interview_start(student=student, professional=pro)
    with pytest.raises(ValidationError, match="does not take in person"):
        services.request_prepare(
            interview=interview,
            format="in_person",
            length_minutes=20,
            accessibility_needs="",
            message="x",
            times=[timezone.now() + timedelta(days=2)],
        )


def test_confirmed_times_never_overlap_for_the_professional(student):
    pro = make_professional(monthly_capacity=5)
    first = sent_interview(student, pro)
    second = sent_interview(make_user(), pro)
    services.request_accept(
        where=LINK, interview=first, proposed_time_id=first.proposed_times.first().pk
    )
    with pytest.raises(ValidationError, match="already taken"):
        services.request_accept(
            where=LINK, interview=second, proposed_time_id=second.proposed_times.first().pk
        )
    second.refresh_from_db()
    assert second.status == "requested"


def test_missing_preparation_is_listed_and_blocks_sending(student, student_client):
    interview = services.interview_start(student=student, professional=make_professional())
    with pytest.raises(ValidationError, match="notes on the career"):
        services.request_send(interview=interview)
    assert Interview.objects.get(pk=interview.pk).status == "draft"


def test_composer_drafts_with_referrer_and_warns(student):
    from apps.interviews import composer

    introducer = make_professional(full_name="Ada Introducer")
    pro = make_professional(
        full_name="Ben Target",
        referred_by=introducer,
        referred_by_student=student,
        job_title="Curator",
    )
    text = composer.draft_message(
        student=student, professional=pro, length_minutes=20, format_label="Video call"
    )
    assert "Ada Introducer suggested I contact you." in text and "20 minutes" in text
    assert "not asking about jobs" in text
    assert composer.review_message(text, length_minutes=20) == []
    warnings = composer.review_message(
        "Hello, are you hiring? I have attached my CV and would love an hour of your time.",
        length_minutes=20,
    )
    assert len(warnings) == 3


def test_a_referral_in_staff_notes_is_not_this_students_introduction(student, other_student):
    from apps.interviews import composer

    introducer = make_professional(full_name="Ada Introducer")
    # Staff recorded who introduced Ben to the binder; no student met Ada about him.
    noted = make_professional(full_name="Ben Noted", referred_by=introducer)
    # Another student's interview with Ada produced Cy.
    theirs = make_professional(
        full_name="Cy Theirs", referred_by=introducer, referred_by_student=other_student
    )
    for pro in (noted, theirs):
        text = composer.draft_message(
            student=student, professional=pro, length_minutes=20, format_label="Video call"
        )
        assert "Ada Introducer" not in text and "career centre's list" in text
        assert composer.referrer_of(pro, student) is None
