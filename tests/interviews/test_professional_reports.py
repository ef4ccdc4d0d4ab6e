"""A professional reports a no-show or a concern through their link; staff see it, students
never do (issue 21)."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from apps.interviews import services
from apps.interviews.models import Interview, ProfessionalReport

from .helpers import sent_interview

pytestmark = pytest.mark.django_db


def confirmed(student):
    interview = sent_interview(student)
    services.request_accept(
        interview=interview,
        proposed_time_id=interview.proposed_times.first().pk,
        where="https://meet.example.com/abc",
    )
    return Interview.objects.get(pk=interview.pk)


def report(interview, **data):
    token = services.professional_token(interview)
    return Client().post(
        reverse("interviews:respond_action", args=[token, "report"]), data, follow=True
    )


def test_a_no_show_is_kept_once_the_time_has_passed(student):
    interview = confirmed(student)
    after = interview.starts_at + timedelta(minutes=30)
    with time_machine.travel(after, tick=False):
        page = Client().get(
            reverse("interviews:respond", args=[services.professional_token(interview)])
        )
        assert "Tell the career centre about a problem" in page.content.decode()
        response = report(interview, kind="no_show", text="I waited 20 minutes on the call.")
    assert response.status_code == 200
    assert "the student is not shown your report" in response.content.decode()
    (row,) = ProfessionalReport.objects.all()
    assert (row.interview, row.kind, row.text) == (
        interview,
        "no_show",
        "I waited 20 minutes on the call.",
    )
    assert row.created_at == after
    interview.refresh_from_db()
    assert interview.status == "confirmed"  # the link still works: staff decide what follows


def test_a_no_show_before_the_time_is_refused_and_kept_nowhere(student):
    interview = confirmed(student)
    response = report(interview, kind="no_show", text="")
    assert "you can report that the student did not come once its time has passed" in (
        response.content.decode()
    )
    assert not ProfessionalReport.objects.exists()


def test_a_second_no_show_report_is_refused(student):
    interview = confirmed(student)
    with time_machine.travel(interview.starts_at + timedelta(hours=1), tick=False):
        report(interview, kind="no_show", text="")
        response = report(interview, kind="no_show", text="again")
    assert "already told us" in response.content.decode()
    assert ProfessionalReport.objects.count() == 1


def test_a_concern_needs_words_and_is_kept_with_them(student):
    interview = sent_interview(student)
    empty = report(interview, kind="concern", text="   ")
    assert "Say what happened" in empty.content.decode()
    assert not ProfessionalReport.objects.exists()
    bad_kind = report(interview, kind="gossip", text="x")
    assert bad_kind.status_code == 400 and "Select a valid choice" in bad_kind.content.decode()
    assert not ProfessionalReport.objects.exists()
    report(interview, kind="concern", text="The message asked me for a job outright.")
    (row,) = ProfessionalReport.objects.all()
    assert (row.kind, row.text) == ("concern", "The message asked me for a job outright.")


def test_staff_see_the_report_and_students_never_do(
    student, other_student, student_client, staff_client
):
    interview = sent_interview(student)
    report(interview, kind="concern", text="RUDE-ON-THE-PHONE")
    staff_page = staff_client.get(reverse("interviews:staff_reports")).content.decode()
    assert "RUDE-ON-THE-PHONE" in staff_page and "A concern about the student" in staff_page
    assert student.full_name in staff_page and interview.professional.full_name in staff_page
    listing = staff_client.get(reverse("interviews:staff_list")).content.decode()
    assert reverse("interviews:staff_reports") in listing
    own = student_client.get(reverse("interviews:detail", args=[interview.pk])).content.decode()
    assert "RUDE-ON-THE-PHONE" not in own
    assert student_client.get(reverse("interviews:staff_reports")).status_code == 403
    other = Client()
    other.force_login(other_student)
    assert other.get(reverse("interviews:staff_reports")).status_code == 403


def test_the_demo_has_a_no_show_report_for_staff(staff_client):
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    (row,) = ProfessionalReport.objects.all()
    assert row.kind == "no_show" and row.interview.status == "no_show"
    page = staff_client.get(reverse("interviews:staff_reports")).content.decode()
    assert "I waited on the call for fifteen minutes" in page
