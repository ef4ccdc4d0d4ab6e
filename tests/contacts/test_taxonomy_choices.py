"""The filter forms' industry and occupation lists: read once, kept a minute, and never stale
after a change made through this server."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.contacts.filters import TAXONOMY_SECONDS, StaffFilterForm, StudentSearchForm
from apps.contacts.models import Industry, Occupation

pytestmark = pytest.mark.django_db


def offered(form, field):
    return [label for value, label in form.fields[field].widget.choices if value != ""]


def test_lists_are_those_of_the_database_by_name_and_read_in_one_query():
    with CaptureQueriesContext(connection) as first:
        form = StudentSearchForm()
    assert len(first) == 1
    assert offered(form, "industry") == list(Industry.objects.values_list("name", flat=True))
    assert offered(form, "occupation") == list(Occupation.objects.values_list("name", flat=True))
    assert form.fields["industry"].widget.choices[0] == ("", "Any")
    with CaptureQueriesContext(connection) as again:
        StaffFilterForm()
        StudentSearchForm()
    assert len(again) == 0


def test_a_name_added_renamed_or_removed_here_is_offered_at_once(staff_client, student_client):
    StudentSearchForm()  # the lists are now kept
    staff_client.post(reverse("contacts:taxonomy"), {"kind": "industry", "name": "Space Travel"})
    page = student_client.get(reverse("contacts:search")).content.decode()
    assert ">Space Travel</option>" in page
    space = Industry.objects.get(name="Space Travel")
    space.name = "Space Tourism"
    space.save()
    assert "Space Tourism" in offered(StaffFilterForm(), "industry")
    space.delete()
    assert "Space Tourism" not in offered(StaffFilterForm(), "industry")


def test_a_change_made_elsewhere_is_offered_within_the_minute(settings):
    # Expiry is tested with a frozen clock, which Redis (CACHE_URL in CI) does not follow.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    StudentSearchForm()
    # As another server would: straight to the database, no signal here.
    Occupation.objects.filter(pk=Occupation.objects.order_by("name").first().pk).update(
        name="Astronauts"
    )
    assert "Astronauts" not in offered(StudentSearchForm(), "occupation")
    with time_machine.travel(timezone.now() + timedelta(seconds=TAXONOMY_SECONDS + 1)):
        assert "Astronauts" in offered(StudentSearchForm(), "occupation")


def test_a_chosen_name_withdrawn_meanwhile_is_refused_with_a_message(student_client):
    # Chosen from a page (or another server's kept list) that still offered it.
    gone = Industry.objects.create(name="Withdrawn Soon")
    chosen = gone.pk
    gone.delete()
    response = student_client.get(reverse("contacts:search"), {"industry": chosen})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
