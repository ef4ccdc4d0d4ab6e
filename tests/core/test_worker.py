import pytest
from django.core import mail
from django.core.management import call_command

from apps.core.mail import email_send
from apps.core.signals import answer, worker_jobs_wanted

pytestmark = pytest.mark.django_db


def exploding_job(*, stop):
    raise RuntimeError("boom")


@pytest.fixture
def an_app_with_a_broken_job():
    answer(worker_jobs_wanted, lambda: [exploding_job], uid="test-broken-job")
    yield
    worker_jobs_wanted.disconnect(dispatch_uid="test-broken-job")


def test_a_failing_job_is_logged_and_the_others_still_run(an_app_with_a_broken_job, caplog):
    email_send(name="confirm_email", to=["a@example.edu"], context={"user": None, "link": "x"})
    call_command("worker", "--once", verbosity=0)
    assert len(mail.outbox) == 1
    assert "job tests.core.test_worker.exploding_job failed" in caplog.text


def test_every_apps_jobs_run_before_delivery_and_the_demo_seeds_lowest_app_first():
    from apps.core.signals import answers, demo_seed_wanted

    jobs = [
        f"{job.__module__}.{job.__name__}" for found in answers(worker_jobs_wanted) for job in found
    ]
    assert jobs == [
        "apps.accounts.privacy.purge_notes_of_leavers",
        "apps.contacts.services.reconsent.binder_housekeeping_job",
        "apps.interviews.services.binder_events.expire_due_requests",
        "apps.interviews.services.preparing.deliver_waiting_requests",
        "apps.reminders.services.mailing.queue_due_reminders",
    ]
    receivers = [entry[0][0] for entry in demo_seed_wanted.receivers]
    assert receivers == [
        "accounts-demo",
        "binder-demo",
        "questions-demo",
        "interviews-demo",
        "reminders-demo",
        "network-demo",  # the students' own people: after the accounts they belong to
    ]
