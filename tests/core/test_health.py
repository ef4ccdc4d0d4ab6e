from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_is_down(client):
    with mock.patch("apps.core.middleware.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database unavailable" in response.content


def test_healthz_works_over_plain_http_on_any_host(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["careers.example.edu"]
    probe = Client(HTTP_HOST="10.1.2.3:8000")
    response = probe.get("/healthz")
    assert response.status_code == 200
    # Other pages still insist on the real host and on HTTPS.
    assert Client(HTTP_HOST="careers.example.edu").get("/").status_code == 301
    assert probe.get("/").status_code == 400
