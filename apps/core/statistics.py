"""The query planner's statistics on SQLite.

PostgreSQL keeps its own (autovacuum analyses tables as they change). SQLite has none until
someone runs ANALYZE, and without them it guesses: for a binder search it walked every active
professional and checked each against the matches, 4 ms, instead of looking up the few hundred
matches, under 1 ms (found by the load benchmark). The worker refreshes them hourly; a sampled
ANALYZE (``analysis_limit``) takes milliseconds even on a large database.
"""

from collections.abc import Callable
from datetime import timedelta

from django.db import connection

from .schedule import job_due


def refresh_sqlite_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")


def sqlite_statistics_job(*, stop: Callable[[], bool] = lambda: False) -> int:
    """The worker's step: at most once an hour, and only on SQLite."""
    if connection.vendor != "sqlite" or stop():
        return 0
    if not job_due("core.sqlite-statistics", every=timedelta(hours=1)):
        return 0
    refresh_sqlite_statistics()
    return 0
