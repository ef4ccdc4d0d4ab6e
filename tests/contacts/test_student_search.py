import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.contacts.models import Resource

from .factories import make_professional

pytestmark = pytest.mark.django_db
SEARCH = reverse("contacts:search")


def names(response):
    return [p.full_name for p in response.context["page"].object_list]


def test_search_by_text_and_filters(student_client):
    make_professional(
        full_name="Aiko Tanaka",
        job_title="UX Researcher",
        industry="Technology",
        talk_about="Usability testing and interviews",
        is_alumni=True,
        accepts_video=True,
    )
    make_professional(
        full_name="Ben Okafor",
        job_title="Tax Adviser",
        industry="Accounting and Finance",
        location="Lagos",
        accepts_video=False,
        accepts_phone=True,
    )
    assert names(student_client.get(SEARCH, {"q": "usability"})) == ["Aiko Tanaka"]
    assert names(student_client.get(SEARCH, {"q": "UX rese"})) == ["Aiko Tanaka"]
    assert names(student_client.get(SEARCH, {"q": "technology"})) == ["Aiko Tanaka"]
    assert names(student_client.get(SEARCH, {"location": "lagos"})) == ["Ben Okafor"]
    assert names(student_client.get(SEARCH, {"alumni": "on"})) == ["Aiko Tanaka"]
    assert names(student_client.get(SEARCH, {"format": "video"})) == ["Aiko Tanaka"]
    assert names(student_client.get(SEARCH, {"q": "nobody-like-this"})) == []


def test_students_see_only_active_people_and_never_do_not_contact(student_client):
    shown = make_professional(full_name="Active Ann")
    hidden = [
        make_professional(full_name=f"{status} Person", status=status)
        for status in ["pending", "paused", "retired", "do_not_contact"]
    ]
    assert names(student_client.get(SEARCH)) == ["Active Ann"]
    assert names(student_client.get(SEARCH, {"q": "person"})) == []
    assert student_client.get(reverse("contacts:profile", args=[shown.pk])).status_code == 200
    for professional in hidden:
        assert (
            student_client.get(reverse("contacts:profile", args=[professional.pk])).status_code
            == 404
        )


def test_profile_never_shows_email_or_phone(student_client):
    pro = make_professional(
        full_name="Priv Ate",
        email="secret@hidden.example",
        phone="+44 20 7946 0999",
        industry="Technology",
        linkedin_url="https://www.linkedin.com/in/privy",
    )
    Resource.objects.create(
        kind="association", name="Guild of Testers", url="https://guild.example"
    ).industries.add(pro.industry)
    page = student_client.get(reverse("contacts:profile", args=[pro.pk])).content.decode()
    assert "secret@hidden.example" not in page and "7946 0999" not in page
    assert "Guild of Testers" in page and "linkedin.com/in/privy" in page
    listing = student_client.get(SEARCH).content.decode()
    assert "secret@hidden.example" not in listing and "7946 0999" not in listing


def queries_for_search(client, rows):
    from apps.contacts.models import Industry, Professional

    Professional.objects.all().delete()
    for n in range(rows):
        make_professional(
            organisation=f"Org {n}", industry="Technology", occupation="Management Occupations"
        )
    industry = Industry.objects.get(name="Technology").pk
    cache.clear()  # both counts include reading the kept taxonomy lists
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "analyst", "industry": industry})
    assert len(response.context["page"].object_list) == min(rows, 20)
    return len(queries)


def test_search_query_count_does_not_grow_with_rows(student_client):
    small, large = queries_for_search(student_client, 5), queries_for_search(student_client, 50)
    assert small == large
    assert large <= 9


def test_staff_cannot_use_the_student_search(staff_client):
    assert staff_client.get(SEARCH).status_code == 403
