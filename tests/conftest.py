"""Personas and factories shared by every test."""

import itertools
import os
import re
import shutil
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from apps.accounts.models import StudentProfile, User
from apps.core.mail import deliver_due

PASSWORD = "correct-horse-battery-staple"
BROWSER_RESULTS = Path(__file__).resolve().parents[1] / "test-results" / "browser"


def pytest_configure(config):
    """Parallel workers (pytest-xdist) each get their own Redis database.

    Tests empty the cache before they start; on a shared Redis database one worker's emptying
    would wipe what another worker's test had just kept. Each worker counts down from the
    configured database number (gw0 keeps it, gw1 takes the one below), in this process and in
    the servers its tests start.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("CACHE_URL", "")
    found = re.fullmatch(r"(rediss?://.+/)(\d+)", url)
    if not worker or not found:
        return
    from django.conf import settings

    database = int(found[2]) - int(worker.removeprefix("gw"))
    if database < 0:
        raise pytest.UsageError(f"{url} leaves no Redis database for worker {worker}")
    os.environ["CACHE_URL"] = f"{found[1]}{database}"
    for cache in settings.CACHES.values():
        if str(cache.get("LOCATION", "")) == url:
            cache["LOCATION"] = os.environ["CACHE_URL"]


def pytest_sessionstart(session):
    """Each run leaves only its own browser screenshots and HTML behind: emptied once, by the
    process that starts the run (not by each parallel worker, which would empty the others')."""
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(BROWSER_RESULTS, ignore_errors=True)


_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The staff dashboard keeps its figures in the cache: no test sees another's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _queued_mail(settings):
    """Keep the product's own mail path in tests: queue first, locmem only when delivered."""
    settings.EMAIL_BACKEND = "apps.core.mail.QueuedEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "http://testserver"


def make_user(*, role=User.Role.STUDENT, email=None, full_name=None, password=PASSWORD, **fields):
    n = next(_numbers)
    fields.setdefault("email_confirmed_at", "2026-01-01T00:00:00Z")
    user = User.objects.create_user(
        email=email or f"person{n}@example.edu",
        password=password,
        full_name=full_name or f"Person {n}",
        role=role,
        **fields,
    )
    if role == User.Role.STUDENT:
        StudentProfile.objects.create(user=user, programme="BSc Testing")
    return user


@pytest.fixture
def student(db):
    return make_user(full_name="Stella Student")


@pytest.fixture
def other_student(db):
    return make_user(full_name="Otto Other")


@pytest.fixture
def staff(db):
    return make_user(role=User.Role.STAFF, full_name="Sam Staff")


@pytest.fixture
def inactive_user(db):
    return make_user(full_name="Ian Inactive", is_active=False)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def student_client(student):
    return client_for(student)


@pytest.fixture
def staff_client(staff):
    return client_for(staff)


@pytest.fixture
def run_worker():
    """One pass of the mail worker, in this process; returns how many e-mails it handled."""
    return deliver_due


# Every property test runs from a fixed seed unless it says otherwise: the same examples on
# every run and every machine (HYPOTHESIS_PROFILE=explore draws fresh ones locally).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("explore", derandomize=False, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_terminal_summary(terminalreporter):
    """The coach's recall and precision per kind, whenever its corpus test ran (CI logs)."""
    ran = any(
        "test_coach_corpus.py" in getattr(report, "nodeid", "")
        for reports in terminalreporter.stats.values()
        for report in reports
    )
    if not ran:
        return
    terminalreporter.section("the coach, measured")
    try:
        from tests.questions.corpus import report as coach_report

        lines = coach_report()
    except Exception as error:  # the test itself reports the failure; the summary says why
        lines = [f"not measured: {error!r}"]
    for line in lines:
        terminalreporter.write_line(line)
