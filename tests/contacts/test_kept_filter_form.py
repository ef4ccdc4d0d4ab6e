"""The list pages keep their rendered filter form ({% cache %}), and never show it stale."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.contacts.filters import StaffFilterForm
from apps.contacts.models import Industry

pytestmark = pytest.mark.django_db

PAGES = [("staff_client", "contacts:staff_list"), ("student_client", "contacts:search")]


def the_form(page: str) -> str:
    return page.split('<form method="get"')[1].split("</form>")[0]


@pytest.mark.parametrize("who, name", PAGES)
def test_the_second_view_shows_the_same_form_with_fewer_queries(request, who, name):
    client = request.getfixturevalue(who)
    url = reverse(name)
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url, {"q": "fin"}).content.decode()
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url, {"q": "fin"}).content.decode()
    assert the_form(first) == the_form(second)
    assert 'value="fin"' in the_form(first) and "<select" in the_form(first)
    assert len(warm) < len(cold)


def test_the_kept_form_is_what_crispy_renders():
    page_form = the_form(
        _page(reverse("contacts:staff_list"), {"q": "analyst", "status": "nonsense"})
    )
    fresh = as_crispy_form(StaffFilterForm(QueryDict("q=analyst&status=nonsense")))
    assert " ".join(fresh.split()) in " ".join(page_form.split())
    assert "Select a valid choice" in page_form


def _page(url, params):
    from tests.conftest import client_for, make_user

    return client_for(make_user(role="staff")).get(url, params).content.decode()


@pytest.mark.parametrize("who, name", PAGES)
def test_a_renamed_industry_or_other_filters_render_afresh(request, who, name):
    client = request.getfixturevalue(who)
    url = reverse(name)
    before = the_form(client.get(url).content.decode())
    industry = Industry.objects.order_by("name").first()
    industry.name = "Zoology and <Zoos>"
    industry.save()
    renamed = the_form(client.get(url).content.decode())
    assert "Zoology and &lt;Zoos&gt;" in renamed and "Zoology" not in before
    searched = the_form(client.get(url, {"q": "analyst"}).content.decode())
    assert 'value="analyst"' in searched and 'value="analyst"' not in renamed
