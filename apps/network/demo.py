"""Demo people for seed_demo: a few people each demo student knows, most with a few logged
approaches dated back from today, some with conversations in several states, and one of them
suggested for the binder (so staff see a waiting invitation counted) (apps/network/data).
Safe to run again: a person who has a log or a conversation already keeps it, and the one
invitation is never sent twice."""

import json
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts import services as binder
from apps.contacts.models import Suggestion

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
            suggested = fields.pop("suggested_for_binder", False)
            person, _ = Person.objects.update_or_create(
                student=student, full_name=fields["full_name"], defaults=fields
            )
            if not person.approaches.exists():
                _log(person, log)
            if suggested:
                try:
                    binder.suggestion_send(
                        student=student, full_name=person.full_name, email=person.email
                    )
                except ValidationError:
                    pass  # suggested on an earlier run: the one invitation has gone
    _seed_conversations()
    return [
        f"People I know: {Person.objects.count()} kept by the demo students, "
        f"{Suggestion.objects.count()} suggested for the binder, "
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


# Conversations with people the demo students know, in several states: (student, person,
# days from now of the booking or None for one being prepared, whether it was held).
_CONVERSATIONS = [
    ("student@example.edu", "Aoife Ní Bhriain", -9, True),
    ("student@example.edu", "Maeve Quinn", 3, False),
    ("student@example.edu", "Tom Okafor", None, False),
    ("student2@example.edu", "Grace Mensah", None, False),
]


def _seed_conversations() -> None:
    """Through the same services as a student's clicks, so reminders and contacts follow; a
    person who already has a conversation is left as they are (safe to run again)."""
    from apps.interviews import services
    from apps.interviews.demo import working_slot
    from apps.interviews.models import Interview
    from apps.reminders import services as reminders

    for email, name, days, was_held in _CONVERSATIONS:
        person = Person.objects.filter(student__email=email, full_name=name).first()
        if person is None or Interview.objects.filter(person=person).exists():
            continue
        interview = services.interview_start_with_person(student=person.student, person=person)
        services.research_save(
            interview=interview,
            career=f"What a {person.role.lower()} does day to day, and how people start.",
            organisation=f"{person.organisation}: read its site and recent news.",
            person=person.notes,
        )
        if days is None:
            continue
        starts = working_slot(days, hour=13)  # a weekday, in working hours
        services.booking_record(
            interview=interview,
            starts_at=starts,
            length_minutes=20,
            format=Interview.Format.PHONE,
            where=person.phone or "They will ring me",
        )
        if not was_held:
            continue
        services.record_save(
            interview=interview,
            answers={},
            notes="Most curators start in collections or visitor services; volunteering counts.",
            language="collections care\nfootfall\nloan agreements",
            actual_minutes=20,
            reflection="Yes: the mix of research and people suits me.",
            next_steps="Volunteer at the city archive this term",
            promises=[],
            referrals=[
                {
                    "name": "Dara Quinn",
                    "role": "Archivist",
                    "organisation": "City Archive",
                    "contact": "dara.quinn@example.org",
                }
            ],
        )
        interview.refresh_from_db()
        note = reminders.thank_you_for(interview)
        reminders.thank_you_mark_sent(interview=interview, text=note.text)
