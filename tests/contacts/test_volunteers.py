import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.contacts.models import Professional
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
