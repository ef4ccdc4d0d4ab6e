import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import StaffInvitation, User
from apps.core.models import QueuedEmail

from ..conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def invite(client, email="new.adviser@example.org", name="Nia Adviser"):
    return client.post(reverse("accounts:invite"), {"email": email, "full_name": name})


def accept_path(run_worker):
    run_worker()
    return re.search(r"http://testserver(/accounts/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_staff_invite_a_colleague_who_joins_as_staff(staff_client, run_worker):
    response = invite(staff_client)
    assert response.status_code == 302
    assert QueuedEmail.objects.get().recipients == ["new.adviser@example.org"]
    path = accept_path(run_worker)

    visitor = Client()
    page = visitor.get(path)
    assert "new.adviser@example.org" in page.content.decode()
    response = visitor.post(
        path,
        {
            "full_name": "Nia Adviser",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Europe/Paris",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.adviser@example.org")
    assert user.is_career_staff and user.time_zone == "Europe/Paris"
    assert visitor.get(reverse("mail_queue")).status_code == 200
    # One use only.
    assert Client().get(path).status_code == 404


def test_invitation_expires(staff_client, run_worker):
    invite(staff_client)
    path = accept_path(run_worker)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert Client().get(path).status_code == 404


def test_revoked_invitation_no_longer_works(staff_client, run_worker):
    invite(staff_client)
    path = accept_path(run_worker)
    invitation = StaffInvitation.objects.get()
    staff_client.post(reverse("accounts:invitation_revoke", args=[invitation.pk]))
    assert Client().get(path).status_code == 404
    assert not User.objects.filter(email="new.adviser@example.org").exists()


def test_inviting_an_existing_account_is_refused(staff_client):
    make_user(email="already@example.edu")
    response = invite(staff_client, email="already@example.edu")
    assert "already has an account" in response.content.decode()
    assert not StaffInvitation.objects.exists()
    assert not QueuedEmail.objects.exists()


def test_students_cannot_invite(student_client):
    assert invite(student_client).status_code == 403
    assert not StaffInvitation.objects.exists()
    assert not QueuedEmail.objects.exists()
