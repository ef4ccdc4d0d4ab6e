import socket
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.core.mail import email_send
from apps.core.models import QueuedEmail

pytestmark = pytest.mark.django_db


def test_email_send_renders_the_triplet_and_only_queues(run_worker, student):
    queued = email_send(
        name="confirm_email", to=[student.email], context={"user": student, "link": "http://x/y"}
    )
    assert queued.status == QueuedEmail.Status.QUEUED
    assert queued.subject.startswith("Confirm your address")
    assert "http://x/y" in queued.body
    assert mail.outbox == []

    assert run_worker() == 1
    delivered = mail.outbox[0]
    assert delivered.to == [student.email]
    mime = delivered.message().as_string()
    assert "text/html" in mime and "text/plain" in mime
    assert '<a href=3D"http://x/y">' in mime or '<a href="http://x/y">' in mime
    queued.refresh_from_db()
    assert queued.status == QueuedEmail.Status.SENT and queued.sent_at is not None
    assert run_worker() == 0  # nothing is delivered twice


def test_djangos_own_send_mail_is_queued_too(run_worker):
    from django.core.mail import send_mail

    send_mail("Plain", "Body", None, ["someone@example.edu"])
    assert QueuedEmail.objects.get().subject == "Plain"
    assert mail.outbox == []
    call_command("worker", "--once", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Plain"]


def test_password_reset_is_queued_until_the_worker_runs(client, student, run_worker):
    client.post(reverse("accounts:password_reset"), {"email": student.email})
    assert QueuedEmail.objects.get().recipients == [student.email]
    assert mail.outbox == []
    run_worker()
    body = mail.outbox[0].body
    path = body[body.index("http://testserver") + len("http://testserver") :].split()[0]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "A-new-long-passphrase", "new_password2": "A-new-long-passphrase"},
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("A-new-long-passphrase")


class RefusingHandler:
    """Accepts mail except for addresses containing 'refuse', which get a 550."""

    def __init__(self):
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "refuse" in address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = RefusingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


def test_smtp_refusals_are_retried_with_backoff_then_shown_to_staff(
    smtp_server, settings, staff_client, run_worker
):
    settings.MAIL_MAX_ATTEMPTS = 3
    settings.MAIL_RETRY_SECONDS = 60
    for to in ["ok1@example.edu", "refuse@example.edu", "ok2@example.edu"]:
        email_send(name="confirm_email", to=[to], context={"user": None, "link": "http://x"})
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert run_worker() == 3
        assert sorted(r[0][0] for r in smtp_server.received) == [
            "ok1@example.edu",
            "ok2@example.edu",
        ]
        refused = QueuedEmail.objects.get(recipients=["refuse@example.edu"])
        assert refused.status == QueuedEmail.Status.QUEUED
        assert refused.attempts == 1 and "550" in refused.last_error
        assert refused.next_attempt_at == start + timedelta(seconds=60)

        assert run_worker() == 0  # not due yet: back-off
        clock.move_to(start + timedelta(seconds=61))
        assert run_worker() == 1
        refused.refresh_from_db()
        assert refused.attempts == 2
        assert refused.next_attempt_at == start + timedelta(seconds=61 + 120)

        clock.move_to(start + timedelta(seconds=61 + 121))
        assert run_worker() == 1
        refused.refresh_from_db()
        assert refused.status == QueuedEmail.Status.FAILED and refused.attempts == 3
        clock.move_to(start + timedelta(days=1))
        assert run_worker() == 0  # failed e-mails wait for a person

    page = staff_client.get(reverse("mail_queue")).content.decode()
    assert "refuse@example.edu" in page and "Failed" in page and "550" in page
    assert "1 failed to send" in staff_client.get(reverse("home")).content.decode()

    response = staff_client.post(reverse("mail_retry", args=[refused.pk]))
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.status == QueuedEmail.Status.QUEUED and refused.attempts == 0
    assert len(smtp_server.received) == 2  # each good e-mail once, none twice


def test_smtp_server_down_is_recorded_not_raised(settings, run_worker):
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    email_send(name="confirm_email", to=["a@example.edu"], context={"user": None, "link": "x"})
    assert run_worker() == 1
    queued = QueuedEmail.objects.get()
    assert queued.status == QueuedEmail.Status.QUEUED and queued.attempts == 1
    assert "Connection refused" in queued.last_error or "Errno" in queued.last_error


def test_queue_page_shows_times_in_the_viewers_zone(staff, staff_client):
    staff.time_zone = "America/New_York"
    staff.save()
    QueuedEmail.objects.create(
        from_email="a@example.edu",
        recipients=["b@example.edu"],
        subject="Later",
        message="x",
        next_attempt_at=datetime(2026, 7, 1, 16, 0, tzinfo=UTC),
    )
    page = staff_client.get(reverse("mail_queue")).content.decode()
    assert "1 Jul 2026, 12:00" in page


def test_a_claimed_batch_is_hidden_from_other_workers_until_handed_back(settings):
    from apps.core.mail import _Claims

    settings.MAIL_CLAIM_SECONDS = 60
    for n in range(5):
        email_send(name="confirm_email", to=[f"c{n}@example.edu"], context={"link": "x"})
    first, second = _Claims(), _Claims()
    mine = first.claim(3)
    theirs = second.claim(3)
    assert len(mine) == 3 and len(theirs) == 2
    assert not {e.pk for e in mine} & {e.pk for e in theirs}
    assert second.claim(3) == []  # everything is claimed
    first.release(mine[1:])
    assert sorted(e.pk for e in second.claim(3)) == [e.pk for e in mine[1:]]
