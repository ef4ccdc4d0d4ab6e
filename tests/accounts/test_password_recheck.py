"""Every form that asks a signed-in person for their password again (change password, delete
account) goes through one check that counts wrong passwords with the sign-in failures: the
same account, the same limit, the same pause. A wrong guess changes nothing, and during the
pause the right password is refused too."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User

from ..conftest import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db
CHANGE = reverse("accounts:password_change")
DELETE = reverse("accounts:delete_account")
LOGIN = reverse("accounts:login")
NEW_PASSWORD = "a-brand-new-passphrase-2026"


def change(client, old):
    return client.post(
        CHANGE,
        {"old_password": old, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def delete(client, password):
    return client.post(DELETE, {"password": password, "confirm": "DELETE"})


def sign_in(email, password, address="10.0.0.1"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": email, "password": password})


def password_is_unchanged(user):
    user.refresh_from_db()
    return user.check_password(PASSWORD) and not user.check_password(NEW_PASSWORD)


def test_wrong_passwords_pause_change_password_and_then_the_right_one_is_refused(student, settings):
    client = client_for(student)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = change(client, "a-wrong-guess")
            assert response.status_code == 200
            assert "That is not your password." in response.content.decode()
            assert password_is_unchanged(student)
        paused = change(client, "a-wrong-guess")
        assert paused.status_code == 429

        refused = change(client, PASSWORD)
        page = refused.content.decode()
        assert refused.status_code == 429
        assert "Password checks are paused" in page and "15 minutes" in page
        assert "Nothing has been changed." in page
        assert password_is_unchanged(student)

        clock.move_to(start + settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
        response = change(client, PASSWORD)
        assert response["Location"] == reverse("accounts:password_change_done")
        student.refresh_from_db()
        assert student.check_password(NEW_PASSWORD)


def test_wrong_passwords_pause_delete_account_and_the_account_stays(student, settings):
    client = client_for(student)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = delete(client, "a-wrong-guess")
            assert response.status_code == 400
            assert "That is not your password." in response.content.decode()
        assert delete(client, "a-wrong-guess").status_code == 429

        refused = delete(client, PASSWORD)
        assert refused.status_code == 429
        assert "Password checks are paused" in refused.content.decode()
        assert User.objects.filter(pk=student.pk).exists()
        # Still signed in: the pause refuses the password, it does not end the session.
        assert client.get(reverse("accounts:profile")).status_code == 200

        clock.move_to(start + settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
        assert delete(client, PASSWORD)["Location"] == reverse("accounts:deleted")
        assert not User.objects.filter(pk=student.pk).exists()


def test_guesses_on_either_form_and_at_sign_in_count_together(student, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = client_for(student)
    assert change(client, "guess-1").status_code == 200
    assert change(client, "guess-2").status_code == 200
    assert delete(client, "guess-3").status_code == 400
    assert delete(client, "guess-4").status_code == 400
    # The fifth wrong password, at the sign-in page from another address, pauses the account.
    assert sign_in(student.email, "guess-5", address="10.0.7.7").status_code == 429
    assert sign_in(student.email, PASSWORD, address="10.0.7.8").status_code == 429
    assert change(client, PASSWORD).status_code == 429
    assert delete(client, PASSWORD).status_code == 429
    assert password_is_unchanged(student)
    assert User.objects.filter(pk=student.pk).exists()


def test_failed_sign_ins_elsewhere_pause_the_forms_of_an_open_session(settings):
    person = make_user(email="casey@example.edu")
    client = client_for(person)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("Casey@Example.edu", "wrong", address=f"10.0.3.{n}")
    assert change(client, PASSWORD).status_code == 429
    assert delete(client, PASSWORD).status_code == 429
    assert password_is_unchanged(person)
    assert User.objects.filter(pk=person.pk).exists()


def test_another_persons_wrong_guesses_do_not_pause_my_forms(student, other_student, settings):
    # Each account has its own count (from different addresses, so no address is paused).
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(other_student.email, "wrong", address=f"10.0.4.{n}")
    response = change(client_for(student), PASSWORD)
    assert response["Location"] == reverse("accounts:password_change_done")


def test_the_record_of_a_wrong_guess_keeps_no_password(student):
    change(client_for(student), "my-old-password-guess")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == student.email and attempt.failures_since_start == 1
    assert "my-old-password-guess" not in attempt.post_data
    assert NEW_PASSWORD not in attempt.post_data


def test_the_admins_password_change_goes_to_the_counted_one():
    root = User.objects.create_superuser(
        email="root@example.edu", password=PASSWORD, full_name="Root"
    )
    client = client_for(root)
    response = client.get(reverse("admin:password_change"))
    assert response.status_code == 302 and response["Location"] == CHANGE
    posted = client.post(
        reverse("admin:password_change"),
        {"old_password": "guess", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert posted.status_code == 302 and not AccessAttempt.objects.exists()
    assert password_is_unchanged(root)
