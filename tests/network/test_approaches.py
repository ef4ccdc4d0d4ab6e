"""The log of approaches on a person's page, the never-pester advice it gives, and the drafts
for approaching them by the student's own channel."""

import io
import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from apps.accounts.models import User
from apps.interviews.approach_rules import Outcome
from apps.network.models import Approach, Person

from ..conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 12, 7)
NOON = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _monday():
    with time_machine.travel(NOON, tick=False):
        yield


@pytest.fixture
def person(student):
    return Person.objects.create(
        student=student,
        full_name="Priya Raman",
        role="UX Researcher",
        organisation="Northwind Health",
        how_known="alumni",
        email="priya@northwind.example",
        phone="+44 20 7946 0102",
    )


def _days(n):
    return MONDAY + timedelta(days=n)


def page(client, person, **query):
    response = client.get(reverse("network:person_detail", args=[person.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def log(client, person, **data):
    data.setdefault("on", MONDAY.isoformat())
    return client.post(reverse("network:approach_add", args=[person.pk]), data)


# --- logging ----------------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", [o for o in Outcome if o != Outcome.CALL_BACK])
def test_each_outcome_is_logged_and_shown(student, person, outcome):
    client = client_for(student)
    response = log(client, person, outcome=outcome, note="Rang the office")
    assert response.status_code == 302
    assert response["Location"].endswith("#approaches")
    approach = Approach.objects.get()
    assert (approach.person, approach.on, approach.outcome) == (person, MONDAY, outcome)
    assert approach.call_back_on is None and approach.note == "Rang the office"
    body = page(client, person)
    assert outcome.label in body and "7 December 2026" in body


def test_asked_to_call_back_is_logged_with_the_day_and_that_day_is_suggested(student, person):
    client = client_for(student)
    response = log(client, person, outcome="call_back", call_back_on=_days(10).isoformat())
    assert response.status_code == 302
    assert Approach.objects.get().call_back_on == _days(10)
    body = page(client, person)
    assert "Not yet: wait until Thursday 17 December." in body
    assert "They asked you to call back on Thursday 17 December: wait until then." in body


def test_asked_to_call_back_needs_the_day_and_nothing_is_logged_without_it(student, person):
    response = log(client_for(student), person, outcome="call_back")
    assert response.status_code == 400
    assert "Give the day they asked you to call back." in response.content.decode()
    assert not Approach.objects.exists()


def test_a_call_back_day_with_another_outcome_is_refused(student, person):
    response = log(
        client_for(student), person, outcome="voicemail", call_back_on=_days(3).isoformat()
    )
    assert response.status_code == 400
    assert "A day to call back goes only with" in response.content.decode()
    assert not Approach.objects.exists()


def test_the_database_holds_the_call_back_rule_too(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        Approach.objects.create(person=person, on=MONDAY, outcome="call_back")
    with pytest.raises(IntegrityError), transaction.atomic():
        Approach.objects.create(person=person, on=MONDAY, outcome="emailed", call_back_on=_days(2))


@pytest.mark.parametrize(
    "data,message",
    [
        ({}, "This field is required."),
        ({"outcome": "shouted"}, "Select a valid choice."),
        ({"outcome": "emailed", "on": "2026-02-30"}, "Enter a valid date."),
        ({"outcome": "emailed", "on": "2026-12-08"}, "not a future day"),
        ({"outcome": "emailed", "on": "2020-01-01"}, "more than two years ago"),
        (
            {"outcome": "call_back", "call_back_on": "2026-12-01"},
            "on or after the call, within a year",
        ),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(student, person, data, message):
    response = log(client_for(student), person, **{"on": MONDAY.isoformat(), **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Approach.objects.exists()


# --- the advice -------------------------------------------------------------------------------


def test_after_a_decline_the_page_advises_no_further_approach_in_plain_words(student, person):
    client = client_for(student)
    log(client, person, outcome="voicemail", on=_days(-8).isoformat())
    log(client, person, outcome="declined")
    body = page(client, person)
    assert "We advise against another approach." in body
    assert "They said no, and that is the end of it" in body
    assert "approach someone else" in body
    assert "Not yet" not in body  # no day is suggested: not again


def test_a_message_gets_one_follow_up_after_a_week(student, person):
    client = client_for(student)
    log(client, person, outcome="emailed")
    body = page(client, person)
    assert "Not yet: wait until Monday 14 December." in body
    assert "one polite follow-up is fine from Monday 14 December" in body
    with time_machine.travel(NOON + timedelta(days=7), tick=False):
        assert "You may approach them again now." in page(client, person)
        assert log(client, person, outcome="messaged", on=_days(7).isoformat()).status_code == 302
        body = page(client, person)
    assert "You have tried enough times without an answer" in body
    assert "Leave it there" in body


def test_an_approach_against_the_advice_is_not_taken_silently(student, person):
    client = client_for(student)
    log(client, person, outcome="voicemail")
    # The day after a voicemail: the advice is to wait a week.
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        response = log(client, person, outcome="emailed", on=_days(1).isoformat())
        assert response.status_code == 400
        body = response.content.decode()
        assert "Nothing was logged. We advised against another approach that day" in body
        assert "Give them a week to answer your message" in body
        assert Approach.objects.count() == 1
        # It happened: the student says so, and the log stays true.
        response = log(client, person, outcome="emailed", on=_days(1).isoformat(), anyway="on")
        assert response.status_code == 302
    assert Approach.objects.count() == 2


def test_their_answer_is_logged_whatever_the_advice(student, person):
    client = client_for(student)
    log(client, person, outcome="voicemail")
    # They rang back the next day, though the advice was to wait a week before following up.
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        assert log(client, person, outcome="booked", on=_days(1).isoformat()).status_code == 302
        assert "Your conversation is booked" in page(client, person)


def test_the_confirmation_is_offered_only_while_the_advice_is_against(student, person):
    client = client_for(student)
    assert 'name="anyway"' not in page(client, person)
    log(client, person, outcome="no_answer")
    assert 'name="anyway"' in page(client, person)


def test_the_log_is_newest_first(student, person):
    client = client_for(student)
    log(client, person, outcome="no_answer", on=_days(-20).isoformat())
    log(client, person, outcome="call_back", on=_days(-19).isoformat(), call_back_on="2026-12-07")
    log(client, person, outcome="booked")
    body = page(client, person).split('class="list-unstyled approach-log"', 1)[1]
    positions = [body.index(d) for d in ("7 December 2026", "18 November 2026", "17 November")]
    assert positions == sorted(positions)


def test_removing_a_mistaken_entry_asks_first_then_works_out_the_advice_again(student, person):
    client = client_for(student)
    log(client, person, outcome="declined")
    approach = Approach.objects.get()
    url = reverse("network:approach_delete", args=[person.pk, approach.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Yes, remove the entry" in confirm.content.decode()
    assert client.post(url).status_code == 200  # without the confirmation: the step again
    assert Approach.objects.exists()
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert not Approach.objects.exists()
    assert "You have not approached them yet" in page(client, person)


def test_an_entry_is_removed_only_through_its_own_person(student, person):
    other = Person.objects.create(student=student, full_name="Tom Okafor")
    approach = Approach.objects.create(person=person, on=MONDAY, outcome="emailed")
    url = reverse("network:approach_delete", args=[other.pk, approach.pk])
    assert client_for(student).post(url, {"confirm": "yes"}).status_code == 404
    assert Approach.objects.exists()


# --- nobody else ------------------------------------------------------------------------------


def _every_new_url(person, approach):
    return [
        ("post", reverse("network:approach_add", args=[person.pk]), {"outcome": "emailed"}),
        ("get", reverse("network:approach_delete", args=[person.pk, approach.pk]), {}),
        (
            "post",
            reverse("network:approach_delete", args=[person.pk, approach.pk]),
            {"confirm": "yes"},
        ),
    ]


@pytest.mark.parametrize("who", ["other_student", "staff"])
def test_another_student_and_staff_get_404_on_every_new_url_and_nothing_changes(
    request, person, who
):
    approach = Approach.objects.create(person=person, on=MONDAY, outcome="voicemail")
    client = client_for(request.getfixturevalue(who))
    for method, url, data in _every_new_url(person, approach):
        data = {"on": MONDAY.isoformat(), **data}
        assert getattr(client, method)(url, data).status_code == 404, url
    assert list(Approach.objects.values_list("pk", "outcome")) == [(approach.pk, "voicemail")]


def test_anonymous_visitors_are_sent_to_sign_in(person):
    approach = Approach.objects.create(person=person, on=MONDAY, outcome="voicemail")
    for method, url, data in _every_new_url(person, approach):
        response = getattr(client_for(None), method)(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Approach.objects.count() == 1


# --- privacy ----------------------------------------------------------------------------------


def test_download_my_data_contains_the_approach_log_and_nobody_elses(
    student, other_student, person
):
    Approach.objects.create(
        person=person, on=MONDAY, outcome="call_back", call_back_on=_days(3), note="=1+1"
    )
    theirs = Person.objects.create(student=other_student, full_name="Not Mine")
    Approach.objects.create(person=theirs, on=MONDAY, outcome="declined", note="Their secret")
    response = client_for(student).get(reverse("accounts:my_data"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    logged = json.loads(archive.read("approaches.json"))
    assert [(a["person_id"], a["on"], a["outcome"], a["call_back_on"]) for a in logged] == [
        (person.pk, "2026-12-07", "call_back", "2026-12-10")
    ]
    assert "'=1+1" in archive.read("approaches.csv").decode()  # never a formula
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Their secret" not in everything


def test_deleting_my_account_removes_my_approach_log(student, other_student, person):
    Approach.objects.create(person=person, on=MONDAY, outcome="emailed")
    theirs = Approach.objects.create(
        person=Person.objects.create(student=other_student, full_name="Theirs"),
        on=MONDAY,
        outcome="emailed",
    )
    response = client_for(student).post(
        reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "DELETE"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=student.pk).exists()
    assert list(Approach.objects.all()) == [theirs]


# --- the drafts -------------------------------------------------------------------------------


def test_the_page_shows_every_draft_with_a_mailto_link_and_copy_buttons(student, person):
    body = page(client_for(student), person)
    drafts = body.split('id="drafts-heading"', 1)[1]
    mailto = drafts.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    parts = urlsplit(mailto)
    assert parts.scheme == "mailto"
    assert parts.path == "priya@northwind.example"
    query = parse_qs(parts.query)
    assert query["subject"] == ["A student from your university: informational interview request"]
    assert "Dear Priya Raman," in query["body"][0]
    assert "of 300 characters" in body
    assert "Thank you for connecting." in body  # the longer message
    for heading in ("If someone else answers", "If you reach voicemail", "Why you are calling"):
        assert heading in body
    assert "I will ring you on Wednesday, 9 December" in body  # two days on
    # The copy buttons are hidden until the script shows them: without it, nothing is broken.
    assert body.count("data-copy=") >= 7 and body.count(" hidden>") >= 7
    assert "js/copy.js" in body and "<script>" not in body


def test_the_drafts_name_the_referrer_only_when_someone_gave_the_name(student, person):
    client = client_for(student)
    assert "given to me by" not in page(client, person)
    person.how_known, person.referred_by = "referral", "Ms Okafor"
    person.save()
    body = page(client, person)
    assert "Referred by Ms Okafor: informational interview request" in body
    assert "Your name has been given to me by Ms Okafor." in body


def test_a_long_note_gets_the_shorter_version_that_fits(student, person):
    person.role = "Principal Researcher for Accessible Public Digital Services " * 3
    person.organisation = "The Northern Regional Consortium of Health and Care Trusts " * 2
    person.save()
    body = page(client_for(student), person)
    assert "too long for LinkedIn" in body and "The shorter version:" in body


def test_the_day_to_ring_can_be_chosen_and_a_bad_one_is_explained(student, person):
    client = client_for(student)
    assert "I will ring you on Friday, 11 December" in page(client, person, ring_on="2026-12-11")
    body = page(client, person, ring_on="2027-06-01")
    assert "Choose a day from today to eight weeks ahead." in body
    assert "I will ring you on Wednesday, 9 December" in body


# --- accessibility ----------------------------------------------------------------------------


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.labelled: set[str] = set()
        self.fields: list[tuple[str, str]] = []  # (type, id)
        self.in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag == "form":
            self.in_form = True
        if tag in ("input", "select", "textarea") and self.in_form:
            kind = attrs.get("type", tag)
            if kind not in ("hidden", "submit"):
                self.fields.append((kind, attrs.get("id", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def test_the_page_has_one_h1_headings_in_order_and_every_field_labelled(student, person):
    client = client_for(student)
    log(client, person, outcome="no_answer")
    outline = _Outline()
    outline.feed(page(client, person))
    assert outline.headings.count(1) == 1 and outline.headings[0] == 1
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, outline.headings
    assert outline.fields, "the log's form should be on the page"
    for kind, field_id in outline.fields:
        assert field_id and field_id in outline.labelled, (kind, field_id)


def test_the_drafts_use_the_research_of_the_conversation_being_prepared(student, student_client):
    from apps.interviews import services

    person = Person.objects.create(
        student=student, full_name="Maeve Quinn", how_known="family", organisation="City Hospital"
    )
    url = reverse("network:person_detail", args=[person.pk])
    assert "digital triage" not in student_client.get(url).content.decode()
    interview = services.interview_start_with_person(student=student, person=person)
    services.research_save(
        interview=interview,
        career="",
        organisation="City Hospital has just opened a digital triage unit.",
        person="",
    )
    page = student_client.get(url).content.decode()
    assert "digital triage" in page
