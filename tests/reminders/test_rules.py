"""Each kind of reminder: made, shown, e-mailed and cancelled as the product promises."""

import email
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services as binder
from apps.core.models import QueuedEmail
from apps.interviews import services as interviews
from apps.interviews.models import Interview, Promise
from apps.reminders import services
from apps.reminders.models import Contact, EmailOptOut, Reminder

from ..contacts.factories import make_professional
from ..interviews.helpers import sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def pending(student, kind):
    return Reminder.objects.pending().filter(student=student, kind=kind)


def confirm(interview):
    interviews.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    interview.refresh_from_db()
    return interview


def test_no_answer_after_seven_days_once_and_closed_by_the_follow_up(student):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = sent_interview(student, start_in=timedelta(days=30))
        reminder = pending(student, "no_answer").get()
        assert reminder.due_at == start + timedelta(days=7)
        assert services.queue_due_reminders() == 0
        clock.move_to(start + timedelta(days=7, minutes=1))
        assert services.queue_due_reminders() == 1
        assert services.queue_due_reminders() == 0  # once
        assert QueuedEmail.objects.filter(subject__startswith="No answer yet").count() == 1
        interviews.request_follow_up(interview=interview)
        assert not pending(student, "no_answer").exists()


def test_prepare_three_days_before_and_day_before_with_time_in_the_students_zone(student):
    student.time_zone = "Asia/Tokyo"
    student.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        interview = confirm(sent_interview(student, start_in=timedelta(days=10)))
        assert not pending(student, "no_answer").exists()  # answered
        prepare = pending(student, "prepare").get()
        assert prepare.due_at == interview.starts_at - timedelta(days=3)
        day_before = pending(student, "day_before").get()
        assert day_before.due_at == interview.starts_at - timedelta(days=1)
        clock.move_to(interview.starts_at - timedelta(days=1))
        services.queue_due_reminders()
        body = QueuedEmail.objects.get(subject__startswith="Tomorrow").body
        local = timezone.localtime(
            interview.starts_at, __import__("zoneinfo").ZoneInfo("Asia/Tokyo")
        )
        assert f"{local:%H:%M} (Asia/Tokyo)" in body and "five minutes early" in body
        prepare_mail = QueuedEmail.objects.get(subject__startswith="Prepare for")
        assert "a closing question" not in prepare_mail.body  # the helper plan has one


def test_thank_you_latest_24h_after_it_ended_and_at_once_when_recorded(student, student_client):
    interview = confirm(sent_interview(student))
    thank = pending(student, "thank_you").get()
    assert thank.due_at == interview.ends_at + timedelta(hours=24)
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    items = list(interview.plan.items.all())
    for item in items:
        item.theme = "path" if item.position == 0 else "day_to_day"
        item.save()
    with time_machine.travel(timezone.now(), tick=False):
        student_client.post(
            reverse("interviews:record", args=[interview.pk]),
            {
                f"answer_{items[0].pk}": "Through a lab job.",
                f"answer_{items[1].pk}": "Meetings, analysis.",
                "next_steps": "Sign up for a statistics course.",
                "promise_1": "Send a reading list",
                "promise_due_1": (timezone.localdate() + timedelta(days=5)).isoformat(),
            },
        )
        thank.refresh_from_db()
        assert thank.due_at <= timezone.now()
    page = student_client.get(reverse("reminders:thank_you", args=[interview.pk])).content.decode()
    assert "the path into the role and the day-to-day work" in page
    assert "my next step is to sign up for a statistics course" in page
    assert "offering to send a reading list" in page
    assert "Send your thank-you note" in student_client.get(reverse("home")).content.decode()
    promise = pending(student, "promise").get()
    assert timezone.localtime(promise.due_at).date() == timezone.localdate() + timedelta(days=5)
    # Sending it from the app queues the note to them, closes the reminder, logs contact.
    student_client.post(
        reverse("reminders:thank_you", args=[interview.pk]),
        {"text": "Dear Priya, thank you!", "send": "1"},
    )
    note = QueuedEmail.objects.get(subject__startswith="Thank you from")
    assert (
        note.recipients == [interview.professional.email] and "Dear Priya, thank you!" in note.body
    )
    assert not pending(student, "thank_you").exists()
    assert Contact.objects.get(student=student).log.count() == 2


def test_promise_nudge_on_its_day_and_done_marks_the_promise(student):
    interview = confirm(sent_interview(student))
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    interview.refresh_from_db()
    interviews.record_save(
        interview=interview,
        answers={},
        notes="",
        language="",
        actual_minutes=20,
        reflection="",
        next_steps="",
        referrals=[],
        promises=[("Introduce me to their editor", timezone.localdate() + timedelta(days=2))],
    )
    reminder = pending(student, "promise").get()
    with time_machine.travel(reminder.due_at + timedelta(minutes=1)):
        services.queue_due_reminders()
        assert (
            "Introduce me to their editor"
            in QueuedEmail.objects.get(subject__contains="offered").body
        )
    services.reminder_done(reminder=reminder)
    assert Promise.objects.get().done_at is not None


