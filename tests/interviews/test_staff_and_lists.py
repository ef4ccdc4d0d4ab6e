from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import Professional
from apps.interviews import services
from apps.interviews.models import Interview, Referral

from ..conftest import make_user
from ..contacts.factories import make_professional
from .helpers import sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def make_interviews(n, student=None):
    pro = make_professional(industry="Technology")
    for _ in range(n):
        Interview.objects.create(
            student=student or make_user(),
            professional=pro,
            status="completed",
            notes="SECRET NOTE",
            reflection="PRIVATE REFLECTION",
        )


def test_staff_see_status_and_dates_never_notes(staff_client):
    make_interviews(2)
    page = staff_client.get(reverse("interviews:staff_list")).content.decode()
    assert "Held" in page
    assert "SECRET NOTE" not in page and "PRIVATE REFLECTION" not in page


def test_staff_filters_and_stalled_requests(staff_client, student):
    old = sent_interview(student)
    Interview.objects.filter(pk=old.pk).update(requested_at=timezone.now() - timedelta(days=9))
    make_interviews(2)
    response = staff_client.get(reverse("interviews:staff_list"), {"status": "requested"})
    assert [i.pk for i in response.context["page"].object_list] == [old.pk]
    assert old.pk in [i.pk for i in response.context["stalled"]]
    response = staff_client.get(reverse("interviews:staff_list"), {"student": student.email})
    assert [i.pk for i in response.context["page"].object_list] == [old.pk]


def count_queries(client, url, setup):
    setup()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_staff_list_queries_do_not_grow(staff_client):
    url = reverse("interviews:staff_list")
    assert count_queries(staff_client, url, lambda: make_interviews(3)) == count_queries(
        staff_client, url, lambda: make_interviews(30)
    )


def test_student_list_queries_do_not_grow(student, student_client):
    url = reverse("interviews:list")
    assert count_queries(student_client, url, lambda: make_interviews(3, student)) == count_queries(
        student_client, url, lambda: make_interviews(30, student)
    )


def test_staff_vet_a_referral_into_the_binder(staff_client, student):
    interview = sent_interview(student)
    referral = Referral.objects.create(
        interview=interview, name="Sam Lee", role="Research Ops", contact="sam@firm.example"
    )
    staff_client.post(reverse("interviews:referral_decide", args=[referral.pk, "add"]))
    added = Professional.objects.get(email="sam@firm.example")
    assert added.status == "pending" and added.source == "referral"
    assert added.referred_by == interview.professional and added.referred_by_student == student
    referral.refresh_from_db()
    assert referral.status == "added" and referral.professional == added
    response = staff_client.post(
        reverse("interviews:referral_decide", args=[referral.pk, "add"]), follow=True
    )
    assert "handled already" in response.content.decode()


def test_merging_professionals_moves_their_interviews(staff_client, student):
    older = make_professional(full_name="Twin Pro", organisation="T", email="")
    newer = make_professional(full_name="Twin Pro", organisation="T")
    interview = sent_interview(student, newer)
    staff_client.post(
        reverse("contacts:merge"), {"first": older.pk, "second": newer.pk, "confirm": "yes"}
    )
    interview.refresh_from_db()
    assert interview.professional == older
    assert "1 interview(s)" in older.merges.get().moved["other"]


def test_the_students_own_list_shows_each_stage(student_client, student):
    interview = sent_interview(student)
    services.request_withdraw(interview=interview)
    page = student_client.get(reverse("interviews:list")).content.decode()
    assert "Withdrawn" in page


def test_seed_demo_adds_interviews_in_every_state():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    states = set(Interview.objects.values_list("status", flat=True))
    assert states == set(Interview.Status.values)
    held = Interview.objects.filter(status="completed", promises__isnull=False).first()
    assert held.referrals.exists() and held.answers.exists() and held.language_terms()


def test_staff_list_shows_each_professionals_load_this_month(staff_client, student):
    interview = sent_interview(student)
    page = staff_client.get(reverse("interviews:staff_list")).content.decode()
    assert f"<td>1 of {interview.professional.monthly_capacity}</td>" in page


def test_a_record_with_an_error_keeps_everything_typed(student, student_client):
    interview = sent_interview(student)
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    response = student_client.post(
        reverse("interviews:record", args=[interview.pk]),
        {
            "notes": "Everything I typed during the call",
            "actual_minutes": 999,
            "promise_due_1": "2030-01-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Everything I typed during the call" in page
    assert "between 1 and 240" in page and "Say what they promised" in page
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.notes == ""


def test_the_date_filters_take_whole_days_in_the_viewers_zone(staff, settings):
    from ..conftest import client_for

    staff.time_zone = "Pacific/Auckland"
    staff.save()
    pro = make_professional(full_name="Dana Dated")
    late = Interview.objects.create(student=make_user(), professional=pro, status="draft")
    # 23:30 on 10 March in Auckland is still 10 March to the viewer (10:30 UTC that day).
    moment = timezone.make_aware(
        timezone.datetime(2026, 3, 10, 23, 30), timezone.get_fixed_timezone(13 * 60)
    )
    Interview.objects.filter(pk=late.pk).update(updated_at=moment)
    client = client_for(staff)
    url = reverse("interviews:staff_list")
    on_the_day = client.get(url, {"date_from": "2026-03-10", "date_to": "2026-03-10"})
    assert "Dana Dated" in on_the_day.content.decode()
    next_day = client.get(url, {"date_from": "2026-03-11"}).content.decode()
    assert "Dana Dated" not in next_day


def test_the_interview_list_counts_without_the_rows_joins_or_load(staff_client):
    make_interviews(3)
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.get(reverse("interviews:staff_list")).status_code == 200
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    counted = [sql for sql in counts if '"interviews_interview"' in sql.split("WHERE")[0]]
    assert counted and all("JOIN" not in sql and "monthlyload" not in sql for sql in counted)


def test_staff_list_counts_up_to_the_limit_then_asks_to_narrow(staff_client, monkeypatch):
    from apps.core import pagination

    monkeypatch.setattr(pagination, "COUNT_LIMIT", 4)
    make_interviews(6)
    page = staff_client.get(reverse("interviews:staff_list")).content.decode()
    assert "More than 4 interviews" in page and "Filter by status, dates" in page
    assert page.count("SECRET NOTE") == 0
    response = staff_client.get(reverse("interviews:staff_list"), {"status": "requested"})
    assert "0 interviews" in response.content.decode()
    assert response.context["page"].more_than is None
    monkeypatch.setattr(pagination, "COUNT_LIMIT", 6)  # exactly at the limit: counted exactly
    assert "6 interviews" in staff_client.get(reverse("interviews:staff_list")).content.decode()
