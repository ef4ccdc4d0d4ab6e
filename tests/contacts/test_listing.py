import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services
from apps.contacts.models import Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db


def action(token, name):
    """As the listing page's forms post: leave, never and erase from their confirmation page."""
    return Client().post(reverse("contacts:listing_action", args=[token, name]), {"confirm": "yes"})


def test_link_is_sent_only_to_addresses_in_the_binder(run_worker):
    make_professional(full_name="Lina Park", email="lina@park.example")
    for address in ["LINA@park.example", "stranger@else.example"]:
        response = Client().post(
            reverse("contacts:listing_request"), {"email": address}, follow=True
        )
        assert "If that address is in our binder" in response.content.decode()
    run_worker()
    assert [m.to for m in mail.outbox] == [["lina@park.example"]]
    path = re.search(r"http://testserver(/listing/\S+/)", mail.outbox[0].body).group(1)
    page = Client().get(path).content.decode()
    assert "Your listing, Lina Park" in page


def test_professional_corrects_details_and_capacity():
    pro = make_professional(full_name="Lina Park", monthly_capacity=2)
    token = services.manage_token(pro)
    response = Client().post(
        reverse("contacts:listing", args=[token]),
        {
            "full_name": "Lina Park-Ahn",
            "job_title": "Head of Research",
            "time_zone": "Asia/Seoul",
            "monthly_capacity": 4,
            "accepts_phone": "on",
            "offers_interviews": "on",
        },
    )
    assert response.status_code == 302
    pro.refresh_from_db()
    assert (
        pro.full_name == "Lina Park-Ahn"
        and pro.monthly_capacity == 4
        and pro.time_zone == "Asia/Seoul"
    )
    response = Client().post(
        reverse("contacts:listing", args=[token]),
        {
            "full_name": "",
            "time_zone": "Asia/Seoul",
            "monthly_capacity": 99,
            "accepts_phone": "on",
        },
    )
    assert response.status_code == 200 and "less than or equal to 20" in response.content.decode()
    pro.refresh_from_db()
    assert pro.full_name == "Lina Park-Ahn"


def test_pause_resume_leave_and_never_again():
    pro = make_professional()
    token = services.manage_token(pro)
    for name, expected in [
        ("pause", "paused"),
        ("resume", "active"),
        ("leave", "retired"),
        ("resume", "active"),
        ("never", "do_not_contact"),
    ]:
        assert action(token, name).status_code == 302
        pro.refresh_from_db()
        assert pro.status == expected, name
    action(token, "resume")
    pro.refresh_from_db()
    assert pro.status == "do_not_contact"


def test_confirming_consent_renews_it():
    pro = make_professional(consent_at=timezone.now() - timedelta(days=400))
    action(services.manage_token(pro), "consent")
    pro.refresh_from_db()
    assert not pro.consent_is_due() and pro.consent_method == "link"


def test_erasure_anonymises_and_kills_the_link():
    pro = make_professional(
        full_name="Erin Erase",
        email="erin@x.example",
        phone="+1 555 0101",
        talk_about="My story",
        industry="Technology",
    )
    token = services.manage_token(pro)
    response = action(token, "erase")
    assert "Your personal details are erased" in response.content.decode()
    pro.refresh_from_db()
    assert pro.full_name == f"Erased entry {pro.pk}"
    assert pro.email == "" and pro.phone == "" and pro.talk_about == ""
    assert pro.status == "do_not_contact" and pro.industry.name == "Technology"
    assert "erin" not in pro.search_text
    assert Client().get(reverse("contacts:listing", args=[token])).status_code == 404


def test_expired_and_tampered_links_are_refused():
    pro = make_professional()
    token = services.manage_token(pro)
    assert Client().get(reverse("contacts:listing", args=[token + "x"])).status_code == 404
    other = make_professional()
    payload, stamp, signature = token.split(":")
    other_payload = signing.b64_encode(f'{{"p":{other.pk},"v":1}}'.encode()).decode()
    forged = ":".join([other_payload, stamp, signature])
    assert forged != token
    assert Client().get(reverse("contacts:listing", args=[forged])).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        response = Client().get(reverse("contacts:listing", args=[token]))
        assert response.status_code == 404
        assert action(token, "never").status_code == 404
    pro.refresh_from_db()
    assert pro.status == Professional.Status.ACTIVE


def test_get_on_an_action_changes_nothing():
    pro = make_professional()
    token = services.manage_token(pro)
    response = Client().get(reverse("contacts:listing_action", args=[token, "never"]))
    assert response.status_code == 200 and "Never be contacted again?" in response.content.decode()
    assert (
        Client().get(reverse("contacts:listing_action", args=[token, "pause"])).status_code == 405
    )
    pro.refresh_from_db()
    assert pro.status == "active"


def test_erasure_also_clears_merge_records(staff_client):
    older = make_professional(full_name="Mae Merge", email="", organisation="M Ltd")
    newer = make_professional(full_name="mae merge", email="mae@m.example", organisation="M Ltd")
    staff_client.post(
        reverse("contacts:merge"), {"first": older.pk, "second": newer.pk, "confirm": "yes"}
    )
    older.refresh_from_db()
    action(services.manage_token(older), "erase")
    record = older.merges.get()
    assert record.merged_name == "(erased)" and record.merged_email == ""
