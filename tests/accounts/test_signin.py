from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def attempt(email, password, address="10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": email, "password": password})


def test_sign_in_with_any_case_of_the_address_and_sign_out():
    make_user(email="casey@example.edu")
    client = Client()
    response = client.post(LOGIN, {"username": "Casey@Example.EDU", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_gets_a_clear_message():
    make_user(email="casey@example.edu")
    response = attempt("casey@example.edu", "wrong")
    assert response.status_code == 200
    assert "do not match an active account" in response.content.decode()


def test_account_locks_after_repeated_failures_and_recovers_after_cooloff(settings):
    make_user(email="casey@example.edu")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        # Failures from different addresses: the account, not an address, is what locks.
        for n in range(settings.AXES_FAILURE_LIMIT):
            attempt("casey@example.edu", "wrong", address=f"10.0.1.{n}")
        locked = attempt("casey@example.edu", PASSWORD, address="10.0.2.1")
        assert locked.status_code == 429
        page = locked.content.decode()
        assert "Sign-in is paused" in page and "15 minutes" in page

        clock.move_to(start + settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
        response = attempt("casey@example.edu", PASSWORD, address="10.0.2.1")
        assert response.status_code == 302


def test_address_locks_after_failures_across_accounts(settings):
    make_user(email="victim@example.edu")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(f"guess{n}@example.edu", "wrong", address="10.9.9.9")
    assert attempt("victim@example.edu", PASSWORD, address="10.9.9.9").status_code == 429
    # The same account from elsewhere is fine: only the address is paused.
    assert attempt("victim@example.edu", PASSWORD, address="10.9.9.10").status_code == 302


def test_inactive_account_cannot_sign_in():
    make_user(email="gone@example.edu", is_active=False)
    response = attempt("gone@example.edu", PASSWORD)
    assert response.status_code == 200
    assert "do not match an active account" in response.content.decode()
