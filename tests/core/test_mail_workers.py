"""The worker's delivery guarantees, with real worker processes on PostgreSQL."""

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from apps.core.mail import email_send
from apps.core.models import QueuedEmail

from ..support.database import database_url

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def queue(count):
    for n in range(count):
        email_send(
            name="confirm_email", to=[f"r{n:03}@example.edu"], context={"user": None, "link": "x"}
        )


def start_worker(record, *args, **extra_env):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MAIL_DELIVERY_BACKEND": "tests.support.recording_backend.EmailBackend",
        "RECORD_MAIL_TO": str(record),
        "WORKER_IDLE_SECONDS": "0.1",
        **{k: str(v) for k, v in extra_env.items()},
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "-v", "0", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def deliveries(record):
    return [line.split() for line in record.read_text().splitlines()] if record.exists() else []


def test_two_workers_at_once_deliver_each_email_exactly_once(tmp_path):
    queue(200)
    record = tmp_path / "delivered.log"
    workers = [start_worker(record, "--once", RECORD_MAIL_DELAY=0.02) for _ in range(2)]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    delivered = deliveries(record)
    counts = Counter(to for _, to in delivered)
    assert len(counts) == 200 and set(counts.values()) == {1}
    assert len({pid for pid, _ in delivered}) == 2, "both workers took a share"
    assert QueuedEmail.objects.filter(status="sent").count() == 200


def test_worker_killed_mid_batch_loses_none_and_repeats_at_most_its_batch(tmp_path):
    queue(200)
    record = tmp_path / "delivered.log"
    killed = start_worker(
        record, "--once", RECORD_MAIL_KILL_AFTER=45, MAIL_CLAIM_BATCH=20, MAIL_CLAIM_SECONDS=2
    )
    killed.communicate(timeout=120)
    assert killed.returncode == -9
    assert len(deliveries(record)) == 45
    # Two whole batches were marked sent, each in one commit; the third was in hand (and is
    # marked only in part if a second passed while it went).
    marked = QueuedEmail.objects.filter(status="sent").count()
    assert 40 <= marked < 45
    # The dead worker's claim (the rest of its batch) holds them back until it runs out...
    assert QueuedEmail.objects.due(timezone.now()).count() == 140
    time.sleep(2.5)
    # ...and then every unsent one is due again, those it had delivered unmarked included.
    assert QueuedEmail.objects.due(timezone.now()).count() == 200 - marked

    restarted = start_worker(record, "--once", MAIL_CLAIM_BATCH=20)
    _, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err
    counts = Counter(to for _, to in deliveries(record))
    assert len(counts) == 200, "none lost"
    assert sum(counts.values()) == 200 + 45 - marked, "twice only what went since its last mark"
    assert QueuedEmail.objects.filter(status="sent").count() == 200


def test_sigterm_finishes_the_item_in_hand_then_stops(tmp_path):
    queue(100)
    record = tmp_path / "delivered.log"
    worker = start_worker(record, RECORD_MAIL_TERM_AFTER=30)  # looping mode
    _, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err
    assert len(deliveries(record)) == 30
    assert QueuedEmail.objects.filter(status="sent").count() == 30
    assert QueuedEmail.objects.filter(status="queued").count() == 70
    # The rest of its claimed batch was handed back: another worker can take it at once.
    assert QueuedEmail.objects.due(timezone.now()).count() == 70
