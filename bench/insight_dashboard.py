"""Server time of the staff insight dashboard's first view (its kept figures cleared before
every call), in one process, at a tenth of the data and at full size (200 / 2,000 students,
2,000 / 20,000 professionals, 5,000 / 50,000 interviews over a year, four reminders each), how it grew, and the
query plans of the page's heaviest queries at full size. Target (issue 23): at most 150 ms at
full size on PostgreSQL, growing at most 1.3x from the tenth.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_insight \
        .venv/bin/python bench/insight_dashboard.py [--repeat 15] [--explain 6]
"""

import argparse
import os
import random
import time
from datetime import timedelta

from _harness import fresh_database, summary, timed


def build(students: int, professionals: int, interviews: int) -> None:
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.contacts.models import Industry, MonthlyLoad, Occupation, Professional, month_start
    from apps.interviews.models import Interview
    from apps.reminders.models import Reminder, ThankYou

    rng = random.Random(3)
    now = timezone.now()
    industries, occupations = list(Industry.objects.all()), list(Occupation.objects.all())
    people = User.objects.bulk_create(
        User(
            email=f"s{n}@bench.example",
            full_name=f"Student {n}",
            password="!",
            date_joined=now - timedelta(days=rng.randint(0, 400)),
        )
        for n in range(students)
    )
    pros = Professional.objects.bulk_create(
        (
            Professional(
                full_name=f"Pro {n}",
                email=f"p{n}@bench.example",
                search_text=f"pro {n}",
                status=rng.choices(["active", "paused", "retired"], [85, 10, 5])[0],
                industry=rng.choice(industries),
                occupation=rng.choice(occupations),
                consent_at=now - timedelta(days=rng.randint(0, 500)),
                consent_method="phone",
            )
            for n in range(professionals)
        ),
        batch_size=2000,
    )
    statuses = [
        "draft",
        "requested",
        "confirmed",
        "completed",
        "declined",
        "expired",
        "withdrawn",
        "cancelled",
        "no_show",
    ]
    rows = []
    pairs = set()
    while len(rows) < interviews:
        student, pro = rng.choice(people), rng.choice(pros)
        status = rng.choices(statuses, [5, 5, 5, 45, 10, 10, 8, 7, 5])[0]
        if status in ("requested", "confirmed") and (student.pk, pro.pk) in pairs:
            continue
        if status in ("requested", "confirmed"):
            pairs.add((student.pk, pro.pk))
        created = now - timedelta(days=rng.randint(0, 365), hours=rng.randint(0, 23))
        requested = None if status == "draft" else created + timedelta(days=rng.randint(0, 5))
        answered = (
            requested + timedelta(hours=rng.randint(1, 200))
            if status in ("confirmed", "completed", "declined", "cancelled", "no_show")
            else None
        )
        rows.append(
            Interview(
                student=student,
                professional=pro,
                status=status,
                created_at=created,
                research_career="notes" if rng.random() < 0.9 else "",
                requested_at=requested,
                answered_at=answered,
                recorded_at=answered + timedelta(days=3) if status == "completed" else None,
            )
        )
    made = Interview.objects.bulk_create(rows, batch_size=2000)
    ThankYou.objects.bulk_create(
        (
            ThankYou(interview=i, text="x", sent_at=i.recorded_at)
            for i in made
            if i.status == "completed" and rng.random() < 0.6
        ),
        batch_size=2000,
    )
    # Four reminders an interview, as the product makes them (prepare, the day before, thank
    # you, keep in touch), most of them long done.
    kinds = ["prepare", "day_before", "thank_you", "keep_in_touch"]
    Reminder.objects.bulk_create(
        (
            Reminder(
                student_id=i.student_id,
                professional_id=i.professional_id,
                interview=i,
                kind=kind,
                state=rng.choices(["done", "dismissed", "cancelled", "pending"], [60, 15, 15, 10])[
                    0
                ]
                if kind != "keep_in_touch"
                else "done",
                due_at=i.created_at + timedelta(days=rng.randint(1, 30)),
            )
            for i in made
            for kind in kinds
        ),
        batch_size=5000,
        ignore_conflicts=True,  # at most one pending of a kind per interview
    )
    MonthlyLoad.objects.bulk_create(
        MonthlyLoad(professional=p, month=month_start(), requests=rng.randint(1, 3))
        for p in rng.sample(pros, min(3000, len(pros) * 3 // 20))
    )


def measure(scale: float, repeat: int, explain: int) -> float:
    """Median cold server time of the dashboard (ms) on a fresh data set of this scale."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from apps.accounts.models import User

    with fresh_database() as vendor:
        build(int(2_000 * scale), int(20_000 * scale), int(50_000 * scale))
        if vendor == "postgresql":
            # As autovacuum leaves a settled table: statistics, and a visibility map that lets
            # index-only scans skip the table.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        staff = User.objects.create_user(
            email="staff@bench.example", password="x", full_name="Staff", role="staff"
        )
        client = Client()
        client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")

        def dashboard():
            cache.clear()  # the first view: nothing kept
            response = client.get("/staff/insight/", {"days": "365"})
            assert response.status_code == 200, response.status_code

        samples = timed(dashboard, repeat=2, warmup=0)  # warm up
        before = cpu_ms(vendor)
        samples = timed(dashboard, repeat=repeat, warmup=0)
        spent = [after - start for after, start in zip(cpu_ms(vendor), before, strict=True)]
        print(
            f"  {scale:>4} on {vendor}: cold dashboard {summary(samples)}; CPU a view "
            f"{sum(spent) / repeat:.1f} ms (server {spent[0] / repeat:.1f}, "
            f"database {spent[1] / repeat:.1f})",
            flush=True,
        )
        show_plans(dashboard, explain, vendor)
        return sorted(samples)[len(samples) // 2], sum(spent) / repeat


def cpu_ms(vendor: str) -> tuple[float, float]:
    """CPU milliseconds used so far by this process and by its database backend (PostgreSQL
    on this machine: read from /proc). On a shared machine the wall clock stretches with
    everyone's load; the CPU a view costs much less so."""
    from django.db import connection

    server = time.process_time() * 1000
    if vendor != "postgresql":
        return server, 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:  # a database on another machine
        return server, 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return server, (int(fields[11]) + int(fields[12])) * 1000 / ticks


def show_plans(dashboard, top: int, vendor: str) -> None:
    """The page's queries, slowest first, each timed again and (PostgreSQL) explained."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        dashboard()
    timings = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            timings.append(((time.perf_counter() - started) * 1000, sql))
    timings.sort(reverse=True)
    total = sum(ms for ms, _ in timings)
    print(f"  {len(captured)} queries, {len(timings)} reads, {total:.1f} ms in the database")
    for ms, sql in timings[: max(top, 3)]:
        print(f"    {ms:6.1f} ms  {sql[:150]}")
        if vendor != "postgresql" or not top:
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
        for line in plan:
            if line is plan[0] or "Scan" in line or "Execution Time" in line:
                print(f"             {line.strip()[:140]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--explain", type=int, default=6, help="slowest queries to explain")
    args = parser.parse_args()
    (small, small_cpu) = measure(0.1, args.repeat, 0)  # the three slowest, unexplained
    (large, large_cpu) = measure(1.0, args.repeat, args.explain)
    print(
        f"\ncold dashboard: {small:.1f} ms at 2,000 professionals, {large:.1f} ms at 20,000, "
        f"growth {large / small:.2f}x (target: at most 150 ms and 1.3x); CPU a view "
        f"{small_cpu:.1f} ms and {large_cpu:.1f} ms, growth {large_cpu / small_cpu:.2f}x; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
