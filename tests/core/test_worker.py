import pytest
from django.core import mail
from django.core.management import call_command

from apps.core.mail import email_send

pytestmark = pytest.mark.django_db


def exploding_job(*, stop):
    raise RuntimeError("boom")


def test_a_failing_job_is_logged_and_the_others_still_run(settings, caplog):
    settings.WORKER_JOBS = ["tests.core.test_worker.exploding_job", "apps.core.mail.deliver_due"]
    email_send(name="confirm_email", to=["a@example.edu"], context={"user": None, "link": "x"})
    call_command("worker", "--once", verbosity=0)
    assert len(mail.outbox) == 1
    assert "job tests.core.test_worker.exploding_job failed" in caplog.text
