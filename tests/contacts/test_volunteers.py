import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services
from apps.contacts.models import AuditEntry, Organisation, Professional
from apps.core.models import QueuedEmail

from .factories import make_professional

pytestmark = pytest.mark.django_db
FORM = reverse("contacts:volunteer")


def offer(client=None, **overrides):
    data = {
        "full_name": "Wren Volunteer",
        "email": "Wren@Studio.example",
        "job_title": "Architect",
        "organisation_name": "Studio Wren",
        "time_zone": "Europe/Dublin",
        "monthly_capacity": 2,
        "accepts_video": "on",
        "offers_interviews": "on",
        "agree": "on",
        "talk_about": "Getting into architecture without a famous name.",
        **overrides,
    }
    return (client or Client()).post(FORM, data)


def link(run_worker, recipient):
    run_worker()
    body = [m for m in mail.outbox if recipient in m.to][-1].body
    return re.search(r"http://testserver(/\S+/)", body).group(1)


def test_volunteer_confirms_and_staff_approve(staff_client, run_worker):
    response = offer()
    assert response["Location"] == reverse("contacts:volunteer_thanks")
    wren = Professional.objects.get()
    assert (
        wren.status == "pending"
        and wren.source == "volunteer"
        and wren.email == "wren@studio.example"
    )
    assert wren.organisation.name == "Studio Wren" and wren.email_confirmed_at is None
    confirm = link(run_worker, "wren@studio.example")

    Client().get(confirm)
    wren.refresh_from_db()
    assert wren.email_confirmed_at is None  # GET changes nothing
    assert "Your address is confirmed" in Client().post(confirm).content.decode()
    wren.refresh_from_db()
    assert wren.email_confirmed_at is not None

    page = staff_client.get(reverse("contacts:volunteers")).content.decode()
    assert "Wren Volunteer" in page
    staff_client.post(reverse("contacts:volunteer_decide", args=[wren.pk, "approve"]))
    wren.refresh_from_db()
    assert wren.status == "active" and wren.consent_method == "form" and wren.consent_at
    assert "I agree to be listed" in wren.consent_terms
    assert QueuedEmail.objects.filter(
        recipients=["wren@studio.example"], subject__contains="binder"
    ).exists()


def test_unconfirmed_volunteer_cannot_be_approved(staff_client):
    offer()
    wren = Professional.objects.get()
    response = staff_client.post(
        reverse("contacts:volunteer_decide", args=[wren.pk, "approve"]), follow=True
    )
    assert "Wait until the volunteer has confirmed" in response.content.decode()
    wren.refresh_from_db()
    assert wren.status == "pending"


def test_turning_an_offer_down_keeps_nothing(staff_client):
    offer()
    wren = Professional.objects.get()
    staff_client.post(
        reverse("contacts:volunteer_decide", args=[wren.pk, "reject"]), {"confirm": "yes"}
    )
    assert not Professional.objects.filter(email="wren@studio.example").exists()


def test_honeypot_is_silently_dropped():
    response = offer(website="http://spam.example")
    assert response.status_code == 302
    assert not Professional.objects.exists() and not QueuedEmail.objects.exists()


def test_rate_limit_per_address():
    client = Client(REMOTE_ADDR="192.0.2.7")
    for n in range(5):
        offer(client, email=f"person{n}@example.org")
    response = offer(client, email="sixth@example.org")
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Professional.objects.count() == 5
    assert offer(Client(REMOTE_ADDR="192.0.2.8"), email="other@example.org").status_code == 302


def test_someone_already_in_the_binder_gets_their_listing_link(run_worker):
    make_professional(full_name="Known Person", email="known@firm.example")
    offer(email="known@firm.example")
    assert Professional.objects.count() == 1
    assert "/listing/" in link(run_worker, "known@firm.example")


def test_missing_agreement_and_bad_input_are_explained():
    response = offer(agree="", email="not an address", accepts_video="")
    page = response.content.decode()
    assert "Enter a valid email address" in page
    assert "Choose at least one way you are happy to talk" in page
    assert not Professional.objects.exists()


def test_tampered_volunteer_link_is_refused():
    offer()
    response = Client().post(reverse("contacts:volunteer_confirm", args=["bad:token"]))
    assert response.status_code == 400
    assert "expired or is not complete" in response.content.decode()


def _offered(email, organisation, *, days_ago, confirmed=False):
    """An offer made through the form ``days_ago`` days ago."""
    offer(Client(REMOTE_ADDR=f"198.51.100.{days_ago}"), email=email, organisation_name=organisation)
    professional = Professional.objects.get(email=email)
    Professional.objects.filter(pk=professional.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago),
        email_confirmed_at=timezone.now() - timedelta(days=days_ago) if confirmed else None,
    )
    return professional