def test_keep_in_touch_every_three_months_monthly_for_mentors_at_most_four(student):
    interview = confirm(sent_interview(student))
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    interview.refresh_from_db()
    interviews.record_save(
        interview=interview,
        answers={},
        notes="",
        language="",
        actual_minutes=20,
        reflection="",
        next_steps="",
        promises=[],
        referrals=[],
    )
    contact = Contact.objects.get(student=student)
    keep = pending(student, "keep_in_touch").get()
    assert keep.due_at == contact.last_contact_at + timedelta(days=91)
    services.contact_set(
        contact=contact, is_mentor=True, cadence_days=None, stopped=False, reason="Guides me"
    )
    keep.refresh_from_db()
    assert keep.due_at == contact.last_contact_at + timedelta(days=30)
    later = timezone.now() + timedelta(days=10)
    services.contact_touch(
        student=student, counterpart=contact.professional, note="Coffee", at=later
    )
    keep.refresh_from_db()
    assert keep.due_at == later + timedelta(days=30)
    for _ in range(3):
        other = Contact.objects.create(
            student=student, professional=make_professional(), last_contact_at=timezone.now()
        )
        services.contact_set(contact=other, is_mentor=True, cadence_days=None, stopped=False)
    fifth = Contact.objects.create(
        student=student, professional=make_professional(), last_contact_at=timezone.now()
    )
    with pytest.raises(ValidationError, match="already have 4 mentors"):
        services.contact_set(contact=fifth, is_mentor=True, cadence_days=None, stopped=False)
    services.contact_set(contact=contact, is_mentor=True, cadence_days=None, stopped=True)
    assert not pending(student, "keep_in_touch").filter(professional=contact.professional).exists()


def test_decline_and_never_again_stop_every_reminder_of_that_professional(student, other_student):
    declined = sent_interview(student)
    interviews.request_decline(interview=declined)
    assert not Reminder.objects.pending().filter(professional=declined.professional).exists()
    pro = make_professional(monthly_capacity=5)
    a = confirm(sent_interview(student, pro))
    sent_interview(other_student, pro)
    assert (
        Reminder.objects.pending().filter(professional=pro).count() == 4
    )  # prepare, day before, thank-you, no answer
    binder.professional_set_status(professional=pro, status="do_not_contact")
    assert not Reminder.objects.pending().filter(professional=pro).exists()
    assert set(a.reminders.values_list("state", flat=True)) == {"cancelled"}


def test_cancel_and_withdraw_stop_the_interviews_reminders(student):
    interview = confirm(sent_interview(student))
    interviews.interview_cancel(interview=interview, by="student", reason="Exam moved")
    assert not interview.reminders.filter(state="pending").exists()
    other = sent_interview(student, make_professional())
    interviews.request_withdraw(interview=other)
    assert not other.reminders.filter(state="pending").exists()


def test_done_snooze_dismiss(student, student_client):
    interview = sent_interview(student)
    reminder = pending(student, "no_answer").get()
    with time_machine.travel(reminder.due_at + timedelta(hours=1), tick=False):
        assert "No answer yet" in student_client.get(reverse("home")).content.decode()
        student_client.post(reverse("reminders:act", args=[reminder.pk, "snooze-day"]))
        reminder.refresh_from_db()
        assert reminder.due_at == timezone.now() + timedelta(days=1)
        assert (
            "No answer yet"
            not in student_client.get(reverse("home"))
            .content.decode()
            .split("What to do now")[1]
            .split("Coming up")[0]
        )
        student_client.post(reverse("reminders:act", args=[reminder.pk, "snooze-week"]))
        reminder.refresh_from_db()
        assert reminder.due_at == timezone.now() + timedelta(days=8)
        student_client.post(reverse("reminders:act", args=[reminder.pk, "dismiss"]))
        reminder.refresh_from_db()
        assert reminder.state == "dismissed"
        response = student_client.post(
            reverse("reminders:act", args=[reminder.pk, "done"]), follow=True
        )
        assert "already closed" in response.content.decode()
    assert interview.status == "requested"


