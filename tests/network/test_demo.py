"""The demo students each keep a few people of their own, and a re-run changes nothing."""

import pytest
from django.core.management import call_command

from apps.network.models import Approach, Person

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
    assert "People I know: 8 kept by the demo students" in capsys.readouterr().out


def test_seed_demo_logs_a_few_approaches_and_a_re_run_keeps_the_log(capsys):
    call_command("seed_demo")
    first = list(
        Approach.objects.order_by("pk").values_list("person__student__email", "outcome", "on")
    )
    call_command("seed_demo")
    assert (
        list(Approach.objects.order_by("pk").values_list("person__student__email", "outcome", "on"))
        == first
    )
    for email in ("student@example.edu", "student2@example.edu"):
        assert any(row[0] == email for row in first), email
    # Enough variety that the demo shows each kind of advice: waiting, booked, declined.
    assert {"call_back", "booked", "declined", "voicemail", "messaged"} <= {r[1] for r in first}
    assert f"{len(first)} approaches logged" in capsys.readouterr().out
