"""A referral recorded after an interview becomes one of the student's people: the "two more
people" the guides say to ask for, ready to approach, with who referred them."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower

from .models import Person


def person_from_referral(
    *, student, name: str, role: str = "", organisation: str = "", contact: str = "", by: str
) -> Person:
    """The student's person for this referral: an existing one with the same address, or the
    same name at the same organisation, gains "referred by"; otherwise a new one is added."""
    contact = contact.strip()
    email = phone = ""
    try:
        validate_email(contact)
        email = contact.lower()
    except ValidationError:
        phone = contact[:40] if contact and any(ch.isdigit() for ch in contact) else ""
    mine = Person.objects.of(student)
    existing = None
    if email:
        existing = mine.annotate(address=Lower("email")).filter(address=email).first()
    if existing is None:
        probe = Person(full_name=name, organisation=organisation)
        existing = next(
            (
                p
                for p in mine.filter(full_name__iexact=name.strip())
                if p.name_key == probe.name_key
            ),
            None,
        )
    if existing is not None:
        if not existing.referred_by:
            existing.referred_by = by[:200]
            existing.save(update_fields=["referred_by", "updated_at"])
        return existing
    notes = "" if email or phone or not contact else f"Contact given: {contact}"
    return Person.objects.create(
        student=student,
        full_name=name.strip()[:200],
        role=role.strip()[:200],
        organisation=organisation.strip()[:200],
        how_known=Person.HowKnown.REFERRAL,
        referred_by=by[:200],
        email=email,
        phone=phone,
        notes=notes,
        source=Person.Source.REFERRAL,
    )
