"""The promises at their edges, as a review found them: merges into someone who left, imports
that would bring someone back, erasure of a name written other ways, and the smaller paths."""

import io
import json
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services as binder
from apps.contacts.models import BinderImport, Professional
from apps.core.models import QueuedEmail
from apps.core.suppression import is_suppressed
from apps.interviews import composer
from apps.interviews import services as interviews
from apps.interviews.models import Interview, Referral
from apps.reminders import services as reminders
from apps.reminders.models import Reminder, ThankYou

from .conftest import make_user
from .contacts.factories import make_professional
from .interviews.helpers import calendar_files, delivered_to, ready_interview, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def _older(pro, days=5):
    Professional.objects.filter(pk=pro.pk).update(created_at=timezone.now() - timedelta(days=days))
    pro.refresh_from_db()
    return pro


def _booked(student, pro, **kwargs):
    interview = sent_interview(student, pro, **kwargs)
    interviews.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    return Interview.objects.get(pk=interview.pk)


def _import(client, text):
    file = io.BytesIO(text.encode())
    file.name = "b.csv"
    client.post(reverse("contacts:import_upload"), {"file": file})
    batch = BinderImport.objects.order_by("-pk").first()
    page = client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    client.post(reverse("contacts:import_commit", args=[batch.pk]))
    return page


# --- Staff edits keep consent ---------------------------------------------------------------------


