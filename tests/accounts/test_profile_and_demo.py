import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from apps.accounts.demo import DEMO_PASSWORD, cohort
from apps.accounts.models import StudentProfile, User

pytestmark = pytest.mark.django_db


def test_student_edits_profile_and_time_zone(student, student_client):
    response = student_client.post(
        reverse("accounts:profile"),
        {
            "details-full_name": "Stella S. Student",
            "details-time_zone": "Asia/Tokyo",
            "profile-programme": "BA Design",
            "profile-graduation_year": "2028",
            "profile-career_interests": "UX research",
            "profile-linkedin_url": "https://www.linkedin.com/in/stella",
            "profile-portfolio_url": "",
        },
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.full_name == "Stella S. Student" and student.time_zone == "Asia/Tokyo"
    profile = StudentProfile.objects.get(user=student)
    assert profile.graduation_year == 2028 and profile.career_interests == "UX research"
    assert "Asia/Tokyo" in student_client.get(reverse("home")).content.decode()


def test_bad_profile_input_is_explained_and_changes_nothing(student, student_client):
    response = student_client.post(
        reverse("accounts:profile"),
        {
            "details-full_name": "New Name",
            "details-time_zone": "Mars/Olympus",
            "profile-graduation_year": "20000",
            "profile-linkedin_url": "https://example.com/me",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "linkedin.com address" in page
    assert "less than or equal to 2100" in page
    student.refresh_from_db()
    assert student.full_name == "Stella Student"


def test_staff_profile_has_no_student_section(staff_client):
    page = staff_client.get(reverse("accounts:profile")).content.decode()
    assert "Studies and interests" not in page


def test_seed_demo_is_idempotent_and_its_logins_work(capsys):
    call_command("seed_demo")
    first = capsys.readouterr().out
    call_command("seed_demo")
    # The three logins and the term's invented cohort, once each; the cohort cannot sign in.
    students = len(cohort())
    assert User.objects.count() == 3 + students
    assert StudentProfile.objects.count() == 2 + students
    assert not any(
        user.has_usable_password()
        for user in User.objects.filter(email__in=[p["email"] for p in cohort()])
    )
    assert "staff@example.edu" in first and DEMO_PASSWORD in first
    staff = User.objects.get(email="staff@example.edu")
    assert staff.is_career_staff
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "student@example.edu", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "Next steps" in client.get(reverse("home")).content.decode()


def test_superusers_are_staff():
    admin = User.objects.create_superuser(email="root@example.edu", password="x", full_name="Root")
    assert admin.is_career_staff and not admin.is_student
