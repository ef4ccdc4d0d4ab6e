"""A conversation with someone the student knows: one interview model whose counterpart is a
binder entry or one of the student's own people, the same research, plan, record, thank-you
and keep-in-touch, and nothing ever sent to that person by the product."""

import html
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.models import QueuedEmail
from apps.interviews import services
from apps.interviews.models import Interview, Referral
from apps.network.models import Person
from apps.reminders import services as reminders
from apps.reminders.models import Contact, Reminder, ThankYou

from ..conftest import client_for
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def alumna(student):
    return Person.objects.create(
        student=student,
        full_name="Aoife Ní Bhriain",
        role="Curator",
        organisation="Harbour Museum",
        how_known=Person.HowKnown.ALUMNI,
        email="aoife@harbour.example",
    )


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def book(client, interview, when, **fields):
    data = {"starts_at": local(when), "length_minutes": 20, "format": "phone", "where": "07700"}
    return client.post(reverse("interviews:booking", args=[interview.pk]), {**data, **fields})


def start(client, person):
    response = client.post(reverse("interviews:start_with_person", args=[person.pk]))
    assert response.status_code == 302
    return Interview.objects.get(person=person, status="draft")


def mail_to(address):
    return [e for e in QueuedEmail.objects.all() if address in e.to]


def test_exactly_one_counterpart_is_held_by_the_database(student, alumna):
    pro = make_professional()
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(student=student, professional=pro, person=alumna)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(student=student)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(student=student, last_contact_at=timezone.now())
    assert Interview.objects.create(student=student, person=alumna).counterpart == alumna


def test_the_person_page_starts_one_workspace_with_its_own_plan(student_client, alumna):
    page = student_client.get(reverse("network:person_detail", args=[alumna.pk]))
    assert "Plan a conversation" in page.content.decode()
    interview = start(student_client, alumna)
    assert interview.plan is not None and "Aoife" in interview.plan.title
    # Asked again, the same workspace opens.
    again = student_client.post(reverse("interviews:start_with_person", args=[alumna.pk]))
    assert again.url == reverse("interviews:detail", args=[interview.pk])
    assert Interview.objects.filter(person=alumna).count() == 1
    body = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    assert "Approach and book" in body and "Record the booking" in body
    assert "Save and send the request" not in body  # no request through the product


def test_another_student_and_staff_cannot_start_or_book(alumna, other_student, staff, student):
    url = reverse("interviews:start_with_person", args=[alumna.pk])
    assert client_for(other_student).post(url).status_code == 404
    assert client_for(staff).post(url).status_code == 404
    interview = services.interview_start_with_person(student=student, person=alumna)
    when = timezone.now() + timedelta(days=3)
    assert book(client_for(other_student), interview, when).status_code == 404
    assert book(client_for(staff), interview, when).status_code == 403
    interview.refresh_from_db()
    assert interview.status == "draft" and interview.starts_at is None


def test_a_booking_confirms_with_calendar_file_and_reminders_and_writes_to_nobody(
    student_client, alumna
):
    interview = start(student_client, alumna)
    when = timezone.now() + timedelta(days=5)
    response = book(student_client, interview, when)
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "confirmed"
    assert interview.ends_at - interview.starts_at == timedelta(minutes=20)
    kinds = set(
        Reminder.objects.pending().filter(interview=interview).values_list("kind", flat=True)
    )
    assert {"prepare", "day_before", "thank_you"} <= kinds
    assert all(r.person_id == alumna.pk for r in Reminder.objects.filter(interview=interview))
    ics = student_client.get(reverse("interviews:ics", args=[interview.pk]))
    assert ics.status_code == 200 and "Aoife" in ics.content.decode()
    assert "you arranged" in ics.content.decode()
    assert mail_to(alumna.email) == []


def test_moving_a_booking_keeps_the_calendar_entry_with_its_next_sequence(student_client, alumna):
    interview = start(student_client, alumna)
    book(student_client, interview, timezone.now() + timedelta(days=5))
    interview.refresh_from_db()
    uid, sequence = interview.calendar_uid, interview.calendar_sequence
    book(student_client, interview, timezone.now() + timedelta(days=9), format="in_person")
    interview.refresh_from_db()
    assert interview.calendar_uid == uid and interview.calendar_sequence == sequence + 1
    assert interview.format == "in_person"
    prepare = Reminder.objects.pending().get(interview=interview, kind="day_before")
    assert prepare.due_at > timezone.now() + timedelta(days=7)


