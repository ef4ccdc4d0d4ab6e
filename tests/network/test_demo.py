"""The demo students each keep a few people of their own, and a re-run changes nothing."""

import pytest
from django.core.management import call_command

from apps.contacts.models import Suggestion
from apps.core.models import QueuedEmail
from apps.network.models import Person

pytestmark = pytest.mark.django_db


def _people():
    return list(
        Person.objects.order_by("student__email", "full_name").values_list(
            "student__email", "full_name", "how_known", "source", "email", "notes"
        )
    )


def test_seed_demo_gives_each_demo_student_a_few_varied_people(capsys):
    call_command("seed_demo")
    first = _people()
    call_command("seed_demo")
    assert _people() == first
    for email in ("student@example.edu", "student2@example.edu"):
        mine = [row for row in first if row[0] == email]
        assert len(mine) >= 3 and len({row[2] for row in mine}) >= 3, email
    assert {row[2] for row in first} == set(Person.HowKnown.values)
    out = capsys.readouterr().out
    assert "People I know: 8 kept by the demo students, 1 suggested for the binder" in out


def test_seed_demo_suggests_one_person_for_the_binder_once():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Suggestion.objects.get().suggested_by.email == "student@example.edu"
    assert QueuedEmail.objects.filter(recipients=["tom.okafor@example.org"]).count() == 1
