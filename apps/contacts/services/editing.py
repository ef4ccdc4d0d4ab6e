"""Staff add and edit binder entries: the entry, its attested consent, its status and the audit
row, in one transaction."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from apps.accounts.models import User

from ..models import AuditEntry, Organisation, Professional
from .audit import audit
from .status import consent_record, professional_set_status


@dataclass(frozen=True)
class Attestation:
    """How and when staff say the person agreed to be listed (a phone call on 3 March)."""

    method: str
    terms: str
    given_at: datetime


def professional_create(
    *, professional: Professional, status: str, consent: Attestation | None, by: User
) -> Professional:
    """Add the unsaved ``professional`` to the binder, with ``status`` once any consent is on
    record (nobody becomes active without one)."""
    with transaction.atomic():
        professional.status = Professional.Status.PENDING
        professional.source = Professional.Source.STAFF
        professional.save()
        if consent is not None:
            _attest(professional, consent, by)
        professional_set_status(professional=professional, status=status)
        audit(actor=by, action=AuditEntry.Action.CREATED, professional=professional)
    return professional


def professional_update(
    *,
    professional: Professional,
    status: str,
    consent: Attestation | None,
    changed: list[tuple[str, str]],
    by: User,
) -> None:
    """Save staff's edit of ``professional`` (its fields already set; ``changed`` names each
    changed field and its label), then its consent and its status."""
    with transaction.atomic():
        stored = Professional.objects.filter(pk=professional.pk).values_list("status", flat=True)
        professional.status = stored.get()
        if any(name == "referred_by" for name, _ in changed):
            # Staff's note of who introduced them is not a student's introduction.
            professional.referred_by_student = None
        professional.save()
        if consent is not None:
            _attest(professional, consent, by)
        professional_set_status(professional=professional, status=status)
        audit(
            actor=by,
            action=AuditEntry.Action.CHANGED,
            professional=professional,
            detail=", ".join(label for _, label in changed),
        )


def organisation_save(organisation: Organisation) -> Organisation:
    """Save staff's edit of ``organisation`` and, in the same transaction, the search words of
    everyone listed there (students find people by their organisation's name): a few queries
    however many work there, instead of a save per person."""
    with transaction.atomic():
        # Staff's edit takes in an organisation the volunteer form added: it stays.
        organisation.from_volunteer_form = False
        organisation.save()
        listed = list(
            Professional.objects.filter(organisation=organisation).select_related(
                "industry", "occupation"
            )
        )
        for professional in listed:
            professional.organisation = organisation
            professional.search_text = professional.build_search_text()
        Professional.objects.bulk_update(listed, ["search_text"], batch_size=500)
    return organisation


def _attest(professional: Professional, consent: Attestation, by: User) -> None:
    consent_record(
        professional=professional,
        method=consent.method,
        terms=consent.terms,
        by=by,
        given_at=consent.given_at,
    )
