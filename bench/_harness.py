"""Shared set-up for the benchmarks: Django configured, and a fresh database for the run."""

import contextlib
import os
import statistics
import sys
import tempfile
import time
import warnings
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
