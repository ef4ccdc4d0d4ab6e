"""Shared set-up for the benchmarks: Django configured, a fresh database for the run, and the
site served by gunicorn over it with signed-in clients."""

import contextlib
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# whitenoise notes that collectstatic has not run; the benchmarks do not serve static files.
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402


@contextlib.contextmanager
def fresh_database():
    """Create a migrated throwaway database (test_<name>), yield its vendor, then drop it."""
    scratch = None
    if connection.vendor == "sqlite":
        scratch = tempfile.mkdtemp(prefix="bench-")
        connection.settings_dict["TEST"]["NAME"] = os.path.join(scratch, "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def database_url() -> str:
    """DATABASE_URL of the benchmark's database, for the processes a benchmark starts."""
    from tests.support.database import database_url as url

    return url()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    base: str  # http://127.0.0.1:<port>
    process: subprocess.Popen  # gunicorn's master
    workers: int


@contextlib.contextmanager
def gunicorn_serving(*, workers: int | None = None):
    """Serve the benchmark's database as production does (gunicorn, DEBUG off, static files
    collected; 2 x cores + 1 workers unless told), ready to answer; stop it afterwards."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    connection.close()  # gunicorn's workers open their own
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workers = workers or 2 * (os.cpu_count() or 1) + 1
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", str(workers)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
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
        yield Served(base=base, process=web, workers=workers)
    finally:
        web.terminate()
        web.wait(timeout=30)


def signed_in_opener(base: str, email="student@example.edu", password="demo-pass-2026"):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": email,
            "password": password,
        }
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/sign-in/", data=data, headers={"Referer": f"{base}/accounts/sign-in/"}
    )
    opener.open(request).read()
    assert any(cookie.name == "sessionid" for cookie in jar), f"sign-in as {email} failed"
    opener.handlers_cookiejar = jar
    return opener


def signed_in_cookie(base: str, email: str, password: str) -> str:
    """A Cookie header of a fresh session signed in as ``email``, for wrk."""
    jar = signed_in_opener(base, email, password).handlers_cookiejar
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def proc_status_mb(pid: int, field: str) -> float | None:
    """A memory figure of a running process from /proc/<pid>/status, in MB: VmHWM (peak
    resident) or RssAnon (its own heap and stacks, now)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def timed(function, *, repeat: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, n={len(samples)}"
