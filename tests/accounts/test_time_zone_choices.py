"""Time-zone choices come grouped by region (an <optgroup> each), never as one flat list of
six hundred names, in every form that offers a time zone."""

import inspect
import re

import pytest
from django import forms
from django.urls import reverse

from apps.accounts import forms as account_forms
from apps.accounts.forms import TimeZoneField
from apps.contacts import forms as contact_forms

pytestmark = pytest.mark.django_db


def _forms_offering_a_time_zone():
    found = []
    for module in (account_forms, contact_forms):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                for name, field in cls.base_fields.items():
                    if isinstance(field, TimeZoneField) or "zone" in name:
                        found.append((cls, name, field))
    return found


def test_every_form_with_a_time_zone_offers_it_grouped_by_region():
    offered = _forms_offering_a_time_zone()
    assert len(offered) >= 6  # registration, profile, invitation, staff binder, volunteer, listing
    for cls, name, field in offered:
        assert isinstance(field, TimeZoneField), f"{cls.__name__}.{name} is not a TimeZoneField"
        groups = dict(field.choices)
        assert {"Europe", "America", "Asia", "Africa", "Pacific"} <= set(groups), cls
        assert all(isinstance(zones, list) for zones in groups.values()), cls
        assert ("Europe/London", "London") in groups["Europe"]
        # Nothing is lost by the grouping: all the zones are still offered, once each.
        names = [value for zones in groups.values() for value, _ in zones]
        assert len(names) == len(set(names)) > 400
        assert "UTC" in dict(groups["Other zones"])


@pytest.mark.parametrize(
    "who, url",
    [
        ("student", "accounts:profile"),
        ("anonymous", "accounts:register"),
        ("anonymous", "contacts:volunteer"),
    ],
)
def test_pages_render_time_zones_in_optgroups(who, url, student_client, client):
    visitor = student_client if who == "student" else client
    page = visitor.get(reverse(url)).content.decode()
    select = re.search(r'<select name="[^"]*time_zone".*?</select>', page, re.S)
    assert select is not None
    markup = select.group(0)
    assert '<optgroup label="Europe">' in markup and '<optgroup label="America">' in markup
    europe = markup.split('<optgroup label="Europe">')[1].split("</optgroup>")[0]
    assert 'value="Europe/London"' in europe and ">London</option>" in europe
    # No group is a flat dump: the largest holds a fraction of the whole list.
    assert max(len(g.split("<option")) for g in markup.split("<optgroup")) < 200


def test_a_grouped_choice_still_validates_and_a_made_up_zone_is_refused():
    field = TimeZoneField()
    assert field.clean("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"
    assert field.clean("UTC") == "UTC"
    with pytest.raises(forms.ValidationError):
        field.clean("Mars/Olympus_Mons")
