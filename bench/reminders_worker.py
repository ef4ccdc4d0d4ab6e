"""How long the worker takes to turn due reminders into queued e-mails and deliver them.

Creates N due reminders in a fresh database, then runs the real ``manage.py worker --once`` in
one or more separate processes (``--workers``) with a delivery backend that builds every
message in full and discards it. Reports when the last e-mail was queued and when the last was
delivered (from the rows' own timestamps), the whole run, and the peak resident memory of a
worker process, with the CPU the workers and their PostgreSQL backends used (on a shared
machine the wall clock stretches when others run; the CPU seconds much less). Target (issue
23): 100,000 due reminders delivered in at most 30 s with two workers on PostgreSQL, and the
same peak memory for 10,000 as for 100,000. Give several counts to compare them in one run:

    .venv/bin/python bench/reminders_worker.py --count 10000
    .venv/bin/python bench/reminders_worker.py --count 10000 100000 --workers 2
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from datetime import timedelta

from _harness import ROOT, database_url, fresh_database, proc_status_mb

TARGET_COUNT, TARGET_SECONDS = 100_000, 30.0


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


def backends_cpu(database: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving ``database`` (from the process
    titles in /proc), so the database's share of the work is counted too."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                title = cmdline.read().decode(errors="replace")
            if not title.startswith("postgres: ") or f" {database} " not in title:
                continue
            with open(f"/proc/{entry.name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def run(count: int, workers: int) -> dict:
    with fresh_database() as vendor:
        from django.db import connection
        from django.db.models import Max

        from apps.core.models import QueuedEmail
        from apps.reminders.models import Reminder

        build(count)
        # Statistics for the planner, as autovacuum would have gathered them long before a
        # backlog this size came due (binder_search.py and insight_dashboard.py do the same).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vendor == "postgresql" else "ANALYZE")
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "MAIL_DELIVERY_BACKEND": "_discard.DiscardingBackend",
            # As deployed: with DEBUG on, Django keeps the text of the last 9,000 queries, and
            # a bulk insert of a batch of e-mails is megabytes of SQL.
            "DEBUG": "false",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")]),
        }
        database = connection.settings_dict["NAME"]
        connection.close()  # SQLite: leave the file to the workers
        from django.utils import timezone

        load = os.getloadavg()[0]
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started_at = timezone.now()
        start = time.perf_counter()
        processes = [
            subprocess.Popen(
                [sys.executable, "manage.py", "worker", "--once", "-v", "0"], cwd=ROOT, env=env
            )
            for _ in range(workers)
        ]
        # Each worker's own peak resident memory (VmHWM), read while it runs: the kernel's
        # figure for children would count the pages a child shares with this (large) process
        # between fork and exec.
        peaks = dict.fromkeys(worker.pid for worker in processes)
        heaps = dict.fromkeys([worker.pid for worker in processes], 0.0)
        backends = {}
        while any(worker.poll() is None for worker in processes):
            for worker in processes:
                peaks[worker.pid] = proc_status_mb(worker.pid, "VmHWM") or peaks[worker.pid]
                heaps[worker.pid] = max(
                    heaps[worker.pid], proc_status_mb(worker.pid, "RssAnon") or 0
                )
            if vendor == "postgresql":
                backends.update(backends_cpu(database))
            time.sleep(0.2)
        total = time.perf_counter() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        for worker in processes:
            if worker.returncode != 0:
                raise SystemExit(f"a worker failed with exit code {worker.returncode}")
        assert not Reminder.objects.filter(emailed_at__isnull=True).exists()
        sent = QueuedEmail.objects.filter(status="sent").count()
        assert sent == QueuedEmail.objects.count() == count, sent
        last = QueuedEmail.objects.aggregate(queued=Max("created_at"), sent=Max("sent_at"))
    return {
        "vendor": vendor,
        "count": count,
        "queued": (last["queued"] - started_at).total_seconds(),
        "sent": (last["sent"] - started_at).total_seconds(),
        "run": total,
        "peak": max(mb for mb in peaks.values() if mb is not None),
        "heap": max(heaps.values()),
        "cpu": (children.ru_utime - children_before.ru_utime)
        + (children.ru_stime - children_before.ru_stime),
        "db_cpu": sum(backends.values()),
        "load": load,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    results = []
    for count in args.count:
        r = run(count, args.workers)
        results.append(r)
        pro_rata = TARGET_SECONDS * count / TARGET_COUNT
        verdict = "met" if r["sent"] <= pro_rata else "MISSED"
        print(
            f"reminders worker on {r['vendor']}, {count} due, {args.workers} worker(s): "
            f"all queued after {r['queued']:.1f} s, all delivered after {r['sent']:.1f} s "
            f"(target {pro_rata:.1f} s{'' if count == TARGET_COUNT else ' pro rata'}: "
            f"{verdict}), run {r['run']:.1f} s; workers' CPU {r['cpu']:.1f} s, their "
            f"database backends' {r['db_cpu']:.1f} s; a worker's peak resident memory "
            f"{r['peak']:.0f} MB, of which its own (anonymous) memory {r['heap']:.0f} MB "
            f"(load average {r['load']:.2f} at the start)",
            flush=True,
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(
            f"{large['count'] // small['count']}x the reminders: "
            f"{large['sent'] / small['sent']:.1f}x the time, peak memory "
            f"{small['peak']:.0f} -> {large['peak']:.0f} MB "
            f"({large['peak'] / small['peak']:.2f}x; flat is about 1x), own memory "
            f"{small['heap']:.0f} -> {large['heap']:.0f} MB"
        )


if __name__ == "__main__":
    main()
