import re

import pytest
from django.core import mail
from django.urls import reverse

from apps.accounts.models import StudentProfile, User
from apps.core.models import QueuedEmail

from ..conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def register(client, **overrides):
    data = {
        "full_name": "Riley Newcomer",
        "email": "Riley.Newcomer@Example.edu",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "programme": "MSc Data Science",
        "graduation_year": "2027",
        "time_zone": "America/New_York",
        **overrides,
    }
    return client.post(reverse("accounts:register"), data)


def link_from(body):
    return re.search(r"http://testserver(/\S+)", body).group(1)


def test_allowed_domain_registers_and_queues_a_confirmation(client, run_worker):
    response = register(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:register_done")
    user = User.objects.get(email="riley.newcomer@example.edu")
    assert user.role == User.Role.STUDENT
    assert not user.is_active and user.email_confirmed_at is None
    assert user.time_zone == "America/New_York"
    assert StudentProfile.objects.get(user=user).programme == "MSc Data Science"
    queued = QueuedEmail.objects.get()
    assert queued.recipients == ["riley.newcomer@example.edu"]
    assert "Confirm your address" in queued.subject
    assert mail.outbox == []  # queued, not sent, until the worker runs
    assert run_worker() == 1
    assert mail.outbox[0].to == ["riley.newcomer@example.edu"]


def test_other_domain_is_refused_with_a_clear_message(client):
    response = register(client, email="someone@gmail.com")
    assert response.status_code == 200
    assert "Registration is open to addresses at @example.edu" in response.content.decode()
    assert not User.objects.exists()
    assert not QueuedEmail.objects.exists()


def test_duplicate_address_is_refused(client):
    make_user(email="taken@example.edu")
    response = register(client, email="TAKEN@example.edu")
    assert "An account with this address already exists" in response.content.decode()
    assert User.objects.filter(email="taken@example.edu").count() == 1
    assert not QueuedEmail.objects.exists()


def test_weak_or_mismatched_passwords_are_refused(client):
    response = register(client, password1="password", password2="password")
    assert "This password is too common" in response.content.decode()
    response = register(client, password2="something-else-entirely")
    assert "The two passwords differ" in response.content.decode()
    assert not User.objects.exists()


def test_confirmation_link_confirms_on_post_only_and_once(client, run_worker):
    register(client)
    run_worker()
    path = link_from(mail.outbox[0].body)
    user = User.objects.get()

    assert client.get(path).status_code == 200
    user.refresh_from_db()
    assert not user.is_active  # GET changes nothing

    response = client.post(path)
    assert response["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert user.is_active and user.email_confirmed_at is not None
    assert client.get(reverse("accounts:profile")).status_code == 200

    client.logout()
    response = client.get(path)
    assert response.status_code == 400
    assert "expired or was already used" in response.content.decode()


def test_unconfirmed_student_is_told_to_confirm_when_signing_in(client):
    register(client)
    response = client.post(
        reverse("accounts:login"), {"username": "riley.newcomer@example.edu", "password": PASSWORD}
    )
    assert "Confirm your e-mail address first" in response.content.decode()


def test_resend_queues_a_new_link_only_for_unconfirmed_accounts(client):
    register(client)
    make_user(email="done@example.edu")
    QueuedEmail.objects.all().delete()
    client.post(reverse("accounts:confirm_resend"), {"email": "riley.newcomer@example.edu"})
    client.post(reverse("accounts:confirm_resend"), {"email": "done@example.edu"})
    client.post(reverse("accounts:confirm_resend"), {"email": "nobody@example.edu"})
    assert list(QueuedEmail.objects.values_list("recipients", flat=True)) == [
        ["riley.newcomer@example.edu"]
    ]
