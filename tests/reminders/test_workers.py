"""Reminder e-mails with real worker processes on PostgreSQL: each due reminder becomes one
queued e-mail and one delivery, with two workers at once or a worker killed half-way."""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from apps.contacts.models import Professional
from apps.core.models import QueuedEmail
from apps.reminders.models import Reminder

from ..conftest import make_user
from ..core.test_mail_workers import deliveries, start_worker

# Nobody is listed without consent (a database rule): active entries say how they agreed.
CONSENTED = {"consent_at": timezone.now(), "consent_method": "phone"}

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def due_reminders(count):
    professionals = Professional.objects.bulk_create(
        Professional(full_name=f"Pro {n}", email=f"pro{n}@r.example", status="active", **CONSENTED)
        for n in range(count)
    )
    students = [make_user(email=f"s{n}@example.edu") for n in range(count // 50)]
    Reminder.objects.bulk_create(
        Reminder(
            student=students[n % len(students)],
            professional=pro,
            kind="keep_in_touch",
            due_at=timezone.now() - timedelta(minutes=5),
        )
        for n, pro in enumerate(professionals)
    )


def test_two_workers_queue_and_deliver_each_reminder_exactly_once(tmp_path):
    due_reminders(500)
    record = tmp_path / "delivered.log"
    workers = [
        start_worker(record, "--once", RECORD_MAIL_DELAY=0.005, REMINDER_BATCH_SIZE=50)
        for _ in range(2)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
    assert QueuedEmail.objects.count() == 500
    assert Reminder.objects.filter(emailed_at__isnull=True).count() == 0
    counts = Counter(to for _, to in deliveries(record))
    assert sum(counts.values()) == 500  # 10 students, 50 reminders each, each delivered once
    assert set(counts.values()) == {50}


def test_worker_killed_mid_batch_loses_none(tmp_path):
    due_reminders(500)
    record = tmp_path / "delivered.log"
    killed = start_worker(
        record,
        "--once",
        RECORD_MAIL_KILL_AFTER=123,
        REMINDER_BATCH_SIZE=50,
        MAIL_CLAIM_BATCH=20,
        MAIL_CLAIM_SECONDS=2,
    )
    killed.communicate(timeout=180)
    assert killed.returncode == -9
    time.sleep(2.5)  # the dead worker's claim on the rest of its batch runs out
    restarted = start_worker(record, "--once", REMINDER_BATCH_SIZE=50, MAIL_CLAIM_BATCH=20)
    _, err = restarted.communicate(timeout=180)
    assert restarted.returncode == 0, err
    assert QueuedEmail.objects.count() == 500  # one queued e-mail per reminder
    assert QueuedEmail.objects.filter(status="sent").count() == 500
    # None lost; twice at most the three it had delivered from its unfinished batch of 20.
    assert 500 < len(deliveries(record)) <= 503
