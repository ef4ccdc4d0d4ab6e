"""``crispy_kept``: the filter forms rendered once and reused, never stale."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.contacts.forms import StaffFilterForm, StudentSearchForm
from apps.contacts.models import Industry
from apps.core.templatetags.kept_forms import crispy_kept

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make",
    [
        lambda: StudentSearchForm(initial={"available": True}),
        lambda: StudentSearchForm(QueryDict("q=design&format=video&alumni=on")),
        lambda: StaffFilterForm(),
        lambda: StaffFilterForm(QueryDict("status=nonsense&q=<b>")),  # with errors
    ],
)
def test_gives_what_crispy_gives_first_and_second_time(make):
    expected = str(as_crispy_form(make()))
    assert str(crispy_kept(make())) == expected
    with CaptureQueriesContext(connection) as kept:
        again = str(crispy_kept(make()))
    assert again == expected
    assert len(kept) == 0  # the taxonomy offered is kept too (contacts.forms.TAXONOMY_SECONDS)


def test_a_changed_choice_or_other_data_renders_afresh():
    first = str(crispy_kept(StaffFilterForm()))
    industry = Industry.objects.order_by("name").first()
    industry.name = "Zoology and <Zoos>"
    industry.save()
    renamed = str(crispy_kept(StaffFilterForm()))
    assert renamed != first and "Zoology and &lt;Zoos&gt;" in renamed
    assert renamed == str(as_crispy_form(StaffFilterForm()))
    searched = str(crispy_kept(StaffFilterForm(QueryDict("q=analyst"))))
    assert 'value="analyst"' in searched and 'value="analyst"' not in renamed


def test_list_pages_show_the_kept_form(staff_client, student_client):
    for client, url in [
        (staff_client, reverse("contacts:staff_list")),
        (student_client, reverse("contacts:search")),
    ]:
        pages = [client.get(url, {"q": "fin"}).content.decode() for _ in range(2)]
        first, second = (page.split('<form method="get"')[1].split("</form>")[0] for page in pages)
        assert first == second and 'value="fin"' in first and "<select" in first
