"""Due reminders become queued e-mails a batch at a time, in the same few queries however
many the batch holds and whatever kinds it mixes."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.models import QueuedEmail
from apps.interviews import services as interviews
from apps.reminders import services
from apps.reminders.models import EmailOptOut, Reminder

from ..conftest import make_user
from ..contacts.factories import make_professional
from ..interviews.helpers import sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def due_mix(count):
    """``count`` students, each with a confirmed interview (its 'prepare' and 'day before'
    reminders) and a keep-in-touch reminder; returns when they are all due."""
    starts = timezone.now() + timedelta(days=10)
    for n in range(count):
        student = make_user(full_name=f"Student {n}")
        interview = sent_interview(student, make_professional(), start_in=timedelta(days=10))
        interviews.request_accept(
            where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
        )
        Reminder.objects.create(
            student=student,
            professional=make_professional(full_name=f"Mentor {n}"),
            kind="keep_in_touch",
            due_at=timezone.now(),
        )
    return starts


def queries_to_queue(count):
    with time_machine.travel(due_mix(count), tick=False):
        with CaptureQueriesContext(connection) as captured:
            assert services.queue_due_reminders() == 3 * count
    return len(captured)


def test_a_batch_costs_the_same_queries_however_many_reminders_of_whatever_kinds(settings):
    settings.REMINDER_BATCH_SIZE = 500
    few = queries_to_queue(2)
    Reminder.objects.all().delete()
    many = queries_to_queue(8)
    # Claim, the reminders, their students, professionals, interviews and promises, the
    # "prepare" ones' plans and questions, opt-outs, one insert, one update (and savepoints),
    # then the empty claim: no query per reminder.
    assert many == few <= 16
    subjects = list(QueuedEmail.objects.values_list("subject", flat=True))
    assert sum(s.startswith("Prepare for") for s in subjects) == 10
    assert sum(s.startswith("Time to keep in touch with Mentor") for s in subjects) == 10


def test_a_batch_queues_each_reminder_once_and_nothing_for_a_kind_turned_off(settings):
    settings.REMINDER_BATCH_SIZE = 2  # several batches
    with time_machine.travel(due_mix(3), tick=False):
        first = Reminder.objects.filter(kind="keep_in_touch").order_by("pk").first()
        EmailOptOut.objects.create(student=first.student, kind="keep_in_touch")
        before = set(QueuedEmail.objects.values_list("pk", flat=True))  # the requests' own mail
        assert services.queue_due_reminders() == 9
        assert services.queue_due_reminders() == 0  # once
        assert not Reminder.objects.to_email(timezone.now()).exists()
    reminders_mail = QueuedEmail.objects.exclude(pk__in=before)
    assert reminders_mail.count() == 8  # nine due, one of a kind its student turned off
    to_first = reminders_mail.filter(recipients=[first.student.email])
    assert sorted(e.subject.split()[0] for e in to_first) == ["Prepare", "Tomorrow:"]
