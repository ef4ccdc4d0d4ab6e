import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts import services
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


def answer_to(email, address):
    """What a visitor sees after registering ``email``: the redirect and the page it leads
    to, with the address they typed (shown back to them) taken out."""
    client = Client(REMOTE_ADDR=address)
    response = register(client, email=email)
    page = client.get(response["Location"]).content.decode()
    return response.status_code, response["Location"], page.replace(email.lower(), "ADDRESS")


def test_a_known_address_gets_the_same_answer_as_a_new_one_and_its_owner_is_told():
    owner = make_user(email="taken@example.edu", full_name="Tara Taken")
    new = answer_to("Riley.Newcomer@Example.edu", "192.0.2.1")
    known = answer_to("TAKEN@example.edu", "192.0.2.2")
    assert new == known
    assert new[:2] == (302, reverse("accounts:register_done"))
    assert "We have sent a confirmation link to <strong>ADDRESS</strong>" in known[2]
    assert "already" not in known[2]

    # Nothing was created or changed for the known address.
    assert User.objects.filter(email__iexact="taken@example.edu").count() == 1
    owner.refresh_from_db()
    assert owner.full_name == "Tara Taken" and owner.check_password(PASSWORD)
    assert User.objects.filter(email="riley.newcomer@example.edu").exists()

    confirmation = QueuedEmail.objects.get(recipients=["riley.newcomer@example.edu"])
    assert "Confirm your address" in confirmation.subject
    notice = QueuedEmail.objects.get(recipients=["taken@example.edu"])
    assert notice.subject == "You already have an account with Career Centre Conversations"
    assert "Hello Tara Taken" in notice.body
    assert "tried to register" in notice.body and "nothing has changed" in notice.body
    assert f"http://testserver{reverse('accounts:login')}" in notice.body
    assert f"http://testserver{reverse('accounts:password_reset')}" in notice.body
    assert "/accounts/confirm/" not in notice.body
    assert QueuedEmail.objects.count() == 2


def test_registering_again_before_confirming_mails_a_fresh_link_and_keeps_the_first_password(
    client, run_worker
):
    register(client)
    QueuedEmail.objects.all().delete()
    second = register(
        Client(), password1="another-long-passphrase", password2="another-long-passphrase"
    )
    assert second["Location"] == reverse("accounts:register_done")
    assert User.objects.count() == 1
    assert run_worker() == 1
    notice = mail.outbox[0]
    assert notice.to == ["riley.newcomer@example.edu"]
    assert "waiting for you to confirm" in notice.body
    client.post(link_from(notice.body))
    user = User.objects.get()
    assert user.is_active and user.check_password(PASSWORD)
    assert not user.check_password("another-long-passphrase")


def test_notices_to_a_known_address_are_limited(student):
    for n in range(6):
        response = register(Client(REMOTE_ADDR=f"192.0.2.{n}"), email=student.email)
        assert response["Location"] == reverse("accounts:register_done")
    assert QueuedEmail.objects.filter(recipients=[student.email]).count() == 3


def test_losing_a_race_for_a_new_address_answers_like_a_known_one(client, monkeypatch):
    # Another registration took the address between the look-up and the insert.
    owner = make_user(email="riley.newcomer@example.edu")
    monkeypatch.setattr(services, "_account_with", lambda email: None)
    response = register(client)
    assert response["Location"] == reverse("accounts:register_done")
    assert list(User.objects.values_list("pk", flat=True)) == [owner.pk]
    assert not StudentProfile.objects.exclude(user=owner).exists()
    notice = QueuedEmail.objects.get()
    assert notice.recipients == [owner.email] and "already have an account" in notice.subject


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


@pytest.mark.parametrize("name", ["accounts:password_reset", "accounts:confirm_resend"])
def test_asking_for_a_link_answers_the_same_for_known_and_unknown_addresses(name):
    make_user(email="known@example.edu")
    make_user(email="waiting@example.edu", is_active=False, email_confirmed_at=None)
    answers = []
    for n, email in enumerate(["known@example.edu", "waiting@example.edu", "nobody@example.edu"]):
        client = Client(REMOTE_ADDR=f"192.0.2.{n}")
        response = client.post(reverse(name), {"email": email})
        page = client.get(response["Location"]).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        answers.append((response.status_code, response["Location"], page))
    assert answers[0][0] == 302 and answers[0] == answers[1] == answers[2]
