"""Demo people for `manage.py seed_demo`: known logins, safe to run again.

Beside the logins, a cohort of invented students (data/demo_cohort.json) without passwords,
whose term of interviews (apps.interviews.demo) fills the staff insight charts."""

import json
from pathlib import Path
from typing import Any

from django.utils import timezone

from .models import StudentProfile, User

DEMO_PASSWORD = "demo-pass-2026"

PEOPLE: list[dict[str, Any]] = [
    {
        "email": "staff@example.edu",
        "full_name": "Sam Adviser",
        "role": User.Role.STAFF,
    },
    {
        "email": "student@example.edu",
        "full_name": "Alex Student",
        "role": User.Role.STUDENT,
        "profile": {
            "programme": "BSc Psychology",
            "graduation_year": 2027,
            "career_interests": "UX research, product design, human factors",
        },
    },
    {
        "email": "student2@example.edu",
        "full_name": "Jordan Learner",
        "role": User.Role.STUDENT,
        "profile": {
            "programme": "BA History",
            "graduation_year": 2026,
            "career_interests": "Museums and heritage, archives, publishing",
        },
    },
]


COHORT_FILE = Path(__file__).resolve().parent / "data" / "demo_cohort.json"


def cohort() -> list[dict[str, Any]]:
    """The invented students of the demo term, as the data file lists them."""
    return json.loads(COHORT_FILE.read_text(encoding="utf-8"))["students"]


def _seed_cohort() -> int:
    for person in cohort():
        user, made = User.objects.get_or_create(
            email=person["email"],
            defaults={
                "full_name": person["full_name"],
                "role": User.Role.STUDENT,
                "is_active": True,
                "email_confirmed_at": timezone.now(),
            },
        )
        if made:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            StudentProfile.objects.create(
                user=user,
                programme=person["programme"],
                graduation_year=person["graduation_year"],
                career_interests=person["career_interests"],
            )
    return len(cohort())


def seed() -> list[str]:
    lines = []
    for person in PEOPLE:
        user, _ = User.objects.update_or_create(
            email=person["email"],
            defaults={
                "full_name": person["full_name"],
                "role": person["role"],
                "is_active": True,
                "email_confirmed_at": timezone.now(),
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        if "profile" in person:
            StudentProfile.objects.update_or_create(user=user, defaults=person["profile"])
        lines.append(f"{user.get_role_display():<20} {user.email:<24} password: {DEMO_PASSWORD}")
    lines.append(
        f"Cohort: {_seed_cohort()} more students (no sign-in) whose term fills the insight charts"
    )
    return lines
