from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db
LIST = reverse("contacts:staff_list")


def names(response):
    return [p.full_name for p in response.context["page"].object_list]


def test_filters_search_and_sort(staff_client):
    make_professional(
        full_name="Aiko Tanaka",
        consent_at=timezone.now() - timedelta(days=400),
        job_title="UX Researcher",
        industry="Technology",
        organisation="Pixel Works",
        is_alumni=True,
        accepts_in_person=True,
    )
    make_professional(
        full_name="Ben Okafor",
        job_title="Tax Adviser",
        industry="Accounting and Finance",
        organisation="Ledger & Co",
        status="paused",
    )
    make_professional(
        full_name="Cara Nilsen",
        job_title="Curator",
        industry="Arts, Culture and Heritage",
        organisation="Fjord Museum",
        location="Bergen",
        consent_at=timezone.now(),
    )
    assert names(staff_client.get(LIST, {"q": "ux res"})) == ["Aiko Tanaka"]
    assert names(staff_client.get(LIST, {"q": "ledger"})) == ["Ben Okafor"]
    assert names(staff_client.get(LIST, {"status": "paused"})) == ["Ben Okafor"]
    assert names(staff_client.get(LIST, {"alumni": "yes"})) == ["Aiko Tanaka"]
    assert names(staff_client.get(LIST, {"format": "in_person"})) == ["Aiko Tanaka"]
    assert names(staff_client.get(LIST, {"location": "berg"})) == ["Cara Nilsen"]
    assert names(staff_client.get(LIST, {"consent_due": "on"})) == ["Aiko Tanaka", "Ben Okafor"]
    by_org = names(staff_client.get(LIST, {"sort": "organisation"}))
    assert by_org == ["Cara Nilsen", "Ben Okafor", "Aiko Tanaka"]


def test_pagination(staff_client):
    for n in range(30):
        make_professional(full_name=f"Person {n:02}")
    first = staff_client.get(LIST)
    assert len(first.context["page"].object_list) == 25
    assert "Page 1 of 2" in first.content.decode()
    assert names(staff_client.get(LIST, {"page": 2}))[-1] == "Person 29"


def queries_for_list(client, rows):
    Professional.objects.all().delete()
    for n in range(rows):
        make_professional(
            organisation=f"Org {n}", industry="Technology", occupation="Management Occupations"
        )
    cache.clear()  # both counts include reading the kept taxonomy lists
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": "professional"})
    assert len(response.context["page"].object_list) == min(rows, 25)
    return len(queries)


def test_staff_list_query_count_does_not_grow(staff_client):
    small, large = queries_for_list(staff_client, 5), queries_for_list(staff_client, 50)
    assert small == large
    assert large <= 9


def test_staff_create_edit_and_status(staff_client):
    response = staff_client.post(
        reverse("contacts:staff_create"),
        {
            "full_name": "Dana Reyes",
            "job_title": "Nurse Manager",
            "time_zone": "America/Chicago",
            "monthly_capacity": 2,
            "email": "Dana@Clinic.example",
            "accepts_phone": "on",
            "offers_interviews": "on",
            "status": "active",
            "consent_method": "phone",
            "consent_given_on": "2026-03-03",
        },
    )
    dana = Professional.objects.get()
    assert response["Location"] == reverse("contacts:staff_detail", args=[dana.pk])
    assert dana.email == "dana@clinic.example" and dana.source == "staff"

    response = staff_client.post(
        reverse("contacts:staff_create"),
        {
            "full_name": "Copy",
            "time_zone": "UTC",
            "monthly_capacity": 2,
            "email": "dana@clinic.example",
            "accepts_phone": "on",
            "status": "active",
        },
    )
    assert "Dana Reyes already has this address" in response.content.decode()
    assert Professional.objects.count() == 1

    staff_client.post(
        reverse("contacts:staff_status", args=[dana.pk]), {"status": "do_not_contact"}
    )
    dana.refresh_from_db()
    assert dana.status == "active"  # the first post only shows what will happen
    staff_client.post(
        reverse("contacts:staff_status", args=[dana.pk]),
        {"status": "do_not_contact", "confirm": "yes"},
    )
    dana.refresh_from_db()
    assert dana.status == "do_not_contact"
    response = staff_client.post(
        reverse("contacts:staff_status", args=[dana.pk]), {"status": "active"}, follow=True
    )
    assert "asked never to be contacted again" in response.content.decode()
    dana.refresh_from_db()
    assert dana.status == "do_not_contact"


def test_detail_shows_private_details_and_consent_to_staff(staff_client, staff):
    pro = make_professional(
        full_name="Eli Kahn",
        email="eli@x.example",
        phone="+1 555 0100",
        consent_at=timezone.now(),
        consent_method="phone",
        consent_recorded_by=staff,
        consent_terms="Happy to take two calls a month.",
    )
    page = staff_client.get(reverse("contacts:staff_detail", args=[pro.pk])).content.decode()
    assert "eli@x.example" in page and "+1 555 0100" in page
    assert "by phone, recorded by Sam Staff" in page and "Happy to take two calls a month." in page


