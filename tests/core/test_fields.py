"""An industry id no row can hold is refused by the form, never handed to the database.

(This replaces a test of the global override of every integer ``in`` lookup, which issue 23
scoped to the one form field that needed it; the fuzz test posts such ids to every form.)"""

import pytest

from apps.contacts.forms import ResourceForm
from apps.contacts.models import Industry
from apps.questions.forms import BankForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("huge", ["9223372036854775808", "-9223372036854775809", "1" * 30])
def test_a_huge_industry_id_is_an_invalid_choice(huge):
    industry = Industry.objects.create(name="Test industry")
    for form in (
        ResourceForm(
            {"kind": "association", "name": "A", "url": "https://a.example", "industries": [huge]}
        ),
        BankForm({"title": "T", "theme": "path", "industries": [str(industry.pk), huge]}),
    ):
        assert not form.is_valid()
        assert "is not one of the available choices" in str(form.errors["industries"])


def test_a_real_industry_is_accepted():
    industry = Industry.objects.create(name="Real industry")
    form = ResourceForm(
        {
            "kind": "association",
            "name": "A",
            "url": "https://a.example",
            "industries": [industry.pk],
        }
    )
    assert form.is_valid(), form.errors
