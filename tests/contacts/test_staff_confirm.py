"""Turning a volunteer down and merging two entries each ask first, on a page that says what will
happen; only the POST from that page (confirm=yes) acts."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import MergeRecord, Professional

from ..conftest import client_for
from ..interviews.helpers import sent_interview
from .factories import make_professional

pytestmark = pytest.mark.django_db


def rows():
    return list(Professional.objects.order_by("pk").values_list("pk", "status", "full_name"))


# --- Turning a volunteer down ----------------------------------------------------------------


@pytest.fixture
def wren():
    return make_professional(
        full_name="Wren Volunteer",
        email="wren@studio.example",
        status="pending",
        source="volunteer",
        email_confirmed_at=timezone.now(),
    )


def turn_down(pro):
    return reverse("contacts:volunteer_decide", args=[pro.pk, "reject"])


def test_turn_down_shows_what_will_happen_and_changes_nothing(staff_client, wren):
    before = rows()
    response = staff_client.get(turn_down(wren))
    page = response.content.decode()
    assert response.status_code == 200 and page.count("<h1") == 1
    assert "Turn down the offer from Wren Volunteer?" in page
    assert "The offer is removed from the binder, with every detail Wren Volunteer gave us" in page
    assert "We do not e-mail them about it." in page and "This cannot be undone." in page
    assert '<button class="btn btn-danger" type="submit">Yes, turn down this offer</button>' in page
    assert f'href="{reverse("contacts:volunteers")}">No, back to the volunteers</a>' in page
    assert rows() == before


@pytest.mark.parametrize("data", [{}, {"confirm": "no"}])
def test_a_turn_down_post_without_the_confirmation_changes_nothing(staff_client, wren, data):
    before = rows()
    response = staff_client.post(turn_down(wren), data)
    assert response.status_code == 200 and "Yes, turn down this offer" in response.content.decode()
    assert rows() == before


def test_a_confirmed_turn_down_removes_the_offer(staff_client, wren):
    response = staff_client.post(turn_down(wren), {"confirm": "yes"}, follow=True)
    assert "The offer from Wren Volunteer was turned down and removed." in response.content.decode()
    assert not Professional.objects.filter(pk=wren.pk).exists()


def test_only_staff_turn_offers_down(student, wren):
    before = rows()
    for user, status in [(student, 403), (None, 302)]:
        client = client_for(user)
        assert client.get(turn_down(wren)).status_code == status
        assert client.post(turn_down(wren), {"confirm": "yes"}).status_code == status
    assert rows() == before


def test_an_entry_that_is_not_a_waiting_offer_is_404(staff_client):
    active = make_professional()
    before = rows()
    assert staff_client.get(turn_down(active)).status_code == 404
    assert staff_client.post(turn_down(active), {"confirm": "yes"}).status_code == 404
    assert rows() == before


def test_approving_still_takes_one_click_and_turning_down_is_a_link(staff_client, wren):
    approve = reverse("contacts:volunteer_decide", args=[wren.pk, "approve"])
    assert staff_client.get(approve).status_code == 405
    page = staff_client.get(reverse("contacts:volunteers")).content.decode()
    assert f'action="{approve}"' in page
    assert f'action="{turn_down(wren)}"' not in page and f'href="{turn_down(wren)}"' in page


# --- Merging two entries -----------------------------------------------------------------------


@pytest.fixture
def pair():
    older = make_professional(full_name="Zoë Adams", email="", organisation="Fjord Labs")
    newer = make_professional(
        full_name="zoe adams", email="zoe@fjord.example", organisation="Fjord Labs"
    )
    return older, newer


def merge_url(first, second):
    return reverse("contacts:merge") + f"?first={first.pk}&second={second.pk}"


def test_merge_shows_which_entry_is_kept_and_what_moves_and_changes_nothing(staff_client, pair):
    older, newer = pair
    before = rows()
    # Asked the other way round, the page still names the older entry as the one kept.
    response = staff_client.get(merge_url(newer, older))
    page = response.content.decode()
    assert response.status_code == 200 and page.count("<h1") == 1
    assert "Merge “zoe adams” into “Zoë Adams”?" in page
    assert "“Zoë Adams”, the older entry, is kept. “zoe adams” is folded into it" in page
    assert "students' interviews and requests, their contacts and reminders" in page
    assert "This cannot be undone" in page
    assert '<button class="btn btn-danger" type="submit">Yes, merge these entries</button>' in page
    assert f'<input type="hidden" name="first" value="{older.pk}">' in page
    assert f'<input type="hidden" name="second" value="{newer.pk}">' in page
    assert f'href="{reverse("contacts:duplicates")}">No, back to the duplicates</a>' in page
    assert rows() == before and not MergeRecord.objects.exists()


def test_merge_warns_when_the_folded_entry_asked_never_to_be_contacted(staff_client, pair):
    older, newer = pair
    Professional.objects.filter(pk=newer.pk).update(status="do_not_contact")
    page = staff_client.get(merge_url(older, newer)).content.decode()
    assert "the kept entry becomes “do not contact” too" in page


@pytest.mark.parametrize("extra", [{}, {"confirm": "no"}])
def test_a_merge_post_without_the_confirmation_changes_nothing(staff_client, pair, extra):
    older, newer = pair
    before = rows()
    response = staff_client.post(
        reverse("contacts:merge"), {"first": older.pk, "second": newer.pk, **extra}
    )
    assert response.status_code == 200 and "Yes, merge these entries" in response.content.decode()
    assert rows() == before and not MergeRecord.objects.exists()


def test_a_confirmed_merge_keeps_the_entry_the_page_named_and_moves_interviews(
    staff_client, pair, student
):
    older, newer = pair
    interview = sent_interview(student, newer)
    page = staff_client.get(merge_url(newer, older)).content.decode()
    assert "“Zoë Adams”, the older entry, is kept" in page
    response = staff_client.post(
        reverse("contacts:merge"), {"first": newer.pk, "second": older.pk, "confirm": "yes"}
    )
    assert response["Location"] == reverse("contacts:staff_detail", args=[older.pk])
    assert not Professional.objects.filter(pk=newer.pk).exists()
    interview.refresh_from_db()
    assert interview.professional_id == older.pk


def test_only_staff_merge(student, pair):
    older, newer = pair
    before = rows()
    data = {"first": older.pk, "second": newer.pk, "confirm": "yes"}
    for user, status in [(student, 403), (None, 302)]:
        client = client_for(user)
        assert client.get(merge_url(older, newer)).status_code == status
        assert client.post(reverse("contacts:merge"), data).status_code == status
    assert rows() == before and not MergeRecord.objects.exists()


def test_a_merge_page_for_missing_entries_goes_back_to_the_duplicates(staff_client, pair):
    older, _ = pair
    response = staff_client.get(reverse("contacts:merge") + f"?first={older.pk}&second=999999")
    assert response["Location"] == reverse("contacts:duplicates")
    response = staff_client.get(reverse("contacts:merge"), follow=True)
    assert "Choose two entries to merge." in response.content.decode()


def test_the_duplicates_page_links_to_the_merge_step(staff_client, pair):
    older, newer = pair
    page = staff_client.get(reverse("contacts:duplicates")).content.decode()
    assert f'action="{reverse("contacts:merge")}"' not in page
    assert (
        f'href="{reverse("contacts:merge")}?first={older.pk}&amp;second={newer.pk}">Merge “zoe adams”'
        in page
    )


# --- The edit form cannot end every conversation in one click ---------------------------------


@pytest.mark.parametrize("status", ["do_not_contact", "retired"])
def test_the_edit_form_cannot_set_never_or_retired_without_the_confirmation(
    staff_client, student, status
):
    pro = make_professional(full_name="Zoe Adams", email="zoe@pro.example")
    interview = sent_interview(student, pro)
    url = reverse("contacts:staff_edit", args=[pro.pk])
    form = staff_client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update({"full_name": "Zoe Adams", "email": "zoe@pro.example", "status": status})
    data["industry"] = data.get("industry") or ""
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "use “Change status” on their page" in response.content.decode()
    pro.refresh_from_db()
    interview.refresh_from_db()
    assert pro.status == "active" and interview.status == "requested"
