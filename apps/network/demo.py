"""Demo people for seed_demo: a few people each demo student knows (apps/network/data), one
of them suggested for the binder (so staff see a waiting invitation counted), safe to run
again."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError

from apps.accounts.models import User
from apps.contacts import services as binder
from apps.contacts.models import Suggestion

from .models import Person

_DATA = json.loads((Path(__file__).parent / "data" / "demo_people.json").read_text("utf-8"))


def seed() -> list[str]:
    for email, people in _DATA.items():
        student = User.objects.filter(email=email).first()
        if student is None:
            continue
        for fields in people:
            fields = dict(fields)
            suggested = fields.pop("suggested_for_binder", False)
            person, _ = Person.objects.update_or_create(
                student=student, full_name=fields["full_name"], defaults=fields
            )
            if suggested:
                try:
                    binder.suggestion_send(
                        student=student, full_name=person.full_name, email=person.email
                    )
                except ValidationError:
                    pass  # suggested on an earlier run: the one invitation has gone
    return [
        f"People I know: {Person.objects.count()} kept by the demo students, "
        f"{Suggestion.objects.count()} suggested for the binder"
    ]
