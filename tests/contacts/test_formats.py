"""The ways of talking are listed once (Professional.FORMATS) and the "at least one" rule is one
mixin; every form that sets them, and the interview's own formats, go through them."""

import pytest

from apps.contacts.forms import ListingForm, ProfessionalForm, VolunteerForm
from apps.contacts.models import Professional
from apps.interviews.models import Interview

from .factories import make_professional

pytestmark = pytest.mark.django_db


def test_an_interviews_formats_are_the_ones_a_professional_can_accept():
    assert set(Interview.Format.values) == set(Professional.FORMATS)
    pro = make_professional(
        accepts_in_person=False, accepts_phone=True, accepts_video=False, accepts_email=True
    )
    assert [f for f in Interview.Format.values if pro.accepts(f)] == ["phone", "email"]
    assert not pro.accepts("carrier pigeon")


@pytest.mark.parametrize("form_class", [ProfessionalForm, VolunteerForm, ListingForm])
def test_every_form_that_sets_formats_needs_at_least_one(form_class):
    form = form_class(data={"full_name": "No Formats", "email": "nf@firm.example"})
    assert not form.is_valid()
    assert any("at least one way" in e for e in form.errors["accepts_phone"])
