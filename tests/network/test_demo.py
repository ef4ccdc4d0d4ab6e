"""The demo students each keep a few people of their own, and a re-run changes nothing."""

import pytest
from django.core.management import call_command

from apps.contacts.models import Suggestion
from apps.core.models import QueuedEmail
from apps.interviews.models import Interview
from apps.network.models import Approach, Person
from apps.reminders.models import Contact, ThankYou

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
    # Eight from the data file, and the one a held conversation's referral added.
    out = capsys.readouterr().out
    assert "People I know: 9 kept by the demo students, 1 suggested for the binder," in out
    assert Person.objects.get(full_name="Dara Quinn").referred_by == "Aoife Ní Bhriain"


def test_seed_demo_gives_them_conversations_with_their_people_in_several_states():
    call_command("seed_demo")
    call_command("seed_demo")
    states = dict(
        Interview.objects.filter(person__isnull=False).values_list("person__full_name", "status")
    )
    assert states == {
        "Aoife Ní Bhriain": "completed",
        "Maeve Quinn": "confirmed",
        "Tom Okafor": "draft",
        "Grace Mensah": "draft",
    }
    held = Interview.objects.get(person__full_name="Aoife Ní Bhriain")
    assert ThankYou.objects.get(interview=held).sent_at is not None
    assert Contact.objects.filter(person=held.person).exists()


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


def test_seed_demo_suggests_one_person_for_the_binder_once():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Suggestion.objects.get().suggested_by.email == "student@example.edu"
    assert QueuedEmail.objects.filter(recipients=["tom.okafor@example.org"]).count() == 1