def test_editing_an_entry_that_consented_by_link_keeps_its_consent(staff_client):
    pro = make_professional(full_name="Linda Link", consent_method="link")
    form = staff_client.get(reverse("contacts:staff_edit", args=[pro.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(job_title="Head of Things", consent_method="", industry="")
    response = staff_client.post(reverse("contacts:staff_edit", args=[pro.pk]), data)
    assert response.status_code == 302
    pro.refresh_from_db()
    assert pro.job_title == "Head of Things" and pro.consent_method == "link"
    assert pro.status == "active"


# --- Merges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["do_not_contact", "retired"])
def test_a_merge_into_someone_who_left_or_said_never_closes_what_it_brings(staff, status):
    kept = _older(make_professional(full_name="Nev Twin", monthly_capacity=5))
    binder.professional_set_status(professional=kept, status=status)
    other = make_professional(full_name="Nev Twin", monthly_capacity=5)
    request = sent_interview(make_user(), other)
    binder.professionals_merge(first=kept, second=other, by=staff)
    request.refresh_from_db()
    assert request.professional_id == kept.pk and request.status == "withdrawn"


def test_of_two_entries_the_more_protective_status_wins(staff):
    left = _older(make_professional(full_name="Ria Twin"))
    binder.listing_change(professional=left, action="leave")
    active = make_professional(full_name="Ria Twin")
    kept = binder.professionals_merge(first=left, second=active, by=staff)
    assert kept.status == "retired"


def test_a_pending_entry_merged_with_an_active_one_is_listed_on_that_consent(staff):
    pending = _older(make_professional(full_name="Pia Twin", status="pending", email=""))
    active = make_professional(full_name="Pia Twin", consent_method="in_person")
    kept = binder.professionals_merge(first=pending, second=active, by=staff)
    kept.refresh_from_db()
    assert kept.status == "active" and kept.consent_method == "in_person"


def test_turning_down_an_entry_that_students_rows_point_at_is_refused_kindly(staff_client):
    volunteer = make_professional(full_name="Val Vol", status="pending", source="volunteer")
    student = make_user()
    reminders.contact_touch(student=student, counterpart=volunteer, note="Met at a fair")
    response = staff_client.post(
        reverse("contacts:volunteer_decide", args=[volunteer.pk, "reject"]),
        {"confirm": "yes"},
        follow=True,
    )
    assert response.status_code == 200 and "set it to retired instead" in response.content.decode()
    assert Professional.objects.filter(pk=volunteer.pk).exists()


def test_a_merge_never_pairs_one_entrys_referrer_with_anothers_student(staff):
    student = make_user()
    staff_noted = make_professional(full_name="Staff Noted")
    kept = _older(make_professional(full_name="Tia Twin", referred_by=None))
    other = make_professional(
        full_name="Tia Twin", referred_by=staff_noted, referred_by_student=None
    )
    Professional.objects.filter(pk=kept.pk).update(referred_by_student=student)
    kept.refresh_from_db()
    kept = binder.professionals_merge(first=kept, second=other, by=staff)
    assert composer.referrer_of(kept, student) is None


def test_a_student_whose_duplicate_request_is_closed_by_a_merge_is_told(staff, run_worker):
    student = make_user()
    kept = _older(make_professional(full_name="Di Twin", monthly_capacity=5))
    other = make_professional(full_name="Di Twin", monthly_capacity=5)
    sent_interview(student, kept)
    sent_interview(student, other, start_in=timedelta(days=5))
    binder.professionals_merge(first=kept, second=other, by=staff)
    run_worker()
    assert any("joined the two entries" in m.body for m in delivered_to(student.email))


# --- Imports --------------------------------------------------------------------------------------


def test_an_imported_do_not_contact_row_is_suppressed_at_once(staff_client):
    _import(staff_client, "Name,E-mail,Status\nNo Thanks,no.thanks@firm.example,do not contact\n")
    assert is_suppressed("no.thanks@firm.example")
    binder.manage_link_request(email="no.thanks@firm.example")
    assert not QueuedEmail.objects.filter(recipients__icontains="no.thanks").exists()


def test_the_preview_says_visible_when_the_file_has_consent_but_no_status(staff_client):
    page = _import(
        staff_client,
        "Name,E-mail,Consent date,Consent method\nCon Given,con@firm.example,2026-02-03,e-mail\n",
    )
    assert "Visible to students: consent by e-mail on 3 February 2026." in page
    assert Professional.objects.get(email="con@firm.example").status == "active"


def test_a_row_marked_pending_with_an_address_is_invited(staff_client):
    page = _import(staff_client, "Name,E-mail,Status\nPen Ding,pen@firm.example,pending\n")
    assert "Pending: e-mailed once to confirm" in page
    assert Professional.objects.get(email="pen@firm.example").invited_at is not None


def test_an_import_cannot_bring_back_someone_who_left(staff_client):
    pro = make_professional(full_name="Les Left", email="les@firm.example")
    binder.listing_change(professional=pro, action="leave")
    page = _import(staff_client, "Name,E-mail,Status\nLes Left,les@firm.example,active\n")
    assert "they left the binder, and only they can come back" in page
    assert Professional.objects.get(pk=pro.pk).status == "retired"


def test_a_consent_dated_the_day_of_an_import_is_not_consent():
    with pytest.raises(IntegrityError), transaction.atomic():
        Professional.objects.create(
            full_name="Old Import",
            status="active",
            consent_at=timezone.now(),
            consent_method="import",
        )


# --- Leave ----------------------------------------------------------------------------------------


def test_leave_keeps_a_meeting_that_already_took_place_for_the_student_to_record(run_worker):
    pro = make_professional(full_name="Lou Left", monthly_capacity=5)
    student = make_user()
    held = _booked(student, pro)
    Interview.objects.filter(pk=held.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    binder.listing_change(professional=pro, action="leave")
    held.refresh_from_db()
    assert held.status == "confirmed"
    interviews.record_save(
        interview=held, answers={}, notes="Good", language="", actual_minutes=20,
        reflection="", next_steps="", promises=[], referrals=[],
    )  # fmt: skip
    assert Interview.objects.get(pk=held.pk).status == "completed"


def test_leave_stops_the_reminders_that_prompt_students_to_write_to_them():
    pro = make_professional(full_name="Kit Keep")
    student = make_user()
    reminders.contact_touch(student=student, counterpart=pro, note="Coffee")
    assert Reminder.objects.pending().filter(professional=pro, kind="keep_in_touch").exists()
    binder.listing_change(professional=pro, action="leave")
    assert not Reminder.objects.pending().filter(professional=pro).exists()


def test_requests_waiting_in_line_wait_for_a_paused_professional(run_worker):
    pro = make_professional(monthly_capacity=20, email="paused@firm.example")
    for _ in range(3):
        sent_interview(make_user(), pro)
    waiting = sent_interview(make_user(), pro)
    assert waiting.delivered_at is None
    binder.listing_change(professional=pro, action="pause")
    from time_machine import travel

    with travel(timezone.now() + timedelta(days=8)):
        assert interviews.deliver_waiting_requests() == 0
        binder.listing_change(professional=pro, action="resume")
        assert interviews.deliver_waiting_requests() == 1


# --- Erasure --------------------------------------------------------------------------------------


def test_erasure_reaches_the_second_address_of_a_merged_entry(staff):
    kept = _older(make_professional(full_name="Ola Twin", email="ola@one.example"))
    other = make_professional(full_name="Ola Twin", email="ola@two.example")
    binder.professionals_merge(first=kept, second=other, by=staff)
    binder.professional_erase(professional=kept)
    assert is_suppressed("ola@one.example") and is_suppressed("ola@two.example")


def test_erasure_finds_a_name_written_every_way(staff_client, run_worker):
    pro = make_professional(full_name="Zoë O'Brien", email="zoe@obrien.example", monthly_capacity=5)
    student = make_user()
    held = _booked(student, pro)
    referral_source = ready_interview(make_user(), make_professional())
    linked = Referral.objects.create(
        interview=referral_source, name="Zoe OBrien", contact="", professional=pro
    )
    Interview.objects.filter(pk=held.pk).update(message="Dear Zoë, thank you for…")
    ThankYou.objects.create(interview=held, text="Dear Zoë,\n\nThank you so much.")
    upload = io.BytesIO(b"Name,E-mail\nZo\xc3\xab O'Brien,zoe@obrien.example\n")
    upload.name = "b.csv"
    staff_client.post(reverse("contacts:import_upload"), {"file": upload})
    run_worker()  # the confirmation e-mails name her, HTML-escaped in their HTML part

    binder.professional_erase(professional=pro)

    linked.refresh_from_db()
    held.refresh_from_db()
    assert linked.name == "(erased)" and linked.professional_id == pro.pk
    assert "Zoë" not in held.message and "Zoë" not in ThankYou.objects.get(interview=held).text
    assert not QueuedEmail.objects.filter(body__contains="O'Brien").exists()
    assert not QueuedEmail.objects.filter(message__contains="O&#x27;Brien").exists()
    assert "obrien" not in json.dumps(BinderImport.objects.get().table).lower()


# --- Smaller paths --------------------------------------------------------------------------------


def test_a_student_cancels_only_with_a_reason(student, student_client):
    meeting = _booked(student, make_professional(monthly_capacity=5))
    response = student_client.post(reverse("interviews:cancel", args=[meeting.pk]), follow=True)
    assert "Say briefly why" in response.content.decode()
    assert Interview.objects.get(pk=meeting.pk).status == "confirmed"


def test_an_invitation_never_names_a_referrer_who_asked_never_to_be_contacted(staff):
    referrer = make_professional(full_name="Nora Never", monthly_capacity=5)
    source = ready_interview(make_user(), referrer)
    binder.professional_set_status(professional=referrer, status="do_not_contact")
    referral = Referral.objects.create(interview=source, name="Sam", contact="sam@x.example")
    interviews.referral_add_to_binder(referral=referral, by=staff)
    invitation = QueuedEmail.objects.get(recipients__icontains="sam@x.example")
    assert "Nora Never" not in invitation.body


def test_deleting_a_student_in_the_admin_cancels_their_meetings(admin_client, run_worker):
    student = make_user()
    pro = make_professional(email="told@firm.example", monthly_capacity=5)
    _booked(student, pro)
    run_worker()
    admin_client.post(reverse("admin:accounts_user_delete", args=[student.pk]), {"post": "yes"})
    run_worker()
    cancel = delivered_to("told@firm.example")[-1]
    assert b"METHOD:CANCEL" in calendar_files(cancel)[0]