def test_reminder_emails_go_through_the_queue_with_one_click_unsubscribe(student, run_worker):
    interview = sent_interview(student)
    reminder = pending(student, "no_answer").get()
    with time_machine.travel(reminder.due_at + timedelta(minutes=1)):
        services.queue_due_reminders()
        mail.outbox.clear()
        run_worker()
    queued = QueuedEmail.objects.get(subject__startswith="No answer yet")
    headers = email.message_from_string(queued.message)
    unsubscribe = " ".join(headers["List-Unsubscribe"].split())
    assert unsubscribe.startswith("<http://testserver/unsubscribe/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert any(m.subject.startswith("No answer yet") for m in mail.outbox)
    url = unsubscribe[len("<http://testserver") : -1]
    from django.test import Client

    assert Client().post(url).status_code == 200  # one click, no sign-in, no CSRF token
    assert EmailOptOut.objects.filter(student=student, kind="no_answer").exists()
    # Turned off by e-mail, still on the dashboard.
    other = sent_interview(student, make_professional())
    second = pending(student, "no_answer").get(interview=other)
    with time_machine.travel(second.due_at + timedelta(minutes=1)):
        QueuedEmail.objects.all().delete()
        services.queue_due_reminders()
        assert not QueuedEmail.objects.exists()
        second.refresh_from_db()
        assert second.emailed_at is not None and second.state == "pending"
    assert interview.pk


def test_dashboard_queries_do_not_grow_with_reminders(student, student_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(n):
        for _ in range(n):
            Reminder.objects.create(
                student=student,
                kind="keep_in_touch",
                professional=make_professional(),
                due_at=timezone.now() - timedelta(hours=1),
            )
        with CaptureQueriesContext(connection) as queries:
            student_client.get(reverse("home"))
        return len(queries)

    assert count(3) == count(30)


def test_dashboard_shows_what_is_due_ten_at_a_time_oldest_first(student, student_client):
    now = timezone.now()
    for n in range(13):
        Reminder.objects.create(
            student=student,
            kind="keep_in_touch",
            professional=make_professional(full_name=f"Due Person {n:02}"),
            due_at=now - timedelta(days=20 - n),
        )
    first = student_client.get(reverse("home")).content.decode()
    assert "The 13 things due are shown 10 at a time" in first
    assert first.count('class="card mb-2 reminder') == 10
    assert "Due Person 00" in first and "Due Person 09" in first
    assert "Due Person 10" not in first
    assert "Page 1 of 2" in first and "?page=2" in first
    second = student_client.get(reverse("home") + "?page=2").content.decode()
    assert second.count('class="card mb-2 reminder') == 3
    assert "Due Person 12" in second and "Due Person 00" not in second
    # A page number that is not one shows the last page rather than an error.
    assert student_client.get(reverse("home") + "?page=99").status_code == 200


def test_dashboard_lists_upcoming_waiting_and_drafts_each_in_its_own_order(
    student, other_student, student_client
):
    now = timezone.now()

    def interview(name, owner=student, **fields):
        made = Interview.objects.create(
            student=owner, professional=make_professional(full_name=name), **fields
        )
        if "updated_at" in fields:  # auto_now overwrote it
            Interview.objects.filter(pk=made.pk).update(updated_at=fields["updated_at"])
        return made

    # Upcoming: soonest first, ten at most; a past confirmed one is not upcoming.
    for n in (5, 1, 11, 3, 8, 2, 12, 4, 9, 6, 7, 10):
        starts = now + timedelta(days=n)
        interview(
            f"Soon {n:02}",
            status="confirmed",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
    interview("Already Met", status="confirmed", starts_at=now - timedelta(days=1), ends_at=now)
    # Waiting: the longest-waiting first.
    for n in (2, 3, 1):
        interview(f"Asked {n}", status="requested", requested_at=now - timedelta(days=10 - n))
    # Being prepared: the most recently worked on first, ten at most.
    for n in range(12):
        interview(f"Draft {n:02}", updated_at=now - timedelta(hours=n))
    interview("Not Mine", owner=other_student, status="requested", requested_at=now)

    page = student_client.get(reverse("home")).content.decode()
    upcoming = [f"Soon {n:02}" for n in range(1, 11)]
    assert [page.index(name) for name in upcoming] == sorted(page.index(n) for n in upcoming)
    assert "Soon 11" not in page and "Soon 12" not in page and "Already Met" not in page
    asked = ["Asked 1", "Asked 2", "Asked 3"]
    assert [page.index(name) for name in asked] == sorted(page.index(n) for n in asked)
    drafts = [f"Draft {n:02}" for n in range(10)]
    assert [page.index(name) for name in drafts] == sorted(page.index(n) for n in drafts)
    assert "Draft 10" not in page and "Draft 11" not in page
    assert "Not Mine" not in page
    # Upcoming, then waiting, then the drafts, each under its heading.
    assert page.index("Soon 10") < page.index("Waiting for an answer") < page.index("Asked 1")
    assert page.index("Asked 3") < page.index("Being prepared") < page.index("Draft 00")
