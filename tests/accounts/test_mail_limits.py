import pytest
from django.test import Client
from django.urls import reverse

from apps.core.models import QueuedEmail

pytestmark = pytest.mark.django_db


def test_password_reset_mails_are_limited_per_address(student):
    for n in range(6):
        response = Client(REMOTE_ADDR=f"192.0.2.{n}").post(
            reverse("accounts:password_reset"), {"email": student.email}
        )
        assert response.status_code == 302  # the same answer every time
    assert QueuedEmail.objects.filter(recipients=[student.email]).count() == 3


def test_confirmation_resends_are_limited_per_visitor():
    from tests.conftest import make_user

    for n in range(12):
        make_user(email=f"wait{n}@example.edu", is_active=False, email_confirmed_at=None)
    client = Client(REMOTE_ADDR="192.0.2.50")
    for n in range(12):
        client.post(reverse("accounts:confirm_resend"), {"email": f"wait{n}@example.edu"})
    assert QueuedEmail.objects.count() == 10
