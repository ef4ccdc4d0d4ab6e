"""The main pages under load, served by gunicorn, against a bare signed-in page in the same run.

For each database (SQLite, then PostgreSQL when one answers on 127.0.0.1:5432 or
``DATABASE_URL`` names one): builds the large data set in a fresh database (20,000
professionals, 2,000 students, 50,000 interviews, 200,000 reminders), starts gunicorn with DEBUG
off (cached templates, whitenoise) and 2 x cores + 1 workers, signs in a student and a staff
member, and drives each page with wrk at ``--connections`` for ``--duration`` seconds. For each
page: requests per second, median and 99th-percentile latency, errors, and throughput as a share
of the baseline (``/about/``: the base template and fixed text). Then all seven pages at once,
mixed, for ``--mixed`` seconds (the whole centre at once: errors must be zero), and the peak
resident memory of a gunicorn worker. The search and both dashboards are measured again on a
tenth of the data, to show how their cost grows with it. On PostgreSQL it also writes the query
plans (EXPLAIN ANALYZE) of the searches. Prints the tables and writes them to bench/results/.

    sudo apt-get install wrk        # once
    .venv/bin/python bench/load.py                       # SQLite and PostgreSQL, full run
    .venv/bin/python bench/load.py --only sqlite --scale 0.1 --duration 5 --mixed 10   # a quick look
"""

import argparse
import contextlib
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from _harness import ROOT, fresh_database, gunicorn_serving, proc_status_mb, signed_in_cookie
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
    # Fresh statistics and merged GIN entries, as a running site has them (PostgreSQL's
    # autovacuum; SQLite's "optimize" when a connection opens).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"interview": mine[0].pk, "professional": mine[0].professional_id}


