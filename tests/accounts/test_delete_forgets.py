"""Closing an account leaves nothing behind that names the person: not the sign-in records
django-axes keeps (address, network address, browser), not the failures it counts towards a
pause, and not the log line, which names the account by a pseudonym."""

import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.test import Client
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.privacy import account_pseudonym

from ..conftest import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
EMAIL = "casey.closer@example.edu"
SIGN_IN_TABLES = (AccessAttempt, AccessFailureLog, AccessLog)


def rows_mentioning(text, models):
    """Every row of ``models`` with ``text`` (any case) in any of its columns."""
    found = []
    for model in models:
        for row in model.objects.values():
            if any(text.lower() in str(value).lower() for value in row.values()):
                found.append((model.__name__, row))
    return found


def browser(address):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=f"Casey's browser at {address}")


@pytest.fixture
def signed_in_a_few_times(settings):
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True
    casey = make_user(email=EMAIL)
    laptop = browser("10.5.0.1")
    assert laptop.post(LOGIN, {"username": EMAIL, "password": PASSWORD}).status_code == 302
    laptop.post(reverse("accounts:logout"))
    phone = browser("10.5.0.2")
    assert phone.post(LOGIN, {"username": EMAIL, "password": PASSWORD}).status_code == 302
    # A mistyped password, and one at the admin's sign-in, which keeps the case as typed.
    browser("10.5.0.3").post(LOGIN, {"username": EMAIL, "password": "wrong"})
    browser("10.5.0.4").post(
        reverse("admin:login"), {"username": "Casey.Closer@Example.EDU", "password": "wrong"}
    )
    assert len(rows_mentioning(EMAIL, [AccessLog])) == 2
    assert len(rows_mentioning(EMAIL, [AccessAttempt])) == 2
    assert len(rows_mentioning(EMAIL, [AccessFailureLog])) == 2
    return casey, phone


def test_deleting_my_account_forgets_my_sign_ins_and_failures(signed_in_a_few_times, caplog):
    casey, phone = signed_in_a_few_times
    other = make_user(email="otto.stays@example.edu")
    browser("10.6.0.1").post(LOGIN, {"username": other.email, "password": PASSWORD})
    browser("10.6.0.2").post(LOGIN, {"username": other.email, "password": "wrong"})
    pk = casey.pk

    with caplog.at_level(logging.INFO, logger="apps.accounts.privacy"):
        response = phone.post(
            reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "DELETE"}
        )
    assert response["Location"] == reverse("accounts:deleted")
    assert not User.objects.filter(pk=pk).exists()

    assert rows_mentioning(EMAIL, SIGN_IN_TABLES) == []
    assert rows_mentioning("10.5.0.", SIGN_IN_TABLES) == []
    # No table anywhere still holds the address.
    assert rows_mentioning(EMAIL, apps.get_models()) == []
    # Other people's records stay.
    assert len(rows_mentioning(other.email, [AccessLog])) == 1
    assert len(rows_mentioning(other.email, [AccessAttempt])) == 1

    closed = [r for r in caplog.records if "closed" in r.getMessage()]
    assert [r.getMessage() for r in closed] == [
        f"account {account_pseudonym(pk)} closed by its owner"
    ]
    message = closed[0].getMessage()
    assert "None" not in message and EMAIL not in message.lower()


def test_the_pseudonym_is_stable_and_differs_between_accounts():
    assert account_pseudonym(7) == account_pseudonym(7)
    assert account_pseudonym(7) != account_pseudonym(8)
    assert "7" != account_pseudonym(7) and len(account_pseudonym(7)) == 16


def test_deleting_in_the_admin_forgets_the_same_and_says_who_closed_it(
    signed_in_a_few_times, caplog
):
    casey, _ = signed_in_a_few_times
    pk = casey.pk
    root = User.objects.create_superuser(
        email="root@example.edu", password=PASSWORD, full_name="Root"
    )
    with caplog.at_level(logging.INFO, logger="apps.accounts.privacy"):
        response = client_for(root).post(
            reverse("admin:accounts_user_delete", args=[pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert rows_mentioning(EMAIL, SIGN_IN_TABLES) == []
    assert [r.getMessage() for r in caplog.records if "closed" in r.getMessage()] == [
        f"account {account_pseudonym(pk)} closed by staff account {root.pk}"
    ]
