"""The main pages under load, served by gunicorn, against a bare signed-in page in the same run.

Builds a large data set in a fresh database (20,000 professionals, 2,000 students, 50,000
interviews, 200,000 reminders; ``--scale 0.1`` for a tenth), starts gunicorn with DEBUG off
(cached templates, whitenoise) and 2 x cores + 1 workers, signs in a student and a staff
member, and drives each page with wrk at ``--connections`` for ``--duration`` seconds. For each
page: requests per second, median and 99th-percentile latency, errors, and throughput as a share
of the baseline (``/about/``: the base template and fixed text). Also the peak resident memory
of a gunicorn worker. Prints a table and writes it to bench/results/.

    sudo apt-get install wrk        # once
    .venv/bin/python bench/load.py [--scale 1] [--duration 20] [--connections 50]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/load.py
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

from _harness import ROOT, fresh_database, proc_status_mb
from db_restart import free_port, signed_in_opener
from insight_dashboard import build as build_interviews

PASSWORD = "bench-pass-2026"


def build(scale: float) -> dict:
    from django.db import connection
    from django.utils import timezone

    from apps.accounts.models import StudentProfile, User
    from apps.contacts.models import Professional
    from apps.interviews.models import Interview
    from apps.reminders.models import Reminder

    build_interviews(int(2_000 * scale), int(20_000 * scale), int(50_000 * scale))
    student = User.objects.create_user(
        email="student@example.edu",
        password=PASSWORD,
        full_name="Bench Student",
        email_confirmed_at=timezone.now(),
    )
    StudentProfile.objects.create(user=student, programme="BSc Benchmarks")
    User.objects.create_user(
        email="staff@example.edu",
        password=PASSWORD,
        full_name="Bench Staff",
        role="staff",
        email_confirmed_at=timezone.now(),
    )
    rng = random.Random(5)
    pros = list(Professional.objects.filter(status="active").values_list("pk", flat=True))
    # The signed-in student's own interviews, then everyone's reminders.
    mine = Interview.objects.bulk_create(
        Interview(
            student=student,
            professional_id=pk,
            status="completed",
            research_career="notes",
            recorded_at=timezone.now(),
        )
        for pk in rng.sample(pros, 30)
    )
    students = list(
        User.objects.filter(role="student").exclude(pk=student.pk).values_list("pk", flat=True)
    )
    now = timezone.now()
    batch = []
    for n in range(int(200_000 * scale)):
        owner = student.pk if n < 200 else rng.choice(students)
        batch.append(
            Reminder(
                student_id=owner,
                professional_id=rng.choice(pros),
                kind="keep_in_touch",
                due_at=now + timedelta(days=rng.randint(-30, 90)),
                emailed_at=now,
            )
        )
        if len(batch) == 5000:
            Reminder.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Reminder.objects.bulk_create(batch, ignore_conflicts=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"interview": mine[0].pk, "professional": mine[0].professional_id}


def gunicorn_workers(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


def wrk(url: str, cookie: str, connections: int, duration: int) -> dict:
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout

    def ms(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": errors,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: sudo apt-get install wrk")
    with fresh_database() as vendor:
        from django.db import connection

        ids = build(args.scale)
        s = connection.settings_dict
        if vendor == "sqlite":
            url = f"sqlite:///{s['NAME']}"
        else:
            url = (
                f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
            )
        connection.close()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        workers = 2 * (os.cpu_count() or 1) + 1
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            cookies = {}
            for who in ("student", "staff"):
                opener = signed_in_opener(base, f"{who}@example.edu", PASSWORD)
                jar = opener.handlers_cookiejar
                cookies[who] = "; ".join(f"{c.name}={c.value}" for c in jar)
            pages = [
                ("baseline (about page)", "student", "/about/"),
                ("student binder search", "student", "/professionals/?q=pro+12"),
                ("professional profile", "student", f"/professionals/{ids['professional']}/"),
                ("student dashboard", "student", "/"),
                ("interview workspace", "student", f"/interviews/{ids['interview']}/"),
                ("staff binder list", "staff", "/binder/"),
                ("staff dashboard", "staff", "/staff/insight/"),
            ]
            rows, peak = [], 0.0
            for label, who, path in pages:
                figures = wrk(base + path, cookies[who], args.connections, args.duration)
                peak = max(
                    [peak]
                    + [proc_status_mb(pid, "VmHWM") or 0 for pid in gunicorn_workers(web.pid)]
                )
                rows.append((label, path, figures))
        finally:
            web.terminate()
            web.wait(timeout=30)
        baseline = rows[0][2]["rps"]
        lines = [
            f"Load on {vendor}, scale {args.scale:g}, {workers} gunicorn workers, "
            f"{args.connections} connections, {args.duration} s per page",
            "",
            "| page | req/s | median ms | p99 ms | errors | share of baseline |",
            "|---|---|---|---|---|---|",
        ]
        for label, _, f in rows:
            lines.append(
                f"| {label} | {f['rps']:.0f} | {f['p50']:.1f} | {f['p99']:.1f} | {f['errors']} "
                f"| {f['rps'] / baseline:.0%} |"
            )
        lines.append("")
        lines.append(f"Peak resident memory of a gunicorn worker: {peak:.0f} MB")
        text = "\n".join(lines)
        print(text)
        results = ROOT / "bench" / "results"
        results.mkdir(exist_ok=True)
        (results / f"load-{vendor}-scale{args.scale:g}.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
