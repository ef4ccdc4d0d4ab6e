"""Edge cases found in review: each once ended in a server error, lost data or let someone
round a rule."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services, signals
from apps.contacts.models import BinderImport, MonthlyLoad, Organisation, Professional, month_start
from apps.core.models import QueuedEmail

from .factories import make_professional

pytestmark = pytest.mark.django_db


def import_csv(client, text):
    file = io.BytesIO(text.encode())
    file.name = "b.csv"
    response = client.post(reverse("contacts:import_upload"), {"file": file})
    batch = BinderImport.objects.order_by("-pk").first()
    page = client.get(response["Location"]).content.decode() if response.status_code == 302 else ""
    commit = client.post(reverse("contacts:import_commit", args=[batch.pk])) if batch else None
    return page, commit


def test_new_rows_with_a_status_column_import(staff_client):
    page, commit = import_csv(
        staff_client,
        "Name,E-mail,Status,Consent date,Consent method\n"
        "New Person,new@x.example,paused,2026-01-05,e-mail\n",
    )
    assert commit.status_code == 302
    assert Professional.objects.get(email="new@x.example").status == "paused"


def test_absurd_numbers_are_row_errors_not_crashes(staff_client):
    page, commit = import_csv(staff_client, "Name,Years in field,Capacity\nA,inf,1e999\n")
    assert "“inf” is not a whole number." in page and "“1e999” is not a whole number." in page
    assert not Professional.objects.exists()


def test_blank_cells_never_wipe_what_the_binder_knows(staff_client):
    pro = make_professional(
        full_name="Kim Keep",
        email="kim@x.example",
        monthly_capacity=5,
        offers_mentoring=True,
        accepts_in_person=True,
        time_zone="America/New_York",
        is_alumni=True,
        years_in_field=9,
    )
    page, commit = import_csv(
        staff_client,
        "Name,E-mail,Capacity,Offers,Formats,Time zone,Alumni,Years\nKim Keep,kim@x.example,,,,,,\n",
    )
    assert "1 unchanged" in page
    pro.refresh_from_db()
    assert (pro.monthly_capacity, pro.offers_mentoring, pro.accepts_in_person) == (5, True, True)
    assert (pro.time_zone, pro.is_alumni, pro.years_in_field) == ("America/New_York", True, 9)


def test_a_pending_volunteer_cannot_activate_themselves():
    pro = make_professional(status="pending", source="volunteer")
    response = Client().post(
        reverse("contacts:listing_action", args=[services.manage_token(pro), "resume"]), follow=True
    )
    assert "cannot be changed that way" in response.content.decode()
    pro.refresh_from_db()
    assert pro.status == "pending"


def test_merge_announces_do_not_contact_and_keeps_this_months_load(staff_client):
    older = make_professional(full_name="Lu Load", organisation="L", email="", monthly_capacity=3)
    newer = make_professional(full_name="Lu Load", organisation="L", status="do_not_contact")
    MonthlyLoad.objects.create(professional=older, month=month_start(), requests=1)
    MonthlyLoad.objects.create(professional=newer, month=month_start(), requests=2)
    heard = []

    def receiver(sender, professional, old_status, new_status, **kwargs):
        heard.append((professional.pk, old_status, new_status))

    signals.professional_status_changed.connect(receiver)
    try:
        staff_client.post(
            reverse("contacts:merge"), {"first": older.pk, "second": newer.pk, "confirm": "yes"}
        )
    finally:
        signals.professional_status_changed.disconnect(receiver)
    assert heard == [(older.pk, "active", "do_not_contact")]
    assert MonthlyLoad.objects.get(professional=older).requests == 3


def test_huge_ids_in_the_merge_form_are_refused_politely(staff_client):
    response = staff_client.post(
        reverse("contacts:merge"), {"first": "9" * 20, "second": "1", "confirm": "yes"}, follow=True
    )
    assert (
        response.status_code == 200 and "Choose two entries to merge." in response.content.decode()
    )


def test_turning_the_page_keeps_the_search(student_client):
    for n in range(25):
        make_professional(full_name=f"Free {n:02}")
    full = make_professional(full_name="Zed Full", monthly_capacity=1)
    services.capacity_claim(professional=full)
    first = student_client.get(reverse("contacts:search"))
    second = student_client.get(reverse("contacts:search"), {"page": 2})
    assert first.context["page"].paginator.count == second.context["page"].paginator.count == 25


def test_erasure_forgets_mail_and_blocks_reimport(staff_client, run_worker):
    pro = make_professional(
        full_name="Eve Erase", email="eve@x.example", organisation="Tiny Co", is_alumni=True
    )
    services.manage_link_request(email="eve@x.example")
    assert QueuedEmail.objects.filter(recipients=["eve@x.example"]).exists()
    services.professional_erase(professional=pro)
    pro.refresh_from_db()
    assert pro.organisation is None and not pro.is_alumni
    assert not QueuedEmail.objects.filter(recipients=["eve@x.example"]).exists()
    page, _ = import_csv(staff_client, "Name,E-mail\nEve Erase,EVE@x.example\n")
    assert "asked for its data to be erased" in page
    assert not Professional.objects.filter(email="eve@x.example").exists()


def test_do_not_contact_by_name_is_not_reimported_under_a_new_address(staff_client):
    make_professional(
        full_name="Nev Never",
        email="nev@old.example",
        organisation="N Ltd",
        status="do_not_contact",
    )
    page, _ = import_csv(staff_client, "Name,E-mail,Company\nNev Never,nev@new.example,N Ltd\n")
    assert "Asked never to be contacted" in page
    assert Professional.objects.filter(full_name="Nev Never").count() == 1


def test_staff_record_consent_and_unconsented_entries_get_no_reconsent_mail(staff_client, staff):
    base = {"time_zone": "UTC", "monthly_capacity": 2, "accepts_phone": "on", "status": "active"}
    staff_client.post(
        reverse("contacts:staff_create"),
        {
            **base,
            "full_name": "Con Sent",
            "email": "c@x.example",
            "consent_method": "phone",
            "consent_given_on": "2026-03-03",
            "consent_terms": "Two calls a month",
        },
    )
    refused = staff_client.post(
        reverse("contacts:staff_create"),
        {**base, "full_name": "No Consent", "email": "n@x.example"},
    )
    assert "Nobody is shown to students without their consent" in refused.content.decode()
    assert not Professional.objects.filter(email="n@x.example").exists()
    given = Professional.objects.get(email="c@x.example")
    assert (
        given.consent_method == "phone" and given.consent_recorded_by == staff and given.consent_at
    )
    assert services.reconsent_request_due(now=timezone.now() + timedelta(days=10)) == 0


def test_volunteering_with_a_known_address_creates_no_organisation():
    make_professional(email="known@x.example")
    Client().post(
        reverse("contacts:volunteer"),
        {
            "full_name": "K",
            "email": "known@x.example",
            "job_title": "T",
            "organisation_name": "Brand New Org",
            "time_zone": "UTC",
            "monthly_capacity": 2,
            "accepts_video": "on",
            "agree": "on",
        },
    )
    assert not Organisation.objects.filter(name="Brand New Org").exists()


def test_invalid_offers_do_not_use_up_the_rate_limit():
    client = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(8):
        client.post(reverse("contacts:volunteer"), {"full_name": "", "email": "bad"})
    response = client.post(
        reverse("contacts:volunteer"),
        {
            "full_name": "Real",
            "email": "real@x.example",
            "job_title": "T",
            "time_zone": "UTC",
            "monthly_capacity": 2,
            "accepts_video": "on",
            "agree": "on",
        },
    )
    assert response.status_code == 302


def test_client_address_behind_the_proxy(settings, rf):
    from apps.core.ratelimit import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR="10.0.0.2")
    assert client_address(request) == "10.0.0.2"
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.0/24"]
    assert client_address(request) == "203.0.113.5"


def test_sent_mail_is_purged_after_the_keep_period(settings):
    from apps.core.mail import purge_sent

    settings.MAIL_KEEP_DAYS = 30
    old = QueuedEmail.objects.create(
        from_email="a@x",
        recipients=["b@x"],
        message="x",
        status="sent",
        sent_at=timezone.now() - timedelta(days=31),
    )
    recent = QueuedEmail.objects.create(
        from_email="a@x",
        recipients=["b@x"],
        message="x",
        status="sent",
        sent_at=timezone.now() - timedelta(days=2),
    )
    assert purge_sent() == 1
    assert (
        not QueuedEmail.objects.filter(pk=old.pk).exists()
        and QueuedEmail.objects.filter(pk=recent.pk).exists()
    )
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert purge_sent() == 0  # at most hourly
