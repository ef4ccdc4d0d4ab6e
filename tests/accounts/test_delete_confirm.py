"""Deleting an account asks first, on a page that says what will happen: the person gives their
password and types DELETE; anything less changes nothing."""

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.interviews.models import Interview

from ..conftest import PASSWORD, client_for
from ..interviews.helpers import sent_interview

pytestmark = pytest.mark.django_db
URL = reverse("accounts:delete_account")


def test_the_page_says_what_will_happen_and_changes_nothing(student):
    sent_interview(student)
    response = client_for(student).get(URL)
    page = response.content.decode()
    assert response.status_code == 200 and page.count("<h1") == 1
    assert "your question plans, rehearsals, contacts and reminders are deleted" in page
    assert "Professionals you had a confirmed meeting or an open request with are told" in page
    assert "This cannot be undone." in page
    assert '<button class="btn btn-danger" type="submit">Delete my account</button>' in page
    assert f'href="{reverse("accounts:profile")}">No, keep my account</a>' in page
    assert User.objects.filter(pk=student.pk).exists() and Interview.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"confirm": "yes"},  # the generic confirmation is not enough here
        {"password": PASSWORD},
        {"password": PASSWORD, "confirm": "yes"},
        {"password": "not-it", "confirm": "DELETE"},
    ],
)
def test_a_post_without_the_password_and_the_word_changes_nothing(student, data):
    response = client_for(student).post(URL, data)
    assert response.status_code == 400 and "Delete my account" in response.content.decode()
    assert User.objects.filter(pk=student.pk).exists()


def test_the_confirmed_post_deletes_the_account(student):
    response = client_for(student).post(URL, {"password": PASSWORD, "confirm": "DELETE"})
    assert response["Location"] == reverse("accounts:deleted")
    assert not User.objects.filter(pk=student.pk).exists()


def test_nobody_can_delete_someone_elses_account(student, other_student, staff):
    # Another student's own password does not reach this account; staff have no such page.
    response = client_for(other_student).post(URL, {"password": "wrong", "confirm": "DELETE"})
    assert response.status_code == 400
    assert client_for(staff).get(URL).status_code == 403
    assert (
        client_for(staff).post(URL, {"password": PASSWORD, "confirm": "DELETE"}).status_code == 403
    )
    assert (
        client_for(None).post(URL, {"password": PASSWORD, "confirm": "DELETE"}).status_code == 302
    )
    assert User.objects.filter(pk__in=[student.pk, other_student.pk, staff.pk]).count() == 3
