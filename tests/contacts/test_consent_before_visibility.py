"""Nobody is shown to students without a consent record that says how it was given: staff
attest it, an import honours it or asks, a referral is asked in its referrer's name."""

import io
import re

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from apps.contacts.models import BinderImport, Organisation, Professional
from apps.core.models import QueuedEmail
from apps.interviews.models import Referral

from ..conftest import make_user
from ..interviews.helpers import ready_interview
from .factories import make_professional

pytestmark = pytest.mark.django_db

FILE = (
    "Name,E-mail,Company,Status,Consent date,Consent method\n"
    "Asked Before,asked@firm.example,Firm,active,2026-02-03,phone call\n"
    "Never Asked,never.asked@firm.example,Firm,active,,\n"
    "Date Only,date.only@firm.example,Firm,,2025-05-05,\n"
    "No Address,,Firm,active,,\n"
)


def _upload(client, text):
    file = io.BytesIO(text.encode())
    file.name = "binder.csv"
    client.post(reverse("contacts:import_upload"), {"file": file})
    return BinderImport.objects.order_by("-pk").first()


def _invitations(address):
    return [e for e in QueuedEmail.objects.all() if address in e.recipients]


def test_the_database_refuses_an_active_entry_without_consent():
    with pytest.raises(IntegrityError), transaction.atomic():
        Professional.objects.create(full_name="No Consent", status="active")


def test_an_import_never_invents_consent_and_the_preview_says_who_becomes_visible(staff_client):
    batch = _upload(staff_client, FILE)
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "Visible to students: consent by phone on 3 February 2026." in page
    assert page.count("Pending: e-mailed once to confirm, update or decline") == 2
    assert "Pending: no address to ask; record their consent to list them." in page

    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    asked = Professional.objects.get(email="asked@firm.example")
    assert asked.status == "active" and asked.consent_method == "phone"
    assert asked.consent_at.date().isoformat() == "2026-02-03"
    for address in ("never.asked@firm.example", "date.only@firm.example"):
        entry = Professional.objects.get(email=address)
        assert entry.status == "pending" and entry.consent_at is None
        assert len(_invitations(address)) == 1
    assert Professional.objects.get(full_name="No Address").status == "pending"
    assert _invitations("asked@firm.example") == []
    assert list(Professional.objects.visible_to_students().values_list("email", flat=True)) == [
        "asked@firm.example"
    ]

    # Importing the same file again changes nothing and asks nobody twice.
    again = _upload(staff_client, FILE)
    staff_client.post(reverse("contacts:import_commit", args=[again.pk]))
    assert len(_invitations("never.asked@firm.example")) == 1
    assert Professional.objects.get(email="never.asked@firm.example").status == "pending"


def test_an_invited_person_says_yes_through_the_link_and_is_listed(staff_client, run_worker):
    batch = _upload(staff_client, FILE)
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    body = _invitations("never.asked@firm.example")[0].body
    assert "We will not list you" in body
    link = re.search(r"http://testserver(/listing/\S+/)", body).group(1)
    page = Client().get(link).content.decode()
    assert "Yes, list me and let students contact me" in page
    Client().post(link + "consent/")
    entry = Professional.objects.get(email="never.asked@firm.example")
    assert entry.status == "active" and entry.consent_method == "link" and entry.consent_at


LINKEDIN = (
    "\ufeffNotes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    ' missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Aoife,Ní Bhriain,https://www.linkedin.com/in/aoife,,Harbour Museum,Curator,14 Mar 2024\n"
    "Ravi,Shah,https://www.linkedin.com/in/ravi,ravi@firm.example,Firm,Analyst,02 Jan 2025\n"
)


def test_a_linkedin_export_imports_into_the_binder_without_consent(staff_client):
    batch = _upload(staff_client, LINKEDIN)
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "2 to add" in page and "Visible to students" not in page

    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    aoife = Professional.objects.get(full_name="Aoife Ní Bhriain")
    assert aoife.job_title == "Curator" and aoife.organisation.name == "Harbour Museum"
    # "Connected On" is when they connected on LinkedIn, not when they agreed to be listed.
    for entry in Professional.objects.all():
        assert entry.status == "pending" and entry.consent_at is None
    assert len(_invitations("ravi@firm.example")) == 1


def test_an_update_cannot_list_someone_without_consent(staff_client):
    make_professional(full_name="Pending Pat", email="pat@firm.example", status="pending")
    batch = _upload(staff_client, "Name,E-mail,Status\nPending Pat,pat@firm.example,active\n")
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "Status left as it is: no consent is recorded for this person." in page
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert Professional.objects.get(email="pat@firm.example").status == "pending"


