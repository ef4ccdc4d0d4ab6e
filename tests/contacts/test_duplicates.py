import pytest
from django.urls import reverse

from apps.contacts.models import MergeRecord, Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db


def test_duplicates_are_listed_and_merged_into_the_older_entry(staff_client, staff):
    older = make_professional(
        full_name="Zoë Adams",
        email="",
        organisation="Fjord Labs",
        phone="",
        job_title="Engineer",
        tags="python",
    )
    newer = make_professional(
        full_name="zoe  adams",
        email="zoe@fjord.example",
        organisation="Fjord Labs",
        phone="+47 555 0101",
        tags="rust, python",
    )
    referral = make_professional(full_name="Referred Rae", referred_by=newer)
    make_professional(
        full_name="Zoë Adams", organisation="Elsewhere Inc"
    )  # same name, other employer

    page = staff_client.get(reverse("contacts:duplicates")).content.decode()
    assert page.count("Merge “") == 1 and "zoe@fjord.example" in page

    response = staff_client.post(
        reverse("contacts:merge"), {"first": newer.pk, "second": older.pk, "confirm": "yes"}
    )
    assert response["Location"] == reverse("contacts:staff_detail", args=[older.pk])
    older.refresh_from_db()
    assert not Professional.objects.filter(pk=newer.pk).exists()
    assert older.email == "zoe@fjord.example" and older.phone == "+47 555 0101"
    assert older.job_title == "Engineer" and older.tags == "python, rust"
    referral.refresh_from_db()
    assert referral.referred_by == older
    record = MergeRecord.objects.get()
    assert record.kept == older and record.merged_name == "zoe  adams" and record.merged_by == staff
    assert "email" in record.moved["filled"] and record.moved["referrals"] == 1
    assert (
        "Merged with “zoe  adams”"
        in staff_client.get(reverse("contacts:staff_detail", args=[older.pk])).content.decode()
    )
    assert "Merge “" not in staff_client.get(reverse("contacts:duplicates")).content.decode()


def test_do_not_contact_survives_a_merge(staff_client):
    older = make_professional(full_name="Sam Same", organisation="X", email="")
    newer = make_professional(full_name="Sam Same", organisation="X", status="do_not_contact")
    staff_client.post(
        reverse("contacts:merge"), {"first": older.pk, "second": newer.pk, "confirm": "yes"}
    )
    older.refresh_from_db()
    assert older.status == "do_not_contact"


def test_merging_an_entry_with_itself_or_a_missing_one_is_refused(staff_client):
    pro = make_professional()
    response = staff_client.post(
        reverse("contacts:merge"),
        {"first": pro.pk, "second": pro.pk, "confirm": "yes"},
        follow=True,
    )
    assert (
        "no longer exists" in response.content.decode()
        or "two different entries" in response.content.decode()
    )
    response = staff_client.post(
        reverse("contacts:merge"),
        {"first": pro.pk, "second": 999999, "confirm": "yes"},
        follow=True,
    )
    assert "no longer exists" in response.content.decode()
    assert Professional.objects.filter(pk=pro.pk).exists()
