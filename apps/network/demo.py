"""Demo people for seed_demo: a few people each demo student knows, most with a few logged
approaches dated back from today (apps/network/data), safe to run again: a person who has a
log already keeps it."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from apps.accounts.models import User

from .models import Approach, Person

_DATA = json.loads((Path(__file__).parent / "data" / "demo_people.json").read_text("utf-8"))


def seed() -> list[str]:
    for email, people in _DATA.items():
        student = User.objects.filter(email=email).first()
        if student is None:
            continue
        for fields in people:
            fields = dict(fields)
            log = fields.pop("approaches", [])
            person, _ = Person.objects.update_or_create(
                student=student, full_name=fields["full_name"], defaults=fields
            )
            if not person.approaches.exists():
                _log(person, log)
    return [
        f"People I know: {Person.objects.count()} kept by the demo students, "
        f"{Approach.objects.count()} approaches logged"
    ]


def _log(person: Person, log: list[dict]) -> None:
    today = timezone.localdate()
    for entry in log:
        on = today - timedelta(days=entry["days_ago"])
        call_back_in = entry.get("call_back_in")
        Approach.objects.create(
            person=person,
            on=on,
            outcome=entry["outcome"],
            call_back_on=today + timedelta(days=call_back_in) if call_back_in else None,
            note=entry.get("note", ""),
        )