def test_staff_attest_how_and_when_someone_agreed(staff_client, staff):
    base = {
        "full_name": "Phoned Phil",
        "email": "phil@firm.example",
        "time_zone": "UTC",
        "monthly_capacity": 2,
        "accepts_phone": "on",
        "status": "active",
        "consent_method": "phone",
    }
    response = staff_client.post(reverse("contacts:staff_create"), base)
    assert "Say on which day they agreed." in response.content.decode()
    assert not Professional.objects.exists()
    response = staff_client.post(
        reverse("contacts:staff_create"), {**base, "consent_given_on": "2099-01-01"}
    )
    assert "Consent cannot have been given in the future." in response.content.decode()
    staff_client.post(reverse("contacts:staff_create"), {**base, "consent_given_on": "2026-03-03"})
    phil = Professional.objects.get()
    assert phil.status == "active" and phil.consent_method == "phone"
    assert phil.consent_at.date().isoformat() == "2026-03-03" and phil.consent_recorded_by == staff


def test_staff_cannot_switch_on_someone_without_consent(staff_client):
    pending = make_professional(full_name="Waiting Wes", status="pending")
    response = staff_client.post(
        reverse("contacts:staff_status", args=[pending.pk]), {"status": "active"}, follow=True
    )
    assert "has no consent on record" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_a_referral_keeps_its_organisation_and_is_invited_in_the_referrers_name(
    staff_client, student
):
    referrer = make_professional(full_name="Rhea Referrer")
    interview = ready_interview(student, referrer)
    referral = Referral.objects.create(
        interview=interview,
        name="Sol Suggested",
        role="Archivist",
        organisation="City Archive",
        contact="sol@archive.example",
    )
    staff_client.post(
        reverse("interviews:referral_decide", args=[referral.pk, "add"]), {"confirm": "yes"}
    )
    sol = Professional.objects.get(email="sol@archive.example")
    assert sol.status == "pending" and sol.organisation == Organisation.objects.get(
        name="City Archive"
    )
    assert not Professional.objects.visible_to_students().filter(pk=sol.pk).exists()
    [invitation] = _invitations("sol@archive.example")
    assert "Rhea Referrer suggested you" in invitation.body
    assert student.full_name not in invitation.body and student.email not in invitation.body


def test_the_staff_page_promises_no_email_that_is_never_sent(staff_client):
    pending = make_professional(full_name="No Consent Yet", status="pending")
    page = staff_client.get(reverse("contacts:staff_detail", args=[pending.pk])).content.decode()
    assert "will be re-confirmed by e-mail" not in page
    assert "No consent on record, so students are not shown them." in page


def test_the_invitation_is_not_sent_to_a_student_or_anyone_else(staff_client, student):
    other = make_user()
    referrer = make_professional(full_name="Ria")
    interview = ready_interview(other, referrer)
    referral = Referral.objects.create(interview=interview, name="Phone Only", contact="+44 1")
    staff_client.post(
        reverse("interviews:referral_decide", args=[referral.pk, "add"]), {"confirm": "yes"}
    )
    assert Professional.objects.get(full_name="Phone Only").invited_at is None
    assert _invitations(other.email) == []


def test_staff_send_one_invitation_to_a_pending_entry_from_its_page(staff_client, run_worker):
    pending = make_professional(
        full_name="Pat Pending", email="pat@pending.example", status="pending", consent_at=None
    )
    page = staff_client.get(reverse("contacts:staff_detail", args=[pending.pk])).content.decode()
    assert "Send the invitation to confirm" in page
    invite = reverse("contacts:staff_invite", args=[pending.pk])
    assert staff_client.get(invite).status_code == 405 and _invitations(pending.email) == []

    response = staff_client.post(invite, follow=True)
    assert "is invited by e-mail to confirm" in response.content.decode()
    [invitation] = _invitations(pending.email)
    pending.refresh_from_db()
    assert pending.invited_at is not None and pending.status == "pending"
    assert "Send the invitation to confirm" not in response.content.decode()

    again = staff_client.post(invite, follow=True).content.decode()
    assert "Nothing was sent" in again and len(_invitations(pending.email)) == 1


def test_an_active_or_consented_entry_is_not_invited(staff_client):
    active = make_professional(full_name="Al Active", email="al@active.example")
    response = staff_client.post(reverse("contacts:staff_invite", args=[active.pk]), follow=True)
    assert "Nothing was sent" in response.content.decode()
    assert _invitations(active.email) == []
