"""Students browse the binder's associations and directories by industry (issue 21)."""

import pytest
from django.urls import reverse

from apps.contacts.models import Industry, Resource

pytestmark = pytest.mark.django_db
URL = "contacts:student_resources"


@pytest.fixture
def binder():
    health = Industry.objects.get_or_create(name="Zealous Health")[0]
    law = Industry.objects.get_or_create(name="Zealous Law")[0]
    nurses = Resource.objects.create(
        kind="association", name="Guild of Ward Nurses", url="https://nurses.example"
    )
    nurses.industries.set([health])
    firms = Resource.objects.create(
        kind="directory",
        name="Register of Firms",
        url="https://firms.example",
        notes="Every firm, by city.",
    )
    firms.industries.set([health, law])
    Resource.objects.create(kind="directory", name="Chamber Listing", url="https://chamber.example")
    return {"health": health, "law": law}


def sections(page: str) -> dict[str, list[str]]:
    """Industry heading -> the resource names listed under it, in order."""
    found: dict[str, list[str]] = {}
    for part in page.split('class="h4">')[1:]:
        heading, rest = part.split("</h2>", 1)
        body = rest.split("</section>", 1)[0]
        found[heading] = [
            chunk.split("</a>")[0].split(">")[-1] for chunk in body.split('rel="noopener"')[1:]
        ]
    return found


def test_every_resource_is_listed_under_each_of_its_industries(binder, student_client):
    page = student_client.get(reverse(URL)).content.decode()
    groups = sections(page)
    assert groups["Zealous Health"] == ["Guild of Ward Nurses", "Register of Firms"]
    assert groups["Zealous Law"] == ["Register of Firms"]
    assert groups["Across industries"] == ["Chamber Listing"]
    assert list(groups)[-1] == "Across industries"
    assert "Every firm, by city." in page and 'href="https://nurses.example"' in page


def test_one_industry_and_one_kind_can_be_chosen(binder, student_client):
    page = student_client.get(reverse(URL), {"industry": binder["health"].pk}).content.decode()
    assert sections(page) == {"Zealous Health": ["Guild of Ward Nurses", "Register of Firms"]}
    page = student_client.get(
        reverse(URL), {"industry": binder["health"].pk, "kind": "directory"}
    ).content.decode()
    assert sections(page) == {"Zealous Health": ["Register of Firms"]}


def test_an_unknown_industry_is_explained_and_everything_is_shown(binder, student_client):
    response = student_client.get(reverse(URL), {"industry": "999999"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page
    assert "Guild of Ward Nurses" in page and "Chamber Listing" in page


def test_the_search_page_leads_there_and_staff_have_their_own(binder, student_client, staff_client):
    search = student_client.get(reverse("contacts:search")).content.decode()
    assert reverse(URL) in search
    assert staff_client.get(reverse(URL)).status_code == 403