def gunicorn_workers(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


def workers_peak_mb(master: int) -> float:
    """The largest peak resident memory among gunicorn's workers so far."""
    return max((proc_status_mb(pid, "VmHWM") or 0 for pid in gunicorn_workers(master)), default=0)


def wrk(url: str, cookie: str, connections: int, duration: int, script=None) -> dict:
    extra = ["-s", str(script)] if script else ["-H", f"Cookie: {cookie}"]
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            *extra,
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


PAGES = [
    ("baseline (about page)", "student", "/about/"),
    ("student binder search", "student", "/professionals/?q=pro+12"),
    ("professional profile", "student", "/professionals/{professional}/"),
    ("student dashboard", "student", "/"),
    ("interview workspace", "student", "/interviews/{interview}/"),
    ("staff binder list", "staff", "/binder/"),
    ("staff dashboard", "staff", "/staff/insight/"),
]
# Measured again on a tenth of the data: the pages whose cost could grow with it.
GROWTH = ["baseline (about page)", "student binder search", "student dashboard", "staff dashboard"]

MIXED_SCRIPT = """
local paths = {%s}
local cookies = {%s}
local n = 0
request = function()
  n = n + 1
  local k = (n %% #paths) + 1
  return wrk.format("GET", paths[k], {["Cookie"] = cookies[k]})
end
"""


def explain_searches(out: Path) -> list[str]:
    """PostgreSQL's plans for the binder searches, as the list pages run them with the
    benchmark's data: the same rows, counted the same way, in the same order."""
    from apps.contacts.queries import (
        staff_professionals,
        student_professionals,
        with_load_this_month,
    )
    from apps.contacts.search import by_name
    from apps.contacts.views.staff import ROW_FIELDS
    from apps.contacts.views.student import CARD_FIELDS

    def student_page(q):
        matching = student_professionals({"q": q, "available": True})
        ordered = with_load_this_month(matching).order_by(
            *by_name(q, matches=matching.order_by().count())
        )
        return ordered.values_list(*CARD_FIELDS)[:20]

    def staff_page(q):
        matching = staff_professionals({"q": q})
        ordered = matching.select_related(None).order_by(
            *by_name(q, matches=matching.order_by().count())
        )
        return ordered.values_list(*ROW_FIELDS)[:25]

    cases = [
        ("student search, q='pro 12', first page", student_page("pro 12")),
        ("student search, q='pro 12', count", None),
        ("student search, q='analyst', first page", student_page("analyst")),
        ("staff binder, everyone by name, first page", staff_page("")),
        ("staff binder, q='pro 12', first page", staff_page("pro 12")),
    ]
    text, summary = [], []
    for label, queryset in cases:
        if queryset is None:
            queryset = student_professionals({"q": "pro 12", "available": True}).values("pk")
            plan = queryset.explain(analyze=True, buffers=True)  # the plan under the COUNT
        else:
            plan = queryset.explain(analyze=True, buffers=True)
        text += [f"== {label}", plan, ""]
        timing = re.search(r"Execution Time: ([\d.]+) ms", plan)
        scans = sorted(
            set(
                re.findall(
                    r"(Index Scan|Index Only Scan|Bitmap Index Scan|Seq Scan) "
                    r"(?:Backward )?(?:using (\w+) )?on (\w+)",
                    plan,
                )
            )
        )
        used = ", ".join(
            f"{kind}{' ' + index if index else ''} on {table}" for kind, index, table in scans
        )
        summary.append(f"- {label}: {timing.group(1) if timing else '?'} ms ({used})")
    out.write_text("\n".join(text))
    return summary


@contextlib.contextmanager
def mixed_script(pages: list[tuple[str, str, str]], cookies: dict[str, str]):
    """wrk's script for the ``pages`` mixed, each requested with its signed-in cookie. It holds
    session cookies: it lives only as long as the ``with`` block that runs wrk."""
    with tempfile.TemporaryDirectory(prefix="wrk-") as scratch:
        script = Path(scratch) / "mixed.lua"
        script.write_text(
            MIXED_SCRIPT
            % (
                ", ".join(f'"{path}"' for _, _, path in pages),
                ", ".join(f'"{cookies[who]}"' for _, who, _ in pages),
            )
        )
        yield script


def signed_in_cookies(base: str) -> dict[str, str]:
    """The Cookie headers of the student and the member of staff ``build`` makes."""
    return {
        who: signed_in_cookie(base, f"{who}@example.edu", PASSWORD) for who in ("student", "staff")
    }


def serve_and_measure(vendor, scale, names, args) -> dict:
    """Build the data at ``scale``, serve it, and measure the pages called ``names``."""
    ids = build(scale)
    explained = []
    if vendor == "postgresql" and scale == args.scale:
        explained = explain_searches(ROOT / "bench" / "results" / "explain-postgresql.txt")
    with gunicorn_serving() as web:
        cookies = signed_in_cookies(web.base)
        pages = [(label, who, path.format(**ids)) for label, who, path in PAGES if label in names]
        rows, peak = {}, 0.0
        for label, who, path in pages:
            rows[label] = wrk(web.base + path, cookies[who], args.connections, args.duration)
            peak = max(peak, workers_peak_mb(web.process.pid))
        mixed = None
        if args.mixed and scale == args.scale:
            with mixed_script(pages, cookies) as script:
                mixed = wrk(web.base + "/", "", args.connections, args.mixed, script=script)
            peak = max(peak, workers_peak_mb(web.process.pid))
    return {
        "rows": rows,
        "peak": peak,
        "workers": web.workers,
        "mixed": mixed,
        "explained": explained,
    }


def table(run, scale) -> list[str]:
    baseline = run["rows"]["baseline (about page)"]["rps"]
    lines = [
        f"Scale {scale:g}: {run['workers']} gunicorn workers, 50 connections",
        "",
        "| page | req/s | median ms | p99 ms | errors | share of baseline |",
        "|---|---|---|---|---|---|",
    ]
    for label, f in run["rows"].items():
        lines.append(
            f"| {label} | {f['rps']:.0f} | {f['p50']:.1f} | {f['p99']:.1f} | {f['errors']} "
            f"| {f['rps'] / baseline:.0%} |"
        )
    return lines


def measure(args):
    """One database (the one Django is configured with): full size, then a tenth."""
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    with fresh_database() as vendor:
        full = serve_and_measure(vendor, args.scale, [label for label, _, _ in PAGES], args)
    with fresh_database():
        tenth = serve_and_measure(vendor, args.scale / 10, GROWTH, args)
    lines = [f"## Load on {vendor}", ""] + table(full, args.scale) + [""]
    if full["mixed"]:
        m = full["mixed"]
        lines.append(
            f"All seven pages mixed, {args.connections} connections for {args.mixed} s: "
            f"{m['rps']:.0f} req/s, median {m['p50']:.1f} ms, p99 {m['p99']:.1f} ms, "
            f"**{m['errors']} errors**"
        )
        lines.append("")
    lines.append(
        f"Peak resident memory of a gunicorn worker: {max(full['peak'], tenth['peak']):.0f} MB"
    )
    lines.append("")
    lines += table(tenth, args.scale / 10) + [""]
    lines += [
        "Cost growth from a tenth to full size (cost = baseline req/s / page req/s, each in its own run):",
        "",
    ]
    for label in GROWTH[1:]:
        cost_full = full["rows"]["baseline (about page)"]["rps"] / full["rows"][label]["rps"]
        cost_tenth = tenth["rows"]["baseline (about page)"]["rps"] / tenth["rows"][label]["rps"]
        lines.append(f"- {label}: {cost_full / cost_tenth:.2f}x")
    if full["explained"]:
        lines += ["", "PostgreSQL plans for the searches (bench/results/explain-postgresql.txt):"]
        lines += full["explained"]
    text = "\n".join(lines)
    print(text, flush=True)
    (results / f"load-{vendor}.md").write_text(text + "\n")


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=2).close()
    except OSError:
        return None
    return "postgres://postgres@127.0.0.1:5432/careers_bench"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--mixed", type=int, default=60, help="seconds of all pages at once")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: sudo apt-get install wrk")
    if args.only:
        measure(args)
        return
    # Each database in its own process: Django's settings are fixed once it starts.
    passed = [a for a in sys.argv[1:]]
    runs = [("sqlite", {k: v for k, v in os.environ.items() if k != "DATABASE_URL"})]
    url = postgres_url()
    if url:
        runs.append(("postgresql", {**os.environ, "DATABASE_URL": url}))
    else:
        print("No PostgreSQL answering on 127.0.0.1:5432: SQLite only.", flush=True)
    failed = 0
    for vendor, env in runs:
        failed |= subprocess.call([sys.executable, __file__, *passed, "--only", vendor], env=env)
    sys.exit(failed)


if __name__ == "__main__":
    main()
