"""How long the worker takes to turn due reminders into queued e-mails and deliver them.

Creates N due reminders in a fresh database, then runs the real ``manage.py worker --once`` in
one or more separate processes (``--workers``) with a delivery backend that builds every
message in full and discards it. Reports when the last e-mail was queued and when the last was
delivered (from the rows' own timestamps), the whole run, and the peak resident memory of a
worker process. Run it for 10,000 and 100,000 to see how cost grows (target: 100,000 in under
60 s; 10x the reminders in at most ~12x the time):

    .venv/bin/python bench/reminders_worker.py --count 10000
    .venv/bin/python bench/reminders_worker.py --count 100000 --workers 2
"""

import argparse
import os
import subprocess
import sys
import time
from datetime import timedelta

from _harness import ROOT, database_url, fresh_database, proc_status_mb


def build(count: int) -> None:
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.contacts.models import Professional
    from apps.reminders.models import Reminder

    students = User.objects.bulk_create(
        User(email=f"s{n}@bench.example", full_name=f"Student {n}", password="!")
        for n in range(max(1, count // 50))
    )
    professionals = []
    for start in range(0, count, 5000):
        batch = [
            Professional(
                full_name=f"Pro {n}",
                email=f"p{n}@bench.example",
                status="active",
                consent_at=timezone.now(),
                consent_method="phone",
                search_text=f"pro {n}",
            )
            for n in range(start, min(count, start + 5000))
        ]
        professionals.extend(Professional.objects.bulk_create(batch))
    due = timezone.now() - timedelta(minutes=1)
    Reminder.objects.bulk_create(
        (
            Reminder(
                student=students[n % len(students)],
                professional=pro,
                kind="keep_in_touch",
                due_at=due,
            )
            for n, pro in enumerate(professionals)
        ),
        batch_size=5000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with fresh_database() as vendor:
        from django.db import connection
        from django.db.models import Max

        from apps.core.models import QueuedEmail
        from apps.reminders.models import Reminder

        build(args.count)
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "MAIL_DELIVERY_BACKEND": "_discard.DiscardingBackend",
            # As deployed: with DEBUG on, Django keeps the text of the last 9,000 queries, and
            # a bulk insert of a batch of e-mails is megabytes of SQL.
            "DEBUG": "false",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")]),
        }
        connection.close()  # SQLite: leave the file to the workers
        from django.utils import timezone

        started_at = timezone.now()
        start = time.perf_counter()
        workers = [
            subprocess.Popen(
                [sys.executable, "manage.py", "worker", "--once", "-v", "0"], cwd=ROOT, env=env
            )
            for _ in range(args.workers)
        ]
        # Each worker's own peak resident memory (VmHWM), read while it runs: the kernel's
        # figure for children would count the pages a child shares with this (large) process
        # between fork and exec.
        peaks = dict.fromkeys(worker.pid for worker in workers)
        heaps = dict.fromkeys([worker.pid for worker in workers], 0.0)
        while any(worker.poll() is None for worker in workers):
            for worker in workers:
                peaks[worker.pid] = proc_status_mb(worker.pid, "VmHWM") or peaks[worker.pid]
                heaps[worker.pid] = max(
                    heaps[worker.pid], proc_status_mb(worker.pid, "RssAnon") or 0
                )
            time.sleep(0.2)
        total = time.perf_counter() - start
        for worker in workers:
            if worker.returncode != 0:
                raise SystemExit(f"a worker failed with exit code {worker.returncode}")
        peak = max(mb for mb in peaks.values() if mb is not None)
        heap = max(heaps.values())
        assert not Reminder.objects.filter(emailed_at__isnull=True).exists()
        sent = QueuedEmail.objects.filter(status="sent").count()
        assert sent == QueuedEmail.objects.count() == args.count, sent
        last = QueuedEmail.objects.aggregate(queued=Max("created_at"), sent=Max("sent_at"))
        queued_after = (last["queued"] - started_at).total_seconds()
        sent_after = (last["sent"] - started_at).total_seconds()
        print(
            f"reminders worker on {vendor}, {args.count} due, {args.workers} worker(s): "
            f"all queued after {queued_after:.1f} s, all delivered after {sent_after:.1f} s, "
            f"run {total:.1f} s; a worker's peak resident memory {peak:.0f} MB, of which its "
            f"own (anonymous) memory {heap:.0f} MB"
        )


if __name__ == "__main__":
    main()
