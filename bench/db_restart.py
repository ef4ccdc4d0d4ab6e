"""Restart PostgreSQL under load and watch the site and the worker recover on their own.

Seeds the demo into a throwaway PostgreSQL database, starts gunicorn (DEBUG off, two workers)
and the looping worker, signs in the demo student, and keeps several clients requesting the
student's home page and /healthz. A few seconds in, PostgreSQL is stopped for a few seconds
and started again. Every answer is classed as before, during and after the gap: the site must
answer 503 (never 500) while the database is away and 200 again once it is back, with no
manual step, and the worker must still be running and deliver an e-mail queued afterwards.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/careers .venv/bin/python bench/db_restart.py

Needs to be allowed to run ``pg_ctlcluster`` (root on these machines).
"""

import collections
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from _harness import ROOT, database_url, free_port, fresh_database, signed_in_opener

GAP_SECONDS = 5
PORT = 8765


def cluster() -> tuple[str, str]:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return version, "main"


def pg(action: str) -> None:
    version, name = cluster()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
        check=True,
        capture_output=True,
    )


def status_of(opener, url: str) -> int:
    try:
        with opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return 0  # no answer at all


def main():
    if shutil.which("pg_ctlcluster") is None:
        raise SystemExit("needs pg_ctlcluster (Debian's PostgreSQL) to restart the server")
    with fresh_database() as vendor:
        if vendor != "postgresql":
            raise SystemExit("set DATABASE_URL to a PostgreSQL database")
        from django.core.management import call_command
        from django.db import connection

        call_command("seed_demo", verbosity=0)
        url = database_url()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        record = Path(f"/tmp/db-restart-mail-{os.getpid()}.log")
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "MAIL_DELIVERY_BACKEND": "tests.support.recording_backend.EmailBackend",
            "RECORD_MAIL_TO": str(record),
            "WORKER_IDLE_SECONDS": "0.5",
        }
        connection.close()
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "-v", "0"], cwd=ROOT, env=env
        )
        try:
            for _ in range(100):
                if status_of(urllib.request.build_opener(), f"{base}/healthz") == 200:
                    break
                time.sleep(0.2)
            opener = signed_in_opener(base)
            counts = {phase: collections.Counter() for phase in ("before", "gap", "after")}
            phase = ["before"]
            stop = threading.Event()

            def client():
                while not stop.is_set():
                    for path in ("/", "/healthz"):
                        code = status_of(opener, base + path)
                        counts[phase[0]][code] += 1
                    time.sleep(0.02)

            threads = [threading.Thread(target=client) for _ in range(4)]
            for thread in threads:
                thread.start()
            time.sleep(5)
            phase[0] = "gap"
            pg("stop")
            time.sleep(GAP_SECONDS)
            pg("start")
            # Answers in the first moments after the start still belong to the gap: the
            # server accepts connections a moment after pg_ctlcluster returns.
            time.sleep(2)
            phase[0] = "after"
            time.sleep(10)
            stop.set()
            for thread in threads:
                thread.join()

            # The worker lived through it and still delivers.
            from apps.core.mail import email_send

            email_send(
                name="confirm_email", to=["after-restart@example.edu"], context={"link": "x"}
            )
            delivered = False
            for _ in range(60):
                if record.exists() and "after-restart@example.edu" in record.read_text():
                    delivered = True
                    break
                time.sleep(0.5)
            worker_alive = worker.poll() is None
            sent = delivered
        finally:
            for process in (web, worker):
                process.send_signal(signal.SIGTERM)
            for process in (web, worker):
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            record.unlink(missing_ok=True)
            connection.close()

        print(f"database restart under load ({GAP_SECONDS} s without PostgreSQL), 4 clients:")
        for name, counter in counts.items():
            answers = ", ".join(
                f"{code or 'no answer'}: {n}" for code, n in sorted(counter.items())
            )
            print(f"  {name:>6}: {answers}")
        print(f"  worker still running: {worker_alive}; delivered an e-mail queued after: {sent}")
        bad = counts["before"].keys() - {200} or counts["after"].keys() - {200}
        bad = bad or counts["gap"].keys() - {200, 503}
        if bad or not worker_alive or not sent:
            raise SystemExit(f"FAILED: unexpected answers {sorted(bad)}")
        print("  recovered without manual action: yes")


if __name__ == "__main__":
    main()
