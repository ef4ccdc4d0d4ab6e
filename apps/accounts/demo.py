"""Demo people for `manage.py seed_demo`: known logins, safe to run again."""

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
    return lines
