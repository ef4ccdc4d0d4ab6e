"""Never pester, everywhere: expiry counts like a decline, two asks per person in six months,
a weekly ceiling on new-request e-mails per professional, a decline that says when to ask
again, and links that act only in the states they are for."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.interviews import rules, services
from apps.interviews.models import Interview
from apps.reminders.models import Reminder

from ..conftest import client_for, make_user
from ..contacts.factories import make_professional
from .helpers import calendar_files, delivered_to, ready_interview, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def test_an_expired_request_counts_like_a_decline(student):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = sent_interview(student)
        pro = interview.professional
        clock.move_to(start + timedelta(days=14, minutes=1))
        assert services.expire_due_requests() == 1
        wait = rules.why_cannot_request(student=student, professional=pro)
        assert "closed without an answer" in wait and "counts like a decline" in wait
        with pytest.raises(ValidationError, match="closed without an answer"):
            services.request_send(interview=ready_interview(student, pro))
        clock.move_to(start + timedelta(days=14 + 91))
        assert rules.why_cannot_request(student=student, professional=pro) == ""


def test_a_request_and_withdraw_loop_stops_at_two_asks_in_six_months(student, run_worker):
    pro = make_professional(monthly_capacity=20)
    first = sent_interview(student, pro)
    services.request_withdraw(interview=first)
    second = sent_interview(student, pro)
    services.request_withdraw(interview=second)
    third = ready_interview(student, pro)
    with pytest.raises(ValidationError, match="2 times in the last 6 months"):
        services.request_send(interview=third)
    run_worker()
    requests = [m for m in delivered_to(pro.email) if "would like to talk" in m.body.lower()]
    assert len(requests) <= 2
    assert Interview.objects.get(pk=third.pk).status == "draft"


def test_a_professional_gets_at_most_three_new_requests_a_week(run_worker):
    pro = make_professional(monthly_capacity=20, email="busy@firm.example")
    students = [make_user() for _ in range(5)]
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sent = [
            sent_interview(s, pro, start_in=timedelta(days=20 + n)) for n, s in enumerate(students)
        ]
        delivered = [i for i in sent if i.delivered_at is not None]
        waiting = [i for i in sent if i.delivered_at is None]
        assert len(delivered) == 3 and len(waiting) == 2
        assert all(i.status == "requested" and i.expires_at is None for i in waiting)
        # The student is told, and no "no answer" nudge or follow-up counts from a request
        # that has not reached them.
        page = client_for(students[3]).get(reverse("interviews:detail", args=[waiting[0].pk]))
        assert "Waiting in line" in page.content.decode()
        assert not Reminder.objects.filter(interview=waiting[0], kind="no_answer").exists()
        assert "waiting in line" in rules.why_cannot_follow_up(waiting[0])
        run_worker()
        assert len(delivered_to("busy@firm.example")) == 3
        assert services.deliver_waiting_requests() == 0  # the week is full

        clock.move_to(start + timedelta(days=7, minutes=1))
        assert services.deliver_waiting_requests() == 2
        first_waiting = Interview.objects.get(pk=waiting[0].pk)
        assert first_waiting.delivered_at is not None and first_waiting.expires_at is not None
        assert Reminder.objects.filter(interview=first_waiting, kind="no_answer").exists()
        run_worker()
        assert len(delivered_to("busy@firm.example")) == 5


def test_sending_into_the_line_says_so(student, student_client):
    pro = make_professional(monthly_capacity=20)
    for _ in range(3):
        sent_interview(make_user(), pro)
    interview = ready_interview(student, pro)
    response = student_client.post(reverse("interviews:send", args=[interview.pk]), follow=True)
    assert "waits in line" in response.content.decode()


def test_a_withdrawn_request_still_in_line_never_reaches_them(student, run_worker):
    pro = make_professional(monthly_capacity=20, email="quiet@firm.example")
    for _ in range(3):
        sent_interview(make_user(), pro)
    run_worker()
    mine = sent_interview(student, pro)
    assert mine.delivered_at is None
    services.request_withdraw(interview=mine)
    run_worker()
    assert len(delivered_to("quiet@firm.example")) == 3


def _decline(interview, **data):
    token = services.professional_token(interview)
    return Client().post(reverse("interviews:respond_action", args=[token, "decline"]), data)


def test_ask_me_again_after_a_date_is_what_the_wait_follows(student):
    interview = sent_interview(student)
    pro = interview.professional
    february = timezone.localdate() + timedelta(days=60)
    _decline(interview, reason="Busy", again="after", again_after=february.isoformat())
    interview.refresh_from_db()
    assert interview.status == "declined" and interview.ask_again == "after"
    wait = rules.why_cannot_request(student=student, professional=pro)
    assert "asked to be asked again after" in wait
    with time_machine.travel(timezone.now() + timedelta(days=62)):
        assert rules.why_cannot_request(student=student, professional=pro) == ""


def test_never_from_a_decline_means_never_for_this_student(student, other_student):
    interview = sent_interview(student)
    pro = interview.professional
    _decline(interview, again="never")
    with time_machine.travel(timezone.now() + timedelta(days=800)):
        assert "asked not to be asked again" in rules.why_cannot_request(
            student=student, professional=pro
        )
        assert rules.why_cannot_request(student=other_student, professional=pro) == ""


def test_a_decline_date_in_the_past_is_explained_and_changes_nothing(student):
    interview = sent_interview(student)
    response = _decline(interview, again="after", again_after="2020-01-01")
    assert (
        response.status_code == 400 and "Choose a date in the future." in response.content.decode()
    )
    interview.refresh_from_db()
    assert interview.status == "requested"


def test_the_student_sees_the_wait_before_starting_a_draft(student, student_client):
    interview = sent_interview(student)
    pro = interview.professional
    _decline(interview, again="not_now")
    page = student_client.get(reverse("contacts:profile", args=[pro.pk])).content.decode()
    assert "declined your last request, so please wait until" in page


def test_a_booked_conversation_cannot_be_declined_only_cancelled_with_a_reason(student, run_worker):
    interview = sent_interview(student)
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    interview.refresh_from_db()
    token = services.professional_token(interview)
    response = Client().post(
        reverse("interviews:respond_action", args=[token, "decline"]), {"reason": "x"}, follow=True
    )
    assert "cancel it instead" in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.ask_again == ""

    response = Client().post(reverse("interviews:respond_action", args=[token, "cancel"]), {})
    assert response.status_code == 400 and "Say briefly why" in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "confirmed"

    Client().post(
        reverse("interviews:respond_action", args=[token, "cancel"]), {"reason": "Ill, sorry"}
    )
    interview.refresh_from_db()
    assert interview.status == "cancelled"
    # A cancellation is not a decline: the student may ask again.
    assert rules.why_wait_to_ask_again(student=student, professional=interview.professional) == ""
    run_worker()
    ics = calendar_files(delivered_to(student.email)[-1])[0].decode()
    assert "METHOD:CANCEL" in ics and "ORGANIZER" in ics


def test_never_on_the_request_page_asks_first(student):
    interview = sent_interview(student)
    token = services.professional_token(interview)
    Client().post(reverse("interviews:respond_action", args=[token, "never"]))
    interview.refresh_from_db()
    assert interview.status == "requested" and interview.professional.status == "active"
    page = Client().get(reverse("interviews:respond", args=[token])).content.decode()
    assert "It is final." in page and 'name="confirm" value="yes"' in page
    Client().post(reverse("interviews:respond_action", args=[token, "never"]), {"confirm": "yes"})
    interview.refresh_from_db()
    assert interview.status == "withdrawn" and interview.professional.status == "do_not_contact"


def test_a_rescheduled_conversation_gets_no_second_follow_up(student):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = sent_interview(student, start_in=timedelta(days=12))
        clock.shift(timedelta(days=8))
        services.request_follow_up(interview=interview)
        interview.refresh_from_db()
        services.request_accept(
            where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
        )
        interview.refresh_from_db()
        services.interview_reschedule(
            interview=interview, times=[timezone.now() + timedelta(days=20, hours=3)]
        )
        clock.shift(timedelta(days=8))
        interview.refresh_from_db()
        assert rules.why_cannot_follow_up(interview)
        with pytest.raises(ValidationError):
            services.request_follow_up(interview=interview)
