"""Personas and factories shared by every test."""

import itertools
import os

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from apps.accounts.models import StudentProfile, User
from apps.core.mail import deliver_due

PASSWORD = "correct-horse-battery-staple"
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The staff dashboard keeps its figures in the cache: no test sees another's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _queued_mail(settings):
    """Keep the product's own mail path in tests: queue first, locmem only when delivered."""
    settings.EMAIL_BACKEND = "apps.core.mail.QueuedEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "http://testserver"


def make_user(*, role=User.Role.STUDENT, email=None, full_name=None, password=PASSWORD, **fields):
    n = next(_numbers)
    fields.setdefault("email_confirmed_at", "2026-01-01T00:00:00Z")
    user = User.objects.create_user(
        email=email or f"person{n}@example.edu",
        password=password,
        full_name=full_name or f"Person {n}",
        role=role,
        **fields,
    )
    if role == User.Role.STUDENT:
        StudentProfile.objects.create(user=user, programme="BSc Testing")
    return user


@pytest.fixture
def student(db):
    return make_user(full_name="Stella Student")


@pytest.fixture
def other_student(db):
    return make_user(full_name="Otto Other")


@pytest.fixture
def staff(db):
    return make_user(role=User.Role.STAFF, full_name="Sam Staff")


@pytest.fixture
def inactive_user(db):
    return make_user(full_name="Ian Inactive", is_active=False)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def student_client(student):
    return client_for(student)


@pytest.fixture
def staff_client(staff):
    return client_for(staff)


@pytest.fixture
def run_worker():
    """One pass of the mail worker, in this process; returns how many e-mails it handled."""
    return deliver_due


# Every property test runs from a fixed seed unless it says otherwise: the same examples on
# every run and every machine (HYPOTHESIS_PROFILE=explore draws fresh ones locally).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("explore", derandomize=False, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
