import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_navigation_differs_by_role(client, student_client, staff_client):
    public = client.get(reverse("home")).content.decode()
    assert "Register as a student" in public and "Sign out" not in public
    student_page = student_client.get(reverse("home")).content.decode()
    assert "Next steps" in student_page and "Find professionals" in student_page
    assert "Insight" not in student_page and "Invite a colleague" not in student_page
    staff_page = staff_client.get(reverse("home")).content.decode()
    assert "Insight" in staff_page and "Binder" in staff_page
    assert "Invite a colleague" in staff_page and "Outgoing e-mail" in staff_page
    assert "Find professionals" not in staff_page


def test_base_page_has_landmarks_skip_link_and_no_inline_script(student_client):
    response = student_client.get(reverse("home"))
    page = response.content.decode()
    assert 'href="#main"' in page and '<main id="main"' in page
    assert "<header>" in page and "<footer" in page and "<nav class" in page
    assert page.count("<h1") == 1
    for script in re.findall(r"<script[^>]*>", page):
        assert "src=" in script, script
    assert "cdn" not in page.lower()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_form_control_has_a_label(client):
    for name in [
        "accounts:login",
        "accounts:register",
        "accounts:password_reset",
        "accounts:confirm_resend",
    ]:
        page = client.get(reverse(name)).content.decode()
        for control_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', page):
            assert f'for="{control_id}"' in page, (name, control_id)


def test_static_bootstrap_is_served_from_the_package(client):
    response = client.get("/static/bootstrap/css/bootstrap.min.css")
    assert response.status_code == 200
