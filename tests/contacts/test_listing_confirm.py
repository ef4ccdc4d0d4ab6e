"""Leave, never contact and erase each ask first, on a page that says what will happen: only the
POST from that page (confirm=yes) acts; a link to them, an old form or a crafted post does not."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.contacts import services
from apps.contacts.models import Professional
from apps.core.models import QueuedEmail

from ..interviews.helpers import sent_interview
from .factories import make_professional

pytestmark = pytest.mark.django_db

# What each page must say, in plain words, before anything happens.
PROMISES = {
    "leave": [
        "Leave the binder?",
        "Students can no longer find you or ask you for a conversation.",
        "you can come back at any time",
        "Requests from students that are still open are closed",
    ],
    "never": [
        "Never be contacted again?",
        "Nobody from the career centre will contact you again",
        "Requests from students that are still open are withdrawn",
        "We tell the students",
        "This is final:",
    ],
    "erase": [
        "Erase your personal data?",
        "Your name, e-mail address, phone number",
        "Requests from students that are still open are withdrawn",
        "We tell the students",
        "keeps only anonymous counts",
        "This cannot be undone.",
    ],
}
BUTTONS = {
    "leave": "Yes, leave the binder",
    "never": "Yes, never contact me again",
    "erase": "Yes, erase my personal data",
}


def url(pro, action, token=None):
    return reverse("contacts:listing_action", args=[token or services.manage_token(pro), action])


def state(pro):
    return Professional.objects.filter(pk=pro.pk).values_list(
        "status", "full_name", "email", "phone", "erased_at"
    )[0]


def assert_confirmation_page(response, pro, action, token):
    page = response.content.decode()
    assert response.status_code == 200
    for words in PROMISES[action]:
        assert words in page, words
    assert page.count("<h1") == 1 and pro.full_name in page
    # One clearly labelled destructive button carrying the confirmation, and a way back.
    assert re.search(
        rf'<button class="btn btn-danger" type="submit">{BUTTONS[action]}</button>', page
    )
    assert '<input type="hidden" name="confirm" value="yes">' in page
    back = reverse("contacts:listing", args=[token])
    assert f'href="{back}">No, go back to my listing</a>' in page


@pytest.mark.parametrize("action", ["leave", "never", "erase"])
def test_the_link_shows_what_will_happen_and_changes_nothing(action):
    pro = make_professional(full_name="Lina Park")
    token, before = services.manage_token(pro), state(pro)
    assert_confirmation_page(Client().get(url(pro, action, token)), pro, action, token)
    assert state(pro) == before


@pytest.mark.parametrize("action", ["leave", "never", "erase"])
@pytest.mark.parametrize("data", [{}, {"confirm": "no"}, {"confirm": "YES "}, {"erase": "yes"}])
def test_a_post_without_the_confirmation_changes_nothing_and_asks(action, data):
    pro = make_professional(full_name="Lina Park")
    token, before = services.manage_token(pro), state(pro)
    assert_confirmation_page(Client().post(url(pro, action, token), data), pro, action, token)
    assert state(pro) == before


def test_confirming_leave_retires_the_listing(client):
    pro = make_professional()
    response = client.post(url(pro, "leave"), {"confirm": "yes"}, follow=True)
    assert "You have left the binder." in response.content.decode()
    pro.refresh_from_db()
    assert pro.status == "retired"


def test_confirming_never_closes_open_requests_and_tells_the_student(student):
    pro = make_professional(email="never@firm.example")
    interview = sent_interview(student, pro)
    response = Client().post(url(pro, "never"), {"confirm": "yes"}, follow=True)
    assert "nobody from the career centre will contact you again" in response.content.decode()
    pro.refresh_from_db()
    interview.refresh_from_db()
    assert pro.status == "do_not_contact" and interview.status == "withdrawn"
    assert QueuedEmail.objects.filter(recipients=[student.email]).exists()
    assert not QueuedEmail.objects.filter(recipients=["never@firm.example"]).exists()


def test_confirming_erase_removes_the_personal_details(student):
    pro = make_professional(full_name="Erin Erase", email="erin@x.example", phone="+1 555 0101")
    interview = sent_interview(student, pro)
    response = Client().post(url(pro, "erase"), {"confirm": "yes"})
    assert "Your personal details are erased" in response.content.decode()
    pro.refresh_from_db()
    interview.refresh_from_db()
    assert pro.full_name == f"Erased entry {pro.pk}" and pro.email == "" and pro.phone == ""
    assert interview.status == "withdrawn"


@pytest.mark.parametrize("action", ["leave", "never", "erase"])
def test_a_broken_or_expired_link_gets_the_invalid_link_page(action):
    pro = make_professional()
    broken = reverse("contacts:listing_action", args=[services.manage_token(pro) + "x", action])
    before = state(pro)
    for response in [
        Client().get(broken),
        Client().post(broken),
        Client().post(broken, {"confirm": "yes"}),
    ]:
        assert response.status_code == 404 and "Ask for a fresh link" in response.content.decode()
    assert state(pro) == before


def test_one_persons_link_acts_only_on_their_own_listing():
    mine, theirs = make_professional(), make_professional()
    before = state(theirs)
    page = Client().get(url(mine, "erase")).content.decode()
    assert mine.full_name in page and theirs.full_name not in page
    Client().post(url(mine, "erase"), {"confirm": "yes"})
    assert state(theirs) == before


def test_the_listing_links_to_each_step_and_keeps_them_apart_from_pausing():
    pro = make_professional()
    token = services.manage_token(pro)
    page = Client().get(reverse("contacts:listing", args=[token])).content.decode()
    choices, leaving = page.split('id="leave-heading"')
    # Pausing is a form up top; the three that cannot be undone are links in their own section.
    assert "Pause for now" in choices and "Never contact me again" not in choices
    for action, label in [
        ("leave", "Leave the binder"),
        ("never", "Never contact me again"),
        ("erase", "Erase my personal data"),
    ]:
        link = reverse("contacts:listing_action", args=[token, action])
        assert f'href="{link}">{label}</a>' in leaving
        assert f'action="{link}"' not in page
    assert page.count("<h1") == 1
