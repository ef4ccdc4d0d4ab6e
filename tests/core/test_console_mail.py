"""In development (consolemail://) the worker prints one line per e-mail, with its links, so
the first run's demo e-mail does not bury the demo logins under whole MIME messages."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from apps.core.mail import email_send

pytestmark = pytest.mark.django_db


def test_each_delivered_email_is_one_line_with_recipient_subject_and_links(
    settings, run_worker, capsys
):
    settings.MAIL_DELIVERY_BACKEND = "apps.core.console_mail.SummaryConsoleBackend"
    for n in range(3):
        email_send(
            name="confirm_email",
            to=[f"new{n}@example.edu"],
            context={"user": None, "link": f"http://127.0.0.1:8000/confirm/token-{n}/"},
        )
    assert run_worker() == 3
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for n, line in enumerate(lines):
        assert line.startswith(f"E-mail to new{n}@example.edu: ")
        assert f"http://127.0.0.1:8000/confirm/token-{n}/" in line
    printed = "\n".join(lines)
    assert "Content-Type" not in printed and "<html" not in printed and "MIME" not in printed


def test_consolemail_implies_the_one_line_backend():
    env = {**os.environ, "EMAIL_URL": "consolemail://", "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("MAIL_DELIVERY_BACKEND", None)
    code = "import django; django.setup(); from django.conf import settings; print(settings.MAIL_DELIVERY_BACKEND)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "apps.core.console_mail.SummaryConsoleBackend"