def test_bad_input_on_the_staff_form_changes_nothing(staff_client):
    pro = make_professional(full_name="Fay Lee")
    response = staff_client.post(
        reverse("contacts:staff_edit", args=[pro.pk]),
        {
            "full_name": "",
            "time_zone": "Nowhere/Land",
            "monthly_capacity": 500,
            "status": "active",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in page and "Select a valid choice" in page
    assert "Choose at least one way they are happy to talk" in page
    pro.refresh_from_db()
    assert pro.full_name == "Fay Lee"


def test_organisation_rename_reaches_search(staff_client):
    pro = make_professional(full_name="Gus Hale", organisation="Old Name Ltd")
    org = pro.organisation
    staff_client.post(
        reverse("contacts:organisation_edit", args=[org.pk]), {"name": "Brand New Plc"}
    )
    assert names(staff_client.get(LIST, {"q": "brand new"})) == ["Gus Hale"]


def queries_to_rename(staff_client, organisation, name):
    with CaptureQueriesContext(connection) as captured:
        response = staff_client.post(
            reverse("contacts:organisation_edit", args=[organisation.pk]), {"name": name}
        )
    assert response.status_code == 302
    return len(captured)


def test_organisation_rename_reaches_everyone_there_in_the_same_queries_however_many(
    staff_client,
):
    few = make_professional(full_name="Ida One", organisation="Small Co").organisation
    many = make_professional(full_name="Jo First", organisation="Big Co", industry="Technology")
    for n in range(6):
        make_professional(full_name=f"Kim {n}", organisation=many.organisation)
    elsewhere = make_professional(full_name="Lee Apart", organisation="Other Co")
    assert queries_to_rename(staff_client, few, "Tiny Co") == queries_to_rename(
        staff_client, many.organisation, "Huge Co"
    )
    found = names(staff_client.get(LIST, {"q": "huge"}))
    assert sorted(found) == ["Jo First", *[f"Kim {n}" for n in range(6)]]
    assert names(staff_client.get(LIST, {"q": "big co"})) == []
    # The rest of each entry's words stay searchable; other organisations' people are untouched.
    assert names(staff_client.get(LIST, {"q": "huge technology"})) == ["Jo First"]
    assert names(staff_client.get(LIST, {"q": "tiny"})) == ["Ida One"]
    elsewhere.refresh_from_db()
    assert "other co" in elsewhere.search_text


def test_taxonomy_can_be_extended_but_not_duplicated(staff_client):
    staff_client.post(reverse("contacts:taxonomy"), {"kind": "industry", "name": "Space  Industry"})
    response = staff_client.post(
        reverse("contacts:taxonomy"), {"kind": "industry", "name": "space industry"}
    )
    assert "is already in the list" in response.content.decode()
    from apps.contacts.models import Industry

    assert Industry.objects.filter(name="Space Industry").count() == 1


def test_rows_escape_what_people_typed_in_the_binder_list_and_the_search(
    staff_client, student_client
):
    make_professional(
        full_name="Eve <script>alert(1)</script>",
        job_title="R&D <b>lead</b>",
        organisation='Smith & "Sons"',
        talk_about="<img src=x> & more",
        consent_at=timezone.now(),
    )
    make_professional(full_name="Lone Worker", location="Leeds & <Bradford>")
    binder = staff_client.get(LIST).content.decode()
    found = student_client.get(reverse("contacts:search")).content.decode()
    for page in (binder, found):
        assert "<script>alert" not in page and "<b>lead" not in page
        assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "R&amp;D &lt;b&gt;lead&lt;/b&gt;" in page
        assert "Smith &amp; &quot;Sons&quot;" in page
    assert "&lt;img src=x&gt; &amp; more" in found
    # Escaped once, not twice, with or without an organisation before it.
    assert "Leeds &amp; &lt;Bradford&gt;" in found and "&amp;amp;" not in found


@pytest.mark.parametrize("sort", ["name", "organisation"])
def test_the_lists_count_their_rows_without_joining_what_the_rows_show(
    sort, staff_client, student_client
):
    for n in range(3):
        make_professional(organisation=f"Org {n}", industry="Technology")
    pages = [
        (staff_client, LIST, {"sort": sort}),
        (student_client, reverse("contacts:search"), {"q": "analyst"}),
    ]
    for client, url, params in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
        counts = [sql for sql in counts if '"contacts_professional"' in sql.split("WHERE")[0]]
        assert counts, url
        for sql in counts:
            assert "JOIN" not in sql.split("WHERE")[0], sql
