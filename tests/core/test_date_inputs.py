"""A browser's date picker shows only an ISO value (2026-12-07). The site speaks en-GB, whose
own date format (07/12/2026) a date input drops: the field looks empty and a form sent back
as it stands loses its date. Every date and date-time input the product renders carries ISO."""

import importlib
import re
from datetime import datetime

import pytest
from django import forms
from django.apps import apps
from django.test import override_settings

from apps.network.models import Person

from ..conftest import client_for

pytestmark = pytest.mark.django_db

ISO = {"date": r"\d{4}-\d{2}-\d{2}", "datetime-local": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"}


def date_inputs(html: str) -> list[tuple[str, str]]:
    found = []
    for tag in re.findall(r"<input[^>]*type=\"(?:date|datetime-local)\"[^>]*>", html):
        kind = re.search(r'type="([^"]+)"', tag).group(1)
        value = re.search(r'value="([^"]*)"', tag)
        found.append((kind, value.group(1) if value else ""))
    return found


@override_settings(LANGUAGE_CODE="en-gb")
def test_a_persons_page_offers_todays_date_in_iso(student):
    person = Person.objects.create(student=student, full_name="Aoife Ní Bhriain")
    html = client_for(student).get(f"/people/{person.pk}/").content.decode()
    inputs = date_inputs(html)
    filled = [(kind, value) for kind, value in inputs if value]
    assert len(filled) >= 2  # the approach's day and the day to ring
    for kind, value in filled:
        assert re.fullmatch(ISO[kind], value), (kind, value)


def every_form_class():
    for config in apps.get_app_configs():
        if not config.name.startswith("apps."):
            continue
        for name in ("forms", "views"):
            try:
                module = importlib.import_module(f"{config.name}.{name}")
            except ModuleNotFoundError:
                continue
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, forms.BaseForm):
                    if value.__module__ == module.__name__:
                        yield value


def test_every_date_field_of_every_form_renders_iso():
    checked = 0
    for form_class in every_form_class():
        for name, field in form_class.base_fields.items():
            widget = field.widget
            if isinstance(widget, forms.DateTimeInput | forms.DateInput):
                rendered = widget.format_value(datetime(2026, 12, 7, 9, 30))
                kind = widget.input_type
                assert kind in ISO, f"{form_class.__name__}.{name} is a plain text {kind} input"
                assert re.fullmatch(ISO[kind], rendered), (form_class.__name__, name, rendered)
                checked += 1
    assert checked >= 10  # the approach, ring day, insight period, promises, time slots...