def _mail_to(address):
    return [m for m in QueuedEmail.objects.all() if address in m.recipients]


def test_the_worker_deletes_offers_never_confirmed_after_fourteen_days():
    gone = _offered("gone@studio.example", "Gone Studio", days_ago=15)
    waiting = _offered("waiting@studio.example", "Waiting Studio", days_ago=13)
    confirmed = _offered("sure@studio.example", "Sure Studio", days_ago=15, confirmed=True)
    assert _mail_to("gone@studio.example")

    call_command("worker", "--once", verbosity=0)

    assert not Professional.objects.filter(pk=gone.pk).exists()
    assert not Organisation.objects.filter(name="Gone Studio").exists()
    assert not _mail_to("gone@studio.example")  # the confirmation e-mail named them
    kept = Professional.objects.filter(pk__in=[waiting.pk, confirmed.pk])
    assert sorted(kept.values_list("email", flat=True)) == [
        "sure@studio.example",
        "waiting@studio.example",
    ]
    assert Organisation.objects.filter(name__in=["Waiting Studio", "Sure Studio"]).count() == 2
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DELETED)
    assert entry.actor is None and entry.actor_name == "Automatic clean-up"
    assert entry.professional_name == "" and "Gone" not in entry.detail
    assert "not confirmed within 14 days" in entry.detail


def test_how_long_an_unconfirmed_offer_waits_is_a_setting(settings):
    settings.VOLUNTEER_UNCONFIRMED_DAYS = 20
    patient = _offered("patient@studio.example", "Patient Studio", days_ago=15)
    call_command("worker", "--once", verbosity=0)
    assert Professional.objects.filter(pk=patient.pk).exists()
    Professional.objects.filter(pk=patient.pk).update(
        created_at=timezone.now() - timedelta(days=21)
    )
    assert services.volunteers_purge_unconfirmed() == 1
    assert not Professional.objects.filter(pk=patient.pk).exists()


def _turn_down(staff_client, professional):
    return staff_client.post(
        reverse("contacts:volunteer_decide", args=[professional.pk, "reject"]), {"confirm": "yes"}
    )


def test_turning_an_offer_down_removes_the_organisation_it_added(staff, staff_client):
    wren = _offered("wren@studio.example", "Studio Wren", days_ago=1)
    assert Organisation.objects.get(name="Studio Wren").from_volunteer_form
    _turn_down(staff_client, wren)
    assert not Professional.objects.filter(pk=wren.pk).exists()
    assert not Organisation.objects.filter(name="Studio Wren").exists()
    assert not _mail_to("wren@studio.example")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DELETED)
    assert entry.actor == staff and entry.professional_name == ""
    assert entry.detail == "Turned down a volunteer's offer, with the organisation it had added"


def test_turning_an_offer_down_keeps_an_organisation_something_else_uses(staff_client):
    wren = _offered("wren@studio.example", "Shared Studio", days_ago=1)
    shared = Organisation.objects.get(name="Shared Studio")
    colleague = make_professional(full_name="Colleague", organisation=shared)
    _turn_down(staff_client, wren)
    assert not Professional.objects.filter(pk=wren.pk).exists()
    assert Organisation.objects.filter(pk=shared.pk).exists()
    assert Professional.objects.get(pk=colleague.pk).organisation_id == shared.pk


def test_turning_an_offer_down_keeps_organisations_it_did_not_add(staff_client):
    # Named by the offer but already in the binder, or added by the form and then taken in by
    # staff's edit: the binder's, nobody else working there or not.
    existing = Organisation.objects.create(name="Old Firm")
    first = _offered("first@studio.example", "old firm", days_ago=1)
    second = _offered("second@studio.example", "Edited Studio", days_ago=1)
    edited = Organisation.objects.get(name="Edited Studio")
    edited.research_notes = "Read their annual report first."
    services.organisation_save(edited)
    _turn_down(staff_client, first)
    _turn_down(staff_client, second)
    assert not Professional.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert Organisation.objects.filter(pk__in=[existing.pk, edited.pk]).count() == 2


def test_an_approved_volunteers_organisation_stays_when_a_later_offer_is_turned_down(
    staff_client,
):
    first = _offered("first@studio.example", "Kept Studio", days_ago=2, confirmed=True)
    staff_client.post(reverse("contacts:volunteer_decide", args=[first.pk, "approve"]))
    later = _offered("later@studio.example", "Kept Studio", days_ago=1)
    Professional.objects.filter(pk=first.pk).delete()  # say the first entry went in a merge
    _turn_down(staff_client, later)
    assert Organisation.objects.filter(name="Kept Studio").exists()
