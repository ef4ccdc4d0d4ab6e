from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from apps.contacts import services
from apps.contacts.models import Professional
from apps.core.models import QueuedEmail

from .factories import make_professional

pytestmark = pytest.mark.django_db


def test_yearly_reconsent_asks_once_then_pauses_after_30_days(capsys):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        old = make_professional(email="old@x.example", consent_at=start - timedelta(days=370))
        fresh = make_professional(email="fresh@x.example", consent_at=start - timedelta(days=30))
        make_professional(
            email="never@x.example", consent_at=start - timedelta(days=900), status="do_not_contact"
        )

        call_command("request_reconsent")
        assert "Asked 1 professional(s)" in capsys.readouterr().out
        assert list(QueuedEmail.objects.values_list("recipients", flat=True)) == [["old@x.example"]]
        call_command("request_reconsent")
        assert QueuedEmail.objects.count() == 1  # asked once, not every run

        clock.move_to(start + timedelta(days=29))
        call_command("request_reconsent")
        old.refresh_from_db()
        assert old.status == "active"

        clock.move_to(start + timedelta(days=31))
        call_command("request_reconsent")
        old.refresh_from_db()
        fresh.refresh_from_db()
        assert old.status == "paused" and fresh.status == "active"


def test_answering_the_link_renews_consent_and_stops_the_pause():
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        old = make_professional(consent_at=start - timedelta(days=370))
        services.reconsent_request_due()
        clock.move_to(start + timedelta(days=3))
        old.refresh_from_db()
        services.consent_record(professional=old, method="email", terms="Re-confirmed")
        clock.move_to(start + timedelta(days=40))
        services.reconsent_pause_unanswered()
        old.refresh_from_db()
        assert old.status == Professional.Status.ACTIVE


def test_worker_housekeeping_runs_at_most_hourly():
    make_professional(consent_at=timezone.now() - timedelta(days=370))
    assert services.binder_housekeeping_job() == 1
    make_professional(consent_at=timezone.now() - timedelta(days=370))
    assert services.binder_housekeeping_job() == 0
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert services.binder_housekeeping_job() == 1


def test_a_professional_another_worker_asked_meanwhile_is_not_asked_twice(monkeypatch):
    """Two workers can read the same due list; each row is claimed as it is at that moment."""
    year_ago = timezone.now() - timedelta(days=400)
    first = make_professional(email="first@x.example", consent_at=year_ago)
    second = make_professional(email="second@x.example", consent_at=year_ago)
    real_send = services.reconsent.email_send
    other = {first.email: second, second.email: first}
    calls = []

    def send_while_the_other_worker_asks_the_other(**kwargs):
        # While this worker sends its first e-mail, the other worker asks the other person.
        if not calls:
            theirs = other[kwargs["to"][0]]
            Professional.objects.filter(pk=theirs.pk).update(reconsent_requested_at=timezone.now())
            real_send(name="reconsent", to=[theirs.email], context=kwargs["context"])
        calls.append(kwargs["to"])
        return real_send(**kwargs)

    monkeypatch.setattr(
        services.reconsent, "email_send", send_while_the_other_worker_asks_the_other
    )
    assert services.reconsent_request_due() == 1
    sent = sorted(r for (r,) in QueuedEmail.objects.values_list("recipients"))
    assert sent == [["first@x.example"], ["second@x.example"]]  # each once
