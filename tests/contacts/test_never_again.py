""" "Leave", "never contact me again" and erasure end contact at every edge: one suppression
rule at the mail door and at every path that lists someone, and no trace of an erased name."""

import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from apps.accounts.models import StudentProfile
from apps.contacts import services as binder
from apps.contacts.models import BinderImport, Professional
from apps.core.mail import email_send
from apps.core.models import QueuedEmail
from apps.core.suppression import is_suppressed
from apps.interviews import services as interviews
from apps.interviews.models import Interview, Referral
from apps.reminders import services as reminders

from ..conftest import make_user
from ..interviews.helpers import calendar_files, delivered_to, ready_interview, sent_interview
from .factories import make_professional

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def _queued_to(address):
    return [e for e in QueuedEmail.objects.all() if address in e.recipients]


def _booked(student, pro, **kwargs):
    interview = sent_interview(student, pro, **kwargs)
    interviews.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    return Interview.objects.get(pk=interview.pk)


# --- The mail door ------------------------------------------------------------------------------


def test_the_mail_door_queues_nothing_to_an_address_that_said_never():
    pro = make_professional(email="never@firm.example")
    binder.professional_set_status(professional=pro, status="do_not_contact")
    assert is_suppressed("Never@Firm.example")
    queued = email_send(name="listing_link", to=["never@firm.example"], context={"link": "x"})
    assert queued is None and _queued_to("never@firm.example") == []


def test_mail_queued_before_never_again_does_not_leave_the_queue(run_worker):
    pro = make_professional(email="late@firm.example")
    email_send(name="listing_link", to=["late@firm.example"], context={"link": "x"})
    # Suppressed by a path that does not clear the queue itself (another process, an admin).
    from apps.core.suppression import suppress

    suppress("late@firm.example", reason="never")
    run_worker()
    assert delivered_to("late@firm.example") == [] and _queued_to("late@firm.example") == []
    assert Professional.objects.filter(pk=pro.pk).exists()


# --- Leave ----------------------------------------------------------------------------------------


def test_leave_closes_every_open_request_and_cancels_booked_meetings(run_worker):
    pro = make_professional(full_name="Lee Leaving", monthly_capacity=5)
    asker, booker = make_user(), make_user()
    request = sent_interview(asker, pro)
    meeting = _booked(booker, pro, start_in=timedelta(days=6))
    run_worker()

    binder.listing_change(professional=pro, action="leave")
    run_worker()

    request.refresh_from_db()
    meeting.refresh_from_db()
    assert request.status == "withdrawn" and meeting.status == "cancelled"
    note = delivered_to(asker.email)[-1]
    assert "no longer available" in note.body
    cancel = delivered_to(booker.email)[-1]
    ics = calendar_files(cancel)[0].decode()
    assert "METHOD:CANCEL" in ics and "SEQUENCE:1" in ics


def test_after_leave_the_thank_you_is_kept_for_the_student_but_not_sent(run_worker):
    pro = make_professional(full_name="Tess Thanked", email="tess@firm.example")
    student = make_user()
    held = _booked(student, pro)
    Interview.objects.filter(pk=held.pk).update(
        starts_at=held.starts_at - timedelta(days=10), ends_at=held.ends_at - timedelta(days=10)
    )
    held.refresh_from_db()
    interviews.record_save(
        interview=held,
        answers={},
        notes="Good",
        language="",
        actual_minutes=20,
        reflection="",
        next_steps="",
        promises=[],
        referrals=[],
    )
    run_worker()
    binder.listing_change(professional=pro, action="leave")

    with pytest.raises(Exception, match="cannot be e-mailed"):
        reminders.thank_you_send(interview=held, text="Grateful note 7")
    run_worker()
    assert [m for m in delivered_to("tess@firm.example") if "Grateful note 7" in m.body] == []


# --- Never again is final: no path lists the address again -------------------------------------


@pytest.fixture
def erased():
    pro = make_professional(full_name="Erin Erased", email="erin@firm.example")
    binder.professional_erase(professional=pro)
    return pro


def test_the_volunteer_form_keeps_and_sends_nothing_for_an_erased_address(erased, run_worker):
    response = Client().post(
        reverse("contacts:volunteer"),
        {
            "full_name": "Erin Again",
            "email": "ERIN@firm.example",
            "job_title": "Architect",
            "organisation_name": "",
            "time_zone": "Europe/London",
            "monthly_capacity": 2,
            "accepts_video": "on",
            "offers_interviews": "on",
            "agree": "on",
        },
    )
    assert response.status_code == 302
    assert not Professional.objects.filter(email="erin@firm.example").exists()
    assert _queued_to("erin@firm.example") == []


