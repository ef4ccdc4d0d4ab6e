"""A student suggests one of their people for the binder: one invitation e-mail to join by
link, and nothing about them reaches staff until they accept."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services as binder
from apps.contacts.models import Professional, Suggestion
from apps.core.models import QueuedEmail
from apps.core.suppression import address_digest, suppress
from apps.network.models import Person

from ..conftest import client_for
from ..contacts.factories import make_professional
from ..support.database import fingerprint

pytestmark = pytest.mark.django_db

NOTES = "Owes me a favour; says the team is burning out (private!)"


@pytest.fixture
def person(student):
    return Person.objects.create(
        student=student,
        full_name="Róisín Friend",
        role="UX researcher",
        organisation="Harbour Labs",
        email="Roisin@Harbour.example",
        notes=NOTES,
    )


def suggest(client, person):
    url = reverse("network:person_suggest", args=[person.pk])
    return client.post(url, {"confirm": "yes"}, follow=True)


def invitations():
    return QueuedEmail.objects.filter(recipients=["roisin@harbour.example"])


def join_link(run_worker):
    run_worker()
    body = [m for m in mail.outbox if "roisin@harbour.example" in m.to][-1].body
    return re.search(r"http://testserver(/\S+/)", body).group(1)


def test_the_confirmation_page_says_what_will_happen_and_sends_nothing(student_client, person):
    before = fingerprint()
    page = student_client.get(reverse("network:person_suggest", args=[person.pk]))
    text = page.content.decode()
    assert "one e-mail" in text and "roisin@harbour.example" in text.lower()
    assert "Nothing about them is shared with the career centre" in text
    assert "Your notes about them are never shared" in text
    # A POST without the page's own confirmation shows the page again.
    student_client.post(reverse("network:person_suggest", args=[person.pk]))
    assert fingerprint() == before


def test_suggesting_queues_one_invitation(student_client, person):
    response = suggest(student_client, person)
    assert "One invitation is on its way to Róisín Friend" in response.content.decode()
    (queued,) = invitations()
    assert "Stella Student" in queued.subject
    suggestion = Suggestion.objects.get()
    assert suggestion.suggested_by == person.student and suggestion.invitation == queued
    assert suggestion.address_digest == address_digest("roisin@harbour.example")
    assert not Professional.objects.exists()  # nothing in the binder before they accept


def test_the_invitation_carries_nothing_from_the_students_notes(student_client, person):
    suggest(student_client, person)
    queued = invitations().get()
    for text in (queued.subject, queued.body, queued.message):
        assert "favour" not in text and "burning" not in text and "private" not in text
    # Nor what only the student wrote about them.
    assert "Harbour Labs" not in queued.message and "UX researcher" not in queued.message


def test_suggesting_again_sends_nothing_and_says_so(student_client, person):
    suggest(student_client, person)
    response = suggest(student_client, person)
    assert "no second e-mail was sent" in response.content.decode()
    assert invitations().count() == 1 and Suggestion.objects.count() == 1


def test_the_same_address_from_another_student_sends_nothing(student_client, person, other_student):
    suggest(student_client, person)
    theirs = Person.objects.create(
        student=other_student, full_name="R. Friend", email="roisin@harbour.example"
    )
    response = suggest(client_for(other_student), theirs)
    assert "already been invited" in response.content.decode()
    assert invitations().count() == 1 and Suggestion.objects.count() == 1


@pytest.mark.parametrize("status", ["active", "pending", "do_not_contact"])
def test_an_address_already_in_the_binder_gets_nothing(student_client, person, status):
    make_professional(email="roisin@harbour.example", status=status)
    before = QueuedEmail.objects.count()
    response = suggest(student_client, person)
    # The same words whatever the entry's state: a student learns nothing more about it.
    assert binder.suggestions.ALREADY_KNOWN in response.content.decode().replace("&#x27;", "'")
    assert QueuedEmail.objects.count() == before and not Suggestion.objects.exists()


def test_an_address_that_asked_never_again_gets_nothing(student_client, person):
    suppress("roisin@harbour.example", reason="never")
    suggest(student_client, person)
    assert not invitations().exists() and not Suggestion.objects.exists()


def test_the_database_refuses_a_second_suggestion_of_an_address(student, other_student):
    digest = address_digest("roisin@harbour.example")
    Suggestion.objects.create(address_digest=digest, suggested_by=student)
    with pytest.raises(IntegrityError), transaction.atomic():
        Suggestion.objects.create(address_digest=digest, suggested_by=other_student)


def test_a_race_lost_to_the_constraint_sends_nothing(student, other_student):
    """Two requests at once both pass the checks; the constraint lets one through."""
    Suggestion.objects.create(
        address_digest=address_digest("roisin@harbour.example"), suggested_by=other_student
    )
    with pytest.raises(ValidationError, match="already been invited"):
        binder.suggestion_send(
            student=student, full_name="Róisín Friend", email="roisin@harbour.example"
        )
    assert not QueuedEmail.objects.exists()


def test_without_an_address_the_page_says_so_and_nothing_changes(student_client, student):
    nobody = Person.objects.create(student=student, full_name="Phone Only", phone="0123")
    url = reverse("network:person_suggest", args=[nobody.pk])
    before = fingerprint()
    assert "has no e-mail address" in student_client.get(url).content.decode()
    response = student_client.post(url, {"confirm": "yes"}, follow=True)
    assert "Add their e-mail address first" in response.content.decode()
    assert fingerprint() == before


def test_a_day_holds_at_most_five_suggestions(student_client, student):
    for n in range(binder.SUGGESTIONS_PER_DAY):
        binder.suggestion_send(student=student, full_name=f"P {n}", email=f"p{n}@x.example")
    extra = Person.objects.create(student=student, full_name="One More", email="more@x.example")
    response = suggest(student_client, extra)
    assert "try again tomorrow" in response.content.decode()
    assert not QueuedEmail.objects.filter(recipients=["more@x.example"]).exists()


@pytest.mark.parametrize("who", ["staff", "other_student"])
def test_staff_and_another_student_get_404(request, person, who):
    client = client_for(request.getfixturevalue(who))
    url = reverse("network:person_suggest", args=[person.pk])
    before = fingerprint()
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "yes"}).status_code == 404
    assert fingerprint() == before


def test_before_they_accept_staff_see_only_a_count(student_client, staff_client, person):
    suggest(student_client, person)
    page = staff_client.get(reverse("contacts:volunteers")).content.decode()
    assert "1 person suggested by students has been invited" in page
    assert "Róisín" not in page and "roisin" not in page.lower()


def test_accepting_makes_a_pending_offer_in_the_staff_queue(
    student_client, staff_client, person, run_worker
):
    suggest(student_client, person)
    link = join_link(run_worker)
    form = Client().get(link).content.decode()
    assert 'value="Róisín Friend"' in form and 'value="roisin@harbour.example"' in form
    response = Client().post(
        link,
        {
            "full_name": "Róisín Friend",
            "email": "roisin@harbour.example",
            "job_title": "Senior UX researcher",
            "organisation_name": "Harbour Labs",
            "time_zone": "Europe/Dublin",
            "monthly_capacity": 1,
            "accepts_video": "on",
            "offers_interviews": "on",
            "agree": "on",
        },
    )
    assert response["Location"] == link
    assert "Thank you for offering your time" in Client().get(link).content.decode()
    roisin = Professional.objects.get()
    assert roisin.status == "pending" and roisin.source == "suggested"
    # The link went to this address, so it needs no second confirmation e-mail.
    assert roisin.email_confirmed_at is not None
    assert invitations().count() == 1
    assert Suggestion.objects.get().answered_at is not None

    page = staff_client.get(reverse("contacts:volunteers")).content.decode()
    assert "Róisín Friend" in page and "suggested by a student" in page
    staff_client.post(reverse("contacts:volunteer_decide", args=[roisin.pk, "approve"]))
    roisin.refresh_from_db()
    assert roisin.status == "active" and roisin.consent_method == "form"


def test_accepting_with_another_address_confirms_that_address_first(
    student_client, person, run_worker
):
    suggest(student_client, person)
    link = join_link(run_worker)
    Client().post(
        link,
        {
            "full_name": "Róisín Friend",
            "email": "r.friend@work.example",
            "job_title": "UX researcher",
            "time_zone": "Europe/Dublin",
            "monthly_capacity": 1,
            "accepts_video": "on",
            "agree": "on",
        },
    )
    roisin = Professional.objects.get()
    assert roisin.source == "suggested" and roisin.email_confirmed_at is None
    assert QueuedEmail.objects.filter(recipients=["r.friend@work.example"]).count() == 1


def test_an_expired_join_link_is_refused(student_client, person, run_worker):
    suggest(student_client, person)
    link = join_link(run_worker)
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        response = Client().get(link)
    assert response.status_code == 400 and "expired" in response.content.decode()
