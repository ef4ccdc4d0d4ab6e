"""The volunteer form's spam trap: invisible to people and to screen readers, out of the tab
order and away from autofill, and it still catches robots."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.contacts.models import Professional
from apps.core.models import QueuedEmail

from .test_volunteers import offer

pytestmark = pytest.mark.django_db


def _trap_markup(page: str) -> str:
    found = re.search(
        r'<div class="spam-trap" aria-hidden="true">(.*?)</div>\s*<button', page, re.S
    )
    assert found is not None, "the trap sits in an aria-hidden wrapper inside the form"
    return found.group(1)


def test_the_trap_is_hidden_from_people_screen_readers_keyboards_and_autofill():
    page = Client().get(reverse("contacts:volunteer")).content.decode()
    trap = _trap_markup(page)
    field = re.search(r"<input[^>]*name=\"website\"[^>]*>", trap).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field
    # The only website field on the page is the one inside the hidden wrapper.
    assert page.count('name="website"') == 1
    assert "Leave this empty" not in page.replace(trap, "")
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    rule = re.search(r"\.spam-trap\s*\{([^}]*)\}", css).group(1)
    assert "position: absolute" in rule and "left: -10000px" in rule


def test_a_robot_filling_the_trap_is_thanked_and_nothing_is_kept():
    response = offer(website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:volunteer_thanks")
    assert not Professional.objects.exists() and not QueuedEmail.objects.exists()


def test_a_person_who_leaves_the_trap_empty_is_listed_for_review():
    assert offer(website="").status_code == 302
    assert Professional.objects.filter(email="wren@studio.example").exists()
