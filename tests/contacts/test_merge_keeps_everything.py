"""A merge of two binder entries moves every row that points at the merged one: nothing a
student wrote is lost, and a new relation to Professional without merge handling fails here."""

from datetime import timedelta

import pytest
from django.db.models import ProtectedError
from django.utils import timezone

from apps.contacts import services as binder
from apps.contacts.models import AuditEntry, MergeRecord, MonthlyLoad, Professional, month_start
from apps.interviews import services as interviews
from apps.interviews.models import Interview, Referral
from apps.reminders import services as reminders
from apps.reminders.models import Contact, ContactLog, Reminder

from ..conftest import make_user
from ..interviews.helpers import ready_interview, sent_interview
from .factories import make_professional

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def _interview(student, professional):
    return ready_interview(student, professional)


def _contact(student, professional):
    return reminders.contact_touch(student=student, counterpart=professional, note="Coffee")


# One maker per relation that points at a binder entry: it creates a row pointing at
# ``merged`` and returns a check that the row survived the merge, pointing at ``kept``.
def _relation_makers():
    def interview(student, kept, merged):
        row = _interview(student, merged)
        return lambda: Interview.objects.get(pk=row.pk).professional_id == kept.pk

    def referral(student, kept, merged):
        source = _interview(make_user(), make_professional())
        row = Referral.objects.create(
            interview=source, name="Ref", status="added", professional=merged
        )
        return lambda: Referral.objects.get(pk=row.pk).professional_id == kept.pk

    def reminder(student, kept, merged):
        row = Reminder.objects.create(
            student=student, kind="keep_in_touch", professional=merged, due_at=timezone.now()
        )
        return lambda: Reminder.objects.get(pk=row.pk).professional_id == kept.pk

    def contact(student, kept, merged):
        row = _contact(student, merged)
        log = row.log.get()
        return lambda: ContactLog.objects.get(pk=log.pk).contact.professional_id == kept.pk

    def monthly_load(student, kept, merged):
        MonthlyLoad.objects.create(professional=merged, month=month_start(), requests=2)
        return lambda: MonthlyLoad.objects.get(professional=kept, month=month_start()).requests >= 2

    def merge_record(student, kept, merged):
        row = MergeRecord.objects.create(kept=merged, merged_name="Older twin", moved={})
        return lambda: MergeRecord.objects.get(pk=row.pk).kept_id == kept.pk

    def audit_entry(student, kept, merged):
        row = binder.audit(actor=None, action="viewed", professional=merged)
        return lambda: AuditEntry.objects.get(pk=row.pk).professional_id == kept.pk

    def referred_person(student, kept, merged):
        row = make_professional(full_name="Met through them", referred_by=merged)
        return lambda: Professional.objects.get(pk=row.pk).referred_by_id == kept.pk

    return {
        ("interviews.Interview", "professional"): interview,
        ("interviews.Referral", "professional"): referral,
        ("reminders.Reminder", "professional"): reminder,
        ("reminders.Contact", "professional"): contact,
        ("contacts.MonthlyLoad", "professional"): monthly_load,
        ("contacts.MergeRecord", "kept"): merge_record,
        ("contacts.AuditEntry", "professional"): audit_entry,
        ("contacts.Professional", "referred_by"): referred_person,
    }


def _relations_to_professional():
    found = set()
    for field in Professional._meta.get_fields(include_hidden=True):
        if field.is_relation and field.auto_created and not field.concrete:
            found.add((field.related_model._meta.label, field.field.name))
    return found


def test_every_relation_to_a_binder_entry_has_merge_handling():
    assert _relations_to_professional() == set(_relation_makers()), (
        "A model points at Professional without a maker here: make the merge move its rows "
        "(a professionals_merged receiver), then add it to _relation_makers."
    )


def test_a_merge_moves_every_row_that_points_at_the_merged_entry(staff):
    student = make_user()
    kept = make_professional(full_name="Ada Twin", monthly_capacity=5)
    merged = make_professional(full_name="Ada  Twin", monthly_capacity=5)
    Professional.objects.filter(pk=kept.pk).update(created_at=timezone.now() - timedelta(days=9))
    kept.refresh_from_db()
    checks = {key: make(student, kept, merged) for key, make in _relation_makers().items()}

    assert binder.professionals_merge(first=merged, second=kept, by=staff) == kept

    assert not Professional.objects.filter(pk=merged.pk).exists()
    failed = [key for key, check in checks.items() if not check()]
    assert failed == []


