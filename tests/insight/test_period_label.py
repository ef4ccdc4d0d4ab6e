"""The dashboard says which period its figures cover, and says it truly (issue 21)."""

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(timezone.datetime(2026, 11, 20, 12, 0))


def shown(page: str) -> tuple[str, str, str]:
    """(the period named, the option the select has chosen, the figures' own dates)."""
    named = re.search(r'id="period-shown">Showing: ([^<]+)</p>', page)
    selected = re.search(r'<option value="[^"]*" selected>([^<]+)</option>', page)
    dates = re.search(r'<p class="lead">([^.]+)\.', page)
    assert named and dates
    return named.group(1), selected.group(1) if selected else "", dates.group(1)


@pytest.mark.parametrize(
    "query, label, dates",
    [
        ({}, "Last 90 days (a term)", "23 Aug 2026 to 20 Nov 2026"),
        ({"days": "30"}, "Last 30 days", "22 Oct 2026 to 20 Nov 2026"),
        ({"days": "90"}, "Last 90 days (a term)", "23 Aug 2026 to 20 Nov 2026"),
        ({"days": "365"}, "Last 12 months", "21 Nov 2025 to 20 Nov 2026"),
    ],
)
def test_each_preset_is_named_as_the_figures_cover_it(staff_client, query, label, dates):
    with time_machine.travel(NOW, tick=False):
        page = staff_client.get(reverse("insight:dashboard"), query).content.decode()
    named, selected, covered = shown(page)
    assert (named, selected, covered) == (label, label, dates)


def test_a_custom_period_is_named_by_its_dates(staff_client):
    query = {"days": "custom", "start": "2026-10-01", "end": "2026-11-30"}
    with time_machine.travel(NOW, tick=False):
        page = staff_client.get(reverse("insight:dashboard"), query).content.decode()
    named, selected, covered = shown(page)
    assert named == covered == "1 Oct 2026 to 30 Nov 2026"
    assert selected == "Dates below"


def test_a_refused_custom_period_names_the_default_its_figures_show(staff_client):
    query = {"days": "custom", "start": "2026-11-30", "end": "2026-10-01"}
    with time_machine.travel(NOW, tick=False):
        page = staff_client.get(reverse("insight:dashboard"), query).content.decode()
    named, _, covered = shown(page)
    assert "The end date is before the start date." in page
    assert (named, covered) == ("Last 90 days (a term)", "23 Aug 2026 to 20 Nov 2026")
