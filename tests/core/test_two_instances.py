"""Past one machine: two gunicorn instances and two workers over one PostgreSQL database.

Each instance is a separate gunicorn started as a deployment would start it (DJANGO_ENV=
production, so no .env is read and the manifest static storage is used; plain HTTP on
loopback, so HTTPS=false). They share only what the README's Scaling section says app servers
must share: SECRET_KEY, DATABASE_URL and SITE_URL. Requests go over real sockets with the
standard library's HTTP client, so the CSRF and session cookies travel as in a browser.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from django.conf import global_settings
from django.db import connection
from django.utils import timezone

from apps.core.models import QueuedEmail
from apps.interviews import services
from apps.interviews.models import Interview
from apps.reminders.models import Reminder

from ..conftest import PASSWORD, make_user
from ..contacts.factories import make_professional
from ..interviews.helpers import sent_interview
from ..support.database import database_url
from .test_mail_workers import ROOT, deliveries, queue, start_worker

pytestmark = [
    pytest.mark.postgres,
    # One worker runs this module: its servers and collectstatic are made once.
    pytest.mark.xdist_group("gunicorn"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="several processes on one database"
    ),
]

SECRET_KEY = "two-instances-test-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG"


def work_waiting() -> bool:
    """Mail not yet sent, or a due reminder not yet turned into mail."""
    return (
        QueuedEmail.objects.exclude(status="sent").exists()
        or Reminder.objects.to_email(timezone.now()).exists()
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env() -> dict:
    return {
        **os.environ,
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "SITE_URL": "http://127.0.0.1",
        # Plain HTTP on loopback: no HTTPS redirect, no Secure-only cookies, no HSTS.
        "HTTPS": "false",
        "LOG_LEVEL": "WARNING",
    }


class Instance:
    def __init__(self, base: str, process: subprocess.Popen, log):
        self.base, self.process, self.log = base, process, log

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="module")
def instances(django_db_setup, tmp_path_factory):
    """Two gunicorn instances on free ports over the test database, ready; shared by this
    module's tests and terminated however they end."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    env = production_env()
    # The manifest storage needs collected static files; incremental after the first run.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    started = []
    try:
        for name in "AB":
            port = free_port()
            log = open(tmp_path / f"gunicorn-{name}.log", "w")  # noqa: SIM115 - closed below
            process = subprocess.Popen(
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
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            started.append(Instance(f"http://127.0.0.1:{port}", process, log))
        for instance in started:
            wait_until_ready(instance)
        yield started
    finally:
        for instance in started:
            instance.process.terminate()
        for instance in started:
            try:
                instance.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                instance.process.kill()
                instance.process.wait()
            instance.log.close()


def wait_until_ready(instance: Instance, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(instance.url("/healthz"), timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    instance.log.flush()
    log = open(instance.log.name).read()  # noqa: SIM115
    raise AssertionError(f"gunicorn at {instance.base} did not become ready:\n{log}")


class Browser:
    """A cookie jar and the standard library's HTTP client: what a browser sends, minus the UI.
    Cookies do not depend on the port, so one jar is sent to both instances, like one browser
    sent to either server by a load balancer."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str):
        return self._open(urllib.request.Request(url))

    def post_form(self, url: str, form_page: str, data: dict):
        """POST ``data`` with the CSRF token from ``form_page``, following the redirect."""
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page)
        assert match, f"no form on the page:\n{form_page[:2000]}"
        token = match.group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        return self._open(urllib.request.Request(url, data=body, headers={"Referer": url}))

    def _open(self, request):
        """(status, final URL, page); an error status is an answer here, not an exception."""
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()


def test_a_session_started_on_one_instance_is_valid_on_the_other(instances, settings):
    a, b = instances
    # The servers check passwords with the production hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    make_user(email="stella@example.edu", full_name="Stella Student")
    browser = Browser()
    _, _, form = browser.get(a.url("/accounts/sign-in/"))
    status, where, page = browser.post_form(
        a.url("/accounts/sign-in/"), form, {"username": "stella@example.edu", "password": PASSWORD}
    )
    assert status == 200 and where == a.url("/"), (status, where)
    assert "Stella" in page

    # The same cookie, to the other server: signed in there too, not sent to sign-in.
    status, where, page = browser.get(b.url("/accounts/profile/"))
    assert (status, where) == (200, b.url("/accounts/profile/"))
    assert "stella@example.edu" in page

    # Signing out on B ends the session on A as well: it lived in the shared database.
    _, _, page = browser.get(b.url("/"))
    status, where, _ = browser.post_form(b.url("/accounts/sign-out/"), page, {})
    assert (status, where) == (200, b.url("/accounts/sign-in/"))
    _, where, _ = browser.get(a.url("/accounts/profile/"))
    assert where.startswith(a.url("/accounts/sign-in/")), where


def accept(instance: Instance, token: str, slot: int, barrier: threading.Barrier):
    """The professional opens the link on ``instance`` and accepts a proposed time at the
    same moment as another request elsewhere."""
    browser = Browser()
    _, _, page = browser.get(instance.url(f"/respond/{token}/"))
    barrier.wait(timeout=30)
    return browser.post_form(
        instance.url(f"/respond/{token}/accept/"),
        page,
        {"proposed_time": slot, "where": "https://meet.example/two"},
    )


def fire_at_once(*calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(n, instance, token, slot):
        try:
            results[n] = accept(instance, token, slot, barrier)
        except BaseException as error:  # noqa: BLE001 - reported by the test, not the thread
            barrier.abort()
            results[n] = error

    calls = [
        (instance, services.professional_token(i), i.proposed_times.order_by("starts_at")[0].pk)
        for instance, i in calls
    ]

    threads = [threading.Thread(target=run, args=(n, *call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


CONFIRMED = "The conversation is confirmed."
# The loser is sent back to the link's page with why (the second wording is the exclusion
# constraint's, should a booking ever get past the row locks).
TAKEN = (
    "That time is already taken by another confirmed interview.",
    "That time has just been taken.",
)
USED = "This request has already been answered or changed since this e-mail was sent."


def test_conflicting_accepts_on_two_instances_book_once_and_workers_deliver_once(
    instances, tmp_path, settings
):
    a, b = instances
    # This process writes the professionals' links, so it signs them with the servers' key.
    settings.SECRET_KEY = SECRET_KEY
    record = tmp_path / "delivered.log"
    queue(60)  # e-mail already waiting, so both workers have a share to take
    workers = [
        start_worker(
            record,
            RECORD_MAIL_DELAY=0.01,
            MAIL_CLAIM_BATCH=5,
            DJANGO_ENV="production",
            SECRET_KEY=SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1",
        )
        for _ in range(2)
    ]
    try:
        # Two students asked one professional for the same time; the professional accepts
        # both at once, one on each instance. Only one can have it.
        pro = make_professional(full_name="Priya Raman", monthly_capacity=5)
        first = sent_interview(make_user(), pro)
        second = sent_interview(make_user(), pro)
        results = fire_at_once((a, first), (b, second))
        assert all(status == 200 for status, _, _ in results), results
        pages = [page for _, _, page in results]
        assert sorted(CONFIRMED in p for p in pages) == [False, True]
        assert sum(any(t in p for t in TAKEN) for p in pages) == 1, (
            "the other is told the time is taken"
        )
        assert Interview.objects.filter(professional=pro, status="confirmed").count() == 1
        assert Interview.objects.filter(professional=pro, status="requested").count() == 1

        # The same link accepted twice at once, once through each instance.
        other = make_professional(full_name="Omar Osei", monthly_capacity=5)
        again = sent_interview(make_user(), other)
        results = fire_at_once((a, again), (b, again))
        assert sorted(status for status, _, _ in results) == [200, 410], results
        pages = [page for _, _, page in results]
        assert sum(CONFIRMED in p for p in pages) == 1, results
        assert sum(USED in p for p in pages) == 1, "the late one says the link was used"
        assert Interview.objects.get(pk=again.pk).status == "confirmed"

        # Both workers deliver, each e-mail exactly once: the 60 queued up front, the requests
        # and both confirmations (with their calendar files).
        # The workers also turn due reminders into mail (a meeting this soon has its reminders
        # due at once), so wait until neither mail nor a due reminder is left waiting.
        deadline = time.monotonic() + 20
        while work_waiting():
            assert time.monotonic() < deadline, "the workers did not deliver everything"
            time.sleep(0.1)
    finally:
        for worker in workers:
            worker.terminate()
        stopped = [(worker.communicate(timeout=30)[1], worker.returncode) for worker in workers]
    for err, code in stopped:
        assert code == 0, err  # SIGTERM: each finished what it held and stopped cleanly
    sent = Counter(",".join(e.recipients) for e in QueuedEmail.objects.all())
    delivered = deliveries(record)
    assert Counter(to for _, to in delivered) == sent
    assert sum(sent.values()) >= 60 + 3 + 4
    assert len({pid for pid, _ in delivered}) == 2, "both workers took a share"