def test_staff_cannot_add_an_erased_address(erased, staff_client):
    response = staff_client.post(
        reverse("contacts:staff_create"),
        {
            "full_name": "Erin Back",
            "email": "erin@firm.example",
            "time_zone": "Europe/London",
            "monthly_capacity": 2,
            "status": "pending",
        },
    )
    assert "cannot be added to the binder" in response.content.decode()
    assert not Professional.objects.filter(email="erin@firm.example").exists()


def test_a_referral_with_an_erased_address_is_refused(erased, staff):
    source = ready_interview(make_user(), make_professional())
    referral = Referral.objects.create(interview=source, name="Erin", contact="erin@firm.example")
    with pytest.raises(Exception, match="cannot be added to the binder"):
        interviews.referral_add_to_binder(referral=referral, by=staff)
    assert not Professional.objects.filter(email="erin@firm.example").exists()


def test_an_import_skips_an_address_that_said_never(staff_client):
    pro = make_professional(email="nope@firm.example")
    binder.professional_set_status(professional=pro, status="do_not_contact")
    binder.professional_erase(professional=pro)
    file = io.BytesIO(b"Name,E-mail\nNo Pe,nope@firm.example\n")
    file.name = "b.csv"
    staff_client.post(reverse("contacts:import_upload"), {"file": file})
    staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.get().pk]))
    assert not Professional.objects.filter(email="nope@firm.example").exists()


def test_a_merge_that_brings_a_suppressed_address_makes_the_entry_do_not_contact(staff):
    kept = make_professional(full_name="Mo Twin", email="")
    other = make_professional(full_name="Mo Twin", email="mo@firm.example")
    from apps.core.suppression import suppress

    suppress("mo@firm.example", reason="never")
    binder.professionals_merge(first=kept, second=other, by=staff)
    kept.refresh_from_db()
    assert kept.status == "do_not_contact"


def test_a_suppressed_entry_cannot_be_made_active_again(staff):
    pro = make_professional(email="back@firm.example", status="paused")
    from apps.core.suppression import suppress

    suppress("back@firm.example", reason="never")
    with pytest.raises(Exception, match="cannot be added to the binder or listed again"):
        binder.professional_set_status(professional=pro, status="active")


# --- Erasure leaves no trace ------------------------------------------------------------------------


def _text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                yield model, field


def test_erasure_removes_the_name_and_address_from_every_text_column(staff, run_worker):
    pro = make_professional(
        full_name="Quentin Quartermaine", email="quentin@quarter.example", monthly_capacity=5
    )
    student = make_user()
    interview = _booked(student, pro)
    Interview.objects.filter(pk=interview.pk).update(
        research_person="Quentin Quartermaine wrote a blog; quentin@quarter.example",
        message="Dear Quentin Quartermaine, ...",
    )
    # Another student's interview recorded Quentin as a referral.
    elsewhere = ready_interview(make_user(), make_professional())
    Referral.objects.create(
        interview=elsewhere,
        name="Quentin Quartermaine",
        contact="quentin@quarter.example",
        role="Director",
    )
    reminders.contact_touch(student=student, counterpart=pro, note="Met Quentin Quartermaine")
    StudentProfile.objects.update_or_create(
        user=student, defaults={"career_interests": "Research, like Quentin Quartermaine"}
    )
    run_worker()

    binder.professional_erase(professional=pro)
    run_worker()

    found = []
    for model, field in _text_columns():
        for needle in ("quartermaine", "quentin@quarter.example"):
            hits = model._base_manager.filter(**{f"{field.attname}__icontains": needle})
            if hits.exists():
                found.append((model._meta.label, field.name, needle))
    assert found == []
    interview.refresh_from_db()
    assert interview.status == "cancelled" and interview.plan.title.endswith("(erased)")


def test_never_then_erased_at_once_still_tells_the_student_and_keeps_no_copy(run_worker):
    pro = make_professional(full_name="Ursula Umberwood", email="ursula@umber.example")
    student = make_user()
    interview = _booked(student, pro)
    run_worker()
    before = len(delivered_to(student.email))
    # "Never" and then "erase" before the worker has sent the student's cancellation.
    binder.professional_set_status(professional=pro, status="do_not_contact")
    binder.professional_erase(professional=Professional.objects.get(pk=pro.pk))
    run_worker()
    told = delivered_to(student.email)[before:]
    cancels = [m for m in told for ics in calendar_files(m) if b"METHOD:CANCEL" in ics]
    assert cancels, [m.subject for m in told]
    assert Interview.objects.get(pk=interview.pk).status == "cancelled"
    for needle in ("umberwood", "ursula@umber.example"):
        assert not QueuedEmail.objects.filter(body__icontains=needle).exists()
        assert not QueuedEmail.objects.filter(subject__icontains=needle).exists()