def test_two_contacts_of_one_student_become_one_with_both_logs(staff):
    student = make_user()
    kept = make_professional(full_name="Ben Twin")
    merged = make_professional(full_name="Ben Twin")
    first = _contact(student, kept)
    second = reminders.contact_touch(
        student=student, counterpart=merged, note="Lunch", at=timezone.now() + timedelta(days=1)
    )
    reminders.contact_set(
        contact=second, is_mentor=True, cadence_days=None, stopped=False, reason="Guides me"
    )

    binder.professionals_merge(first=kept, second=merged, by=staff)

    contact = Contact.objects.get(student=student)
    assert contact.pk == first.pk and contact.professional_id == kept.pk
    assert sorted(contact.log.values_list("note", flat=True)) == ["Coffee", "Lunch"]
    assert contact.is_mentor and contact.mentor_reason == "Guides me"
    assert contact.last_contact_at == second.last_contact_at
    assert Reminder.objects.pending().filter(student=student, kind="keep_in_touch").count() == 1


def test_a_student_with_open_requests_to_both_keeps_one_and_loses_no_record(staff):
    student = make_user()
    kept = make_professional(full_name="Cy Twin", monthly_capacity=5)
    merged = make_professional(full_name="Cy Twin", monthly_capacity=5)
    first = sent_interview(student, kept)
    second = sent_interview(student, merged, start_in=timedelta(days=5))
    no_answer = Reminder.objects.get(interview=second, kind="no_answer")

    binder.professionals_merge(first=kept, second=merged, by=staff)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "requested" and second.status == "withdrawn"
    assert second.professional_id == kept.pk and second.plan.items.count() == 3
    no_answer.refresh_from_db()
    assert no_answer.professional_id == kept.pk and no_answer.state == "cancelled"


def test_a_confirmed_meeting_wins_over_a_request_and_the_other_gets_a_cancel(staff):
    student = make_user()
    kept = make_professional(full_name="Di Twin", monthly_capacity=5)
    merged = make_professional(full_name="Di Twin", monthly_capacity=5)
    request = sent_interview(student, kept)
    meeting = sent_interview(student, merged, start_in=timedelta(days=5))
    interviews.request_accept(
        where=LINK, interview=meeting, proposed_time_id=meeting.proposed_times.first().pk
    )

    binder.professionals_merge(first=kept, second=merged, by=staff)

    request.refresh_from_db()
    meeting.refresh_from_db()
    assert meeting.status == "confirmed" and meeting.professional_id == kept.pk
    assert request.status == "withdrawn"


def test_an_entry_with_student_rows_cannot_be_deleted_behind_the_merge():
    student = make_user()
    pro = make_professional()
    _contact(student, pro)
    with pytest.raises(ProtectedError):
        pro.delete()
    assert ContactLog.objects.filter(contact__student=student).count() == 1


def test_a_merge_that_fails_leaves_no_audit_row_and_a_merge_that_works_leaves_one(
    staff, monkeypatch
):
    first = make_professional(full_name="Ola Older")
    second = make_professional(full_name="ola older")
    _contact(make_user(), second)
    from apps.contacts.services import merging

    real_send = merging.signals.professionals_merged.send

    def forget_the_contacts(**kwargs):
        # A receiver that forgets to move a student's rows: PROTECT stops the delete.
        monkeypatch.setattr(merging.signals.professionals_merged, "send", real_send)
        return []

    monkeypatch.setattr(merging.signals.professionals_merged, "send", forget_the_contacts)
    with pytest.raises(ProtectedError):
        binder.professionals_merge(first=first, second=second, by=staff)
    assert not AuditEntry.objects.filter(action="merged").exists()
    assert Professional.objects.filter(pk=second.pk).exists()

    kept = binder.professionals_merge(first=first, second=second, by=staff)
    [entry] = AuditEntry.objects.filter(action="merged")
    assert entry.professional_id == kept.pk and entry.actor_id == staff.pk
