"""A student's rights over their data: download it, delete the account, and the retention rule
that clears private notes after a student leaves."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.accounts.privacy import purge_notes_of_leavers
from apps.core.mail import email_send
from apps.core.models import QueuedEmail
from apps.interviews import services as interview_services
from apps.interviews.models import Interview
from apps.practice.models import Rehearsal
from apps.reminders.models import Contact, ContactLog
from apps.reminders.services import contact_touch

from ..conftest import PASSWORD, client_for
from ..interviews.helpers import ready_interview, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def notes_for(student, secret):
    interview = ready_interview(student, start_in=timedelta(days=6))
    interview_services.research_save(
        interview=interview, career=secret, organisation='=HYPERLINK("http://x")', person="p"
    )
    contact = contact_touch(student=student, counterpart=interview.professional, note=secret)
    Rehearsal.objects.create(interview=interview, length_minutes=20, started_at=timezone.now())
    return interview, contact


def test_download_my_data_is_a_zip_of_json_and_csv_with_only_my_own_data(student, other_student):
    notes_for(student, "my private research")
    notes_for(other_student, "someone else's secret")
    response = client_for(student).get(reverse("accounts:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    for part in [
        "profile",
        "studies",
        "interviews",
        "plans",
        "plan_questions",
        "reminders",
        "contacts",
        "contact_log",
        "rehearsals",
    ]:
        assert {f"{part}.json", f"{part}.csv"} <= names, part
    assert "README.txt" in names
    profile = json.loads(archive.read("profile.json"))
    assert profile[0]["email"] == student.email
    interviews = json.loads(archive.read("interviews.json"))
    assert [i["research_career"] for i in interviews] == ["my private research"]
    assert interviews[0]["professional__full_name"] == "Priya Raman"
    plan_questions = json.loads(archive.read("plan_questions.json"))
    assert "Who else should I talk to?" in {q["text"] for q in plan_questions}
    log = json.loads(archive.read("contact_log.json"))
    assert "my private research" in {entry["note"] for entry in log}
    everything = b"".join(archive.read(name) for name in names)
    assert b"someone else's secret" not in everything
    # A spreadsheet never runs a cell as a formula.
    rows = list(csv.DictReader(io.StringIO(archive.read("interviews.csv").decode())))
    assert rows[0]["research_organisation"].startswith("'=HYPERLINK")


def test_delete_my_account_needs_the_password_and_the_word_then_removes_everything(
    student, other_student, run_worker
):
    confirmed = sent_interview(student)
    interview_services.request_accept(
        where=LINK, interview=confirmed, proposed_time_id=confirmed.proposed_times.first().pk
    )
    interview, _ = notes_for(student, "my private research")
    notes_for(other_student, "theirs")
    email_send(name="confirm_email", to=[student.email], context={"link": "x"})
    client = client_for(student)
    url = reverse("accounts:delete_account")
    assert "Type DELETE to confirm" in client.get(url).content.decode()

    wrong = client.post(url, {"password": "not-it", "confirm": "DELETE"})
    assert wrong.status_code == 400 and "That is not your password." in wrong.content.decode()
    unsure = client.post(url, {"password": PASSWORD, "confirm": "delete?"})
    assert unsure.status_code == 400 and "Type DELETE in capitals" in unsure.content.decode()
    assert User.objects.filter(pk=student.pk).exists()

    professional = confirmed.professional
    response = client.post(url, {"password": PASSWORD, "confirm": "DELETE"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:deleted")
    assert not User.objects.filter(pk=student.pk).exists()
    assert not Interview.objects.filter(student_id=student.pk).exists()
    assert not Contact.objects.filter(student_id=student.pk).exists()
    assert not ContactLog.objects.filter(note="my private research").exists()
    assert not Rehearsal.objects.filter(interview_id=interview.pk).exists()
    # Nothing more goes to the student, and the professional hears the meeting is off.
    recipients = [r for e in QueuedEmail.objects.all() for r in e.recipients]
    assert student.email not in recipients
    cancelled = QueuedEmail.objects.filter(subject__icontains="cancel")
    assert [e.recipients for e in cancelled] == [[professional.email]]
    # The other student's data is untouched, and the session is gone.
    assert Interview.objects.filter(student=other_student).count() == 1
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_staff_cannot_use_the_student_privacy_pages(staff_client):
    assert staff_client.get(reverse("accounts:my_data")).status_code == 403
    assert staff_client.post(reverse("accounts:delete_account")).status_code == 403


def test_private_notes_are_cleared_a_set_time_after_a_student_leaves(
    student, other_student, settings
):
    settings.STUDENT_NOTES_RETENTION_DAYS = 365
    old_interview, _ = notes_for(student, "old notes")
    recent_interview, _ = notes_for(other_student, "recent notes")
    User.objects.filter(pk=student.pk).update(left_at=timezone.now() - timedelta(days=366))
    User.objects.filter(pk=other_student.pk).update(left_at=timezone.now() - timedelta(days=30))

    assert purge_notes_of_leavers() == 1
    old_interview.refresh_from_db()
    assert old_interview.research_career == "" and old_interview.research_person == ""
    assert not ContactLog.objects.filter(note="old notes").exists()
    assert not Rehearsal.objects.filter(interview=old_interview).exists()
    # The interview itself stays (staff figures count it); only the private words go.
    assert Interview.objects.filter(pk=old_interview.pk).exists()
    recent_interview.refresh_from_db()
    assert recent_interview.research_career == "recent notes"
    assert ContactLog.objects.filter(note="recent notes").exists()
    assert User.objects.get(pk=student.pk).notes_purged_at is not None
    assert purge_notes_of_leavers() == 0  # once each


def test_notes_about_their_own_people_are_cleared_with_the_rest(student, other_student, settings):
    from apps.network.models import Approach, Person

    settings.STUDENT_NOTES_RETENTION_DAYS = 365
    mine = Person.objects.create(student=student, full_name="Aunt Maeve", notes="private")
    Approach.objects.create(person=mine, on=timezone.localdate(), outcome="emailed", note="sent")
    theirs = Person.objects.create(student=other_student, full_name="Tom", notes="kept")
    User.objects.filter(pk=student.pk).update(left_at=timezone.now() - timedelta(days=366))
    assert purge_notes_of_leavers() == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.notes == "" and Approach.objects.get(person=mine).note == ""
    assert theirs.notes == "kept"
