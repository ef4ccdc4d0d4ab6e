"""Headers, cookies, sessions, link privacy, secrets kept out of logs, and a clean 503 when the
database is out of reach."""

import logging

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.interviews import services as interview_services

from ..conftest import PASSWORD, make_user
from ..interviews.helpers import sent_interview
from .test_settings import GOOD, run_django

LOGIN = reverse("accounts:login")

pytestmark = pytest.mark.django_db


def test_every_page_sends_the_protective_headers(student_client):
    response = student_client.get(reverse("home"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


STUDENT_PAGES = [
    reverse("home"),
    reverse("interviews:list"),
    reverse("contacts:search"),
    reverse("questions:plans"),
    reverse("accounts:profile"),
    reverse("accounts:my_data"),
]
STAFF_PAGES = [
    reverse("home"),
    reverse("contacts:staff_list"),
    reverse("contacts:staff_export", args=["csv"]),
    reverse("insight:dashboard"),
    reverse("contacts:volunteers"),
]


def test_signed_in_pages_are_never_cached(student_client, staff_client):
    for client, pages in [(student_client, STUDENT_PAGES), (staff_client, STAFF_PAGES)]:
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            assert {"private", "no-store"} <= _directives(response), page
            assert "public" not in _directives(response), page


def test_public_pages_and_static_files_keep_their_caching(student_client):
    anonymous = Client().get(reverse("contacts:volunteer"))
    assert anonymous.status_code == 200
    assert "no-store" not in _directives(anonymous)
    # Static files are served by whitenoise before anyone is signed in or out.
    static = student_client.get("/static/css/app.css")
    assert static.status_code == 200
    assert "no-store" not in _directives(static)
    assert "max-age" in static.get("Cache-Control", "")


def test_production_sends_hsts_and_secure_samesite_cookies():
    # (Static files are served from the plain finders here: this run has no collectstatic.)
    code = """
from django.conf import settings as s
from django.test import Client, override_settings
plain = {**s.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain):
    r = Client().get("/accounts/sign-in/", secure=True, HTTP_HOST="careers.example.edu")
c = r.cookies["csrftoken"]
print(r.status_code, r["Strict-Transport-Security"].replace(" ", ""), bool(c["secure"]), c["samesite"])
print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE)
"""
    result = run_django(GOOD, "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == [
        "200",
        "max-age=31536000;includeSubDomains;preload",
        "True",
        "Lax",
        "True",
        "True",
        "Lax",
    ], result.stderr


def test_the_session_cookie_is_httponly_and_samesite():
    make_user(email="cookie@example.edu")
    client = Client()
    client.post(LOGIN, {"username": "cookie@example.edu", "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_signing_in_rotates_the_session_and_signing_out_kills_it():
    make_user(email="rotate@example.edu")
    client = Client()
    session = client.session
    session["seen"] = True
    session.save()
    before = session.session_key
    client.cookies["sessionid"] = before
    response = client.post(LOGIN, {"username": "rotate@example.edu", "password": PASSWORD})
    assert response.status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before, "a new session key at sign-in (no session fixation)"
    assert not Session.objects.filter(session_key=before).exists()

    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=after).exists()
    # Someone who copied the old cookie is signed out too.
    thief = Client()
    thief.cookies["sessionid"] = after
    response = thief.get(reverse("accounts:profile"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def _respond_url(student):
    interview = sent_interview(student)
    return reverse("interviews:respond", args=[interview_services.professional_token(interview)])


def test_pages_opened_by_link_send_only_the_origin_as_referrer_and_are_not_cached(student):
    url = _respond_url(student)
    response = Client().get(url)
    assert response.status_code == 200
    # Never the path (it holds the secret), but an origin, so the page's own posts pass CSRF.
    assert response["Referrer-Policy"] == "strict-origin"
    assert "no-store" in response["Cache-Control"]
    # An ordinary page keeps the site-wide policy.
    assert Client().get(LOGIN)["Referrer-Policy"] == "same-origin"


def test_link_secrets_never_reach_the_logs(student, caplog):
    url = _respond_url(student)
    token = url.split("/")[-2]
    caplog.set_level(logging.INFO)
    # Refused requests are logged with their path: a tampered link (404), a POST without CSRF
    # (403) and a method that is not allowed (405).
    assert Client().get(url.replace(token, token[:-3] + "abc")).status_code == 404
    assert Client(enforce_csrf_checks=True).post(url + "decline/").status_code == 403
    assert Client().get(url + "decline/").status_code == 405
    messages = [record.getMessage() for record in caplog.records]
    assert any("[redacted]" in message for message in messages), messages
    assert not any(token[:20] in message for message in messages), messages


def test_a_database_outage_is_a_503_with_retry_after_not_a_server_error(
    student_client, monkeypatch
):
    from apps.reminders import views

    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server was lost")

    monkeypatch.setattr(views, "dashboard", unreachable)
    student_client.raise_request_exception = False
    response = student_client.get(reverse("home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "nothing was saved" in response.content.decode()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "dashboard", broken)
    response = student_client.get(reverse("home"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_free_text_posted_without_a_form_loses_control_characters(student, student_client):
    from apps.contacts.models import Professional
    from apps.reminders.models import Contact, ContactLog
    from apps.reminders.services import contact_touch

    pro = Professional.objects.create(
        full_name="Pat Pro",
        email="pat@pro.example",
        status="active",
        consent_at=timezone.now(),
        consent_method="phone",
    )
    contact = contact_touch(student=student, counterpart=pro)
    assert isinstance(contact, Contact)
    response = student_client.post(
        reverse("reminders:contact_log", args=[contact.pk]), {"note": "We\x00 spoke\x1b today\n"}
    )
    assert response.status_code == 302
    assert ContactLog.objects.filter(note="We spoke today").exists()