@pytest.mark.parametrize(
    ("shift", "fields", "message"),
    [
        (timedelta(days=-90), {}, "days ago"),
        (timedelta(days=400), {}, "a year ahead"),
        (timedelta(days=2), {"format": "video", "where": ""}, "video link"),
        (timedelta(days=2), {"starts_at": "not a date"}, "valid date"),
    ],
)
def test_a_bad_booking_is_refused_with_a_reason_and_changes_nothing(
    student_client, alumna, shift, fields, message
):
    interview = start(student_client, alumna)
    response = book(student_client, interview, timezone.now() + shift, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "draft" and interview.starts_at is None


def test_a_booking_that_overlaps_another_conversation_is_refused(student, student_client, alumna):
    when = timezone.now() + timedelta(days=4)
    Interview.objects.create(
        student=student,
        professional=make_professional(full_name="Busy Binder"),
        status="confirmed",
        starts_at=when,
        ends_at=when + timedelta(minutes=30),
    )
    interview = start(student_client, alumna)
    response = book(student_client, interview, when + timedelta(minutes=10))
    assert response.status_code == 400
    assert "overlaps your conversation with Busy Binder" in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "draft"


def test_the_binder_request_path_refuses_a_person_and_changes_nothing(student, alumna):
    interview = services.interview_start_with_person(student=student, person=alumna)
    with pytest.raises(ValidationError, match="arranged this conversation yourself"):
        services.request_send(interview=interview)
    with pytest.raises(ValidationError, match="arranged this conversation yourself"):
        services.request_prepare(
            interview=interview,
            format="phone",
            length_minutes=20,
            accessibility_needs="",
            message="Hello",
            times=[timezone.now() + timedelta(days=2)],
        )
    interview.refresh_from_db()
    assert interview.status == "draft" and interview.message == ""
    client = client_for(student)
    response = client.post(
        reverse("interviews:request_save", args=[interview.pk]),
        {"format": "phone", "length_minutes": 20, "message": "Hi", "time_1": "2030-01-01T10:00"},
    )
    assert response.status_code == 400
    assert QueuedEmail.objects.count() == 0


def held(client, interview, **record):
    book(client, interview, timezone.now() - timedelta(days=1))
    fields = {
        "notes": "Museums hire through volunteering.",
        "language": "collections care\nfootfall",
        "referral_name_1": "Dara Quinn",
        "referral_org_1": "City Archive",
        "referral_contact_1": "dara@archive.example",
        **record,
    }
    response = client.post(reverse("interviews:record", args=[interview.pk]), fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    interview.refresh_from_db()
    return interview


def test_a_conversation_booked_after_it_happened_is_recorded_with_no_preparation_reminders(
    student_client, alumna
):
    interview = held(student_client, start(student_client, alumna))
    assert interview.status == "completed"
    kinds = set(
        Reminder.objects.filter(interview=interview, state="pending").values_list("kind", flat=True)
    )
    assert "prepare" not in kinds and "day_before" not in kinds
    assert "thank_you" in kinds


def test_a_referral_after_a_conversation_becomes_a_person_referred_by_them(
    student, student_client, alumna
):
    held(student_client, start(student_client, alumna))
    dara = Person.objects.of(student).get(full_name="Dara Quinn")
    assert dara.referred_by == "Aoife Ní Bhriain"
    assert dara.email == "dara@archive.example" and dara.organisation == "City Archive"
    assert dara.source == Person.Source.REFERRAL and dara.how_known == Person.HowKnown.REFERRAL
    # A name someone the student knows gave is private: it never reaches staff's queue.
    assert not Referral.objects.exists()


def test_a_binder_professionals_referral_goes_to_staff_and_to_the_students_people(student):
    pro = make_professional(full_name="Bea Binder")
    when = timezone.now() - timedelta(hours=2)
    interview = Interview.objects.create(
        student=student,
        professional=pro,
        status="confirmed",
        starts_at=when,
        ends_at=when + timedelta(minutes=20),
    )
    services.record_save(
        interview=interview,
        answers={},
        notes="",
        language="",
        actual_minutes=20,
        reflection="",
        next_steps="",
        promises=[],
        referrals=[{"name": "Dara Quinn", "role": "", "organisation": "", "contact": ""}],
    )
    assert Referral.objects.get().name == "Dara Quinn"
    assert Person.objects.of(student).get(full_name="Dara Quinn").referred_by == "Bea Binder"
    # Referred again by someone else: still one person, who keeps the first referrer.
    services.record_save(
        interview=interview,
        answers={},
        notes="",
        language="",
        actual_minutes=20,
        reflection="",
        next_steps="",
        promises=[],
        referrals=[{"name": "dara quinn", "role": "", "organisation": "", "contact": ""}],
    )
    assert Person.objects.of(student).filter(full_name__iexact="Dara Quinn").count() == 1


def test_the_thank_you_goes_from_the_students_own_mail_and_keeping_in_touch_follows(
    student, student_client, alumna
):
    interview = held(student_client, start(student_client, alumna))
    url = reverse("reminders:thank_you", args=[interview.pk])
    page = student_client.get(url).content.decode()
    assert "Send it from here" not in page
    link = html.unescape(next(part for part in page.split('"') if part.startswith("mailto:")))
    parts = urlsplit(link)
    assert parts.path == alumna.email
    body = parse_qs(parts.query)["body"][0]
    assert "Dear Aoife" in body
    # Sending "from here" is refused: the product never writes to them.
    refused = student_client.post(url, {"text": "Thank you!", "send": "1"})
    assert refused.status_code == 400
    assert ThankYou.objects.get(interview=interview).sent_at is None
    done = student_client.post(url, {"text": "Dear Aoife, thank you!", "sent": "1"})
    assert done.status_code == 302
    note = ThankYou.objects.get(interview=interview)
    assert note.sent_at is not None and note.text == "Dear Aoife, thank you!"
    assert not Reminder.objects.pending().filter(interview=interview, kind="thank_you").exists()
    contact = Contact.objects.get(student=student, person=alumna)
    assert Reminder.objects.pending().filter(person=alumna, kind="keep_in_touch").count() == 1
    assert mail_to(alumna.email) == []
    # Marked twice (two tabs): refused, nothing changes.
    again = student_client.post(url, {"text": "Other", "sent": "1"})
    assert again.status_code == 400
    assert ThankYou.objects.get(interview=interview).text == "Dear Aoife, thank you!"
    # And she can be a mentor like anyone met through the binder.
    reminders.contact_set(contact=contact, is_mentor=True, cadence_days=None, stopped=False)
    contacts = student_client.get(reverse("reminders:contacts")).content.decode()
    assert "Aoife Ní Bhriain" in contacts and "mentor" in contacts


def test_language_insights_include_conversations_with_own_people(student_client, alumna):
    held(student_client, start(student_client, alumna))
    page = student_client.get(reverse("practice:language")).content.decode()
    assert "collections care" in page and "Aoife Ní Bhriain" in page


def test_staff_never_see_whom_a_student_met_from_their_own_network(
    student_client, staff_client, alumna
):
    held(student_client, start(student_client, alumna))
    for name in ("interviews:staff_list", "insight:dashboard"):
        body = staff_client.get(reverse(name)).content.decode()
        assert "Aoife" not in body and "Harbour Museum" not in body


def test_the_data_export_names_the_person_and_removing_them_removes_the_conversation(
    student, student_client, alumna
):
    interview = held(student_client, start(student_client, alumna))
    from apps.interviews.privacy import personal_data

    rows = personal_data(student)["interviews"]
    assert any("Aoife Ní Bhriain" in str(row) for row in rows)
    confirm = student_client.get(reverse("network:person_delete", args=[alumna.pk]))
    assert "1 conversation with them" in confirm.content.decode()
    student_client.post(reverse("network:person_delete", args=[alumna.pk]), {"confirm": "yes"})
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert not Contact.objects.filter(student=student).exists()
