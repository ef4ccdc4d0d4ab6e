"""Demo people for seed_demo: a few people each demo student knows (apps/network/data),
safe to run again."""

import json
from pathlib import Path

from apps.accounts.models import User

from .models import Person

_DATA = json.loads((Path(__file__).parent / "data" / "demo_people.json").read_text("utf-8"))


def seed() -> list[str]:
    for email, people in _DATA.items():
        student = User.objects.filter(email=email).first()
        if student is None:
            continue
        for fields in people:
            Person.objects.update_or_create(
                student=student, full_name=fields["full_name"], defaults=fields
            )
    return [f"People I know: {Person.objects.count()} kept by the demo students"]
