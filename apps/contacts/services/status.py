"""Status, capacity, consent and erasure of a binder entry."""

import json
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.accounts.models import User
from apps.core.mail import email_cancel_queued, email_forget, email_forget_mentions
from apps.core.privacy import scrub_everywhere
from apps.core.suppression import is_suppressed, suppress

from .. import signals
from ..models import (
    AuditEntry,
    BinderImport,
    MonthlyLoad,
    Professional,
    month_start,
)
from .audit import audit
from .links import LISTED, SUPPRESSED_MESSAGE

# --- Status --------------------------------------------------------------------------------------


def professional_set_status(*, professional: Professional, status: str) -> None:
    if status not in Professional.Status.values:
        raise ValidationError("That is not a status the binder knows.")
    old = professional.status
    if old == status:
        return
    if old == Professional.Status.DO_NOT_CONTACT and status != old:
        raise ValidationError(
            "This person asked never to be contacted again, and that is final: the binder "
            "will not list or contact them again."
        )
    if status in LISTED and professional.email and is_suppressed(professional.email):
        raise ValidationError(SUPPRESSED_MESSAGE)
    if status == Professional.Status.ACTIVE and not professional.has_consent():
        raise ValidationError(
            f"{professional.full_name} has no consent on record, so students cannot be shown "
            "them. Record how and when they agreed (for example a phone call and its date), or "
            "leave them pending and send the invitation to confirm from their page."
        )
    with transaction.atomic():
        professional.status = status
        professional.save(update_fields=["status"])
        status_changed(professional=professional, old_status=old)


def status_changed(*, professional: Professional, old_status: str) -> None:
    """What follows any change of status, however it was made (a click, a link, an import):
    "never again" suppresses the address and clears its queue; the apps above are told."""
    if professional.status == Professional.Status.DO_NOT_CONTACT and professional.email:
        suppress(professional.email, reason="never")
        email_cancel_queued(professional.email)
    signals.professional_status_changed.send(
        sender=Professional,
        professional=professional,
        old_status=old_status,
        new_status=professional.status,
    )


LISTING_TRANSITIONS = {
    "pause": ({Professional.Status.ACTIVE}, Professional.Status.PAUSED),
    "resume": (
        {Professional.Status.PAUSED, Professional.Status.RETIRED},
        Professional.Status.ACTIVE,
    ),
    "leave": (
        {Professional.Status.ACTIVE, Professional.Status.PAUSED, Professional.Status.PENDING},
        Professional.Status.RETIRED,
    ),
}


def listing_change(*, professional: Professional, action: str) -> None:
    """What a professional may do to their own status through their link. A pending
    volunteer cannot make themselves active: staff approve them."""
    allowed, target = LISTING_TRANSITIONS[action]
    if professional.status not in allowed:
        raise ValidationError(
            f"Your listing is {professional.get_status_display().lower()}, so it cannot be "
            f"changed that way. The career centre can help: reply to any of our e-mails."
        )
    professional_set_status(professional=professional, status=target)


def professional_set_capacity(*, professional: Professional, capacity: int) -> None:
    if not 0 <= capacity <= 20:
        raise ValidationError("Choose between 0 and 20 students a month.")
    professional.monthly_capacity = capacity
    professional.save(update_fields=["monthly_capacity"])


def capacity_claim(*, professional: Professional, when: datetime | None = None) -> MonthlyLoad:
    """Take one of this month's places, or refuse when the professional is at capacity.

    The professional's row is locked first, so two requests at once cannot both take the
    last place."""
    with transaction.atomic():
        locked = Professional.objects.select_for_update().get(pk=professional.pk)
        load, _ = MonthlyLoad.objects.get_or_create(professional=locked, month=month_start(when))
        if load.requests >= locked.monthly_capacity:
            raise ValidationError(
                f"{locked.full_name} has already been asked by as many students as they can "
                "see this month. Choose someone else, or try again next month."
            )
        load.requests += 1
        load.save(update_fields=["requests"])
    return load


def capacity_release(*, professional: Professional, month: date) -> None:
    """Give back a place taken in ``month`` (a request withdrawn or expired unanswered)."""
    MonthlyLoad.objects.filter(professional=professional, month=month, requests__gt=0).update(
        requests=F("requests") - 1
    )


def consent_record(
    *,
    professional: Professional,
    method: str,
    terms: str,
    by: User | None = None,
    given_at: datetime | None = None,
) -> None:
    """Record how and when someone agreed to be listed. ``given_at`` is the date staff attest
    to (a phone call on 3 March); without it, now."""
    if method not in Professional.ConsentMethod.values or method == "import":
        raise ValidationError("Say how they agreed: phone, e-mail, in person, form or link.")
    if given_at is not None and given_at > timezone.now():
        raise ValidationError("Consent cannot have been given in the future.")
    professional.consent_at = given_at or timezone.now()
    professional.consent_method = method
    professional.consent_terms = terms
    professional.consent_recorded_by = by
    professional.reconsent_requested_at = None
    professional.save(
        update_fields=[
            "consent_at",
            "consent_method",
            "consent_terms",
            "consent_recorded_by",
            "reconsent_requested_at",
        ]
    )


def professional_erase(*, professional: Professional) -> None:
    """Anonymise the entry: counts and history stay, nothing personal does."""
    with transaction.atomic():
        old = professional.status
        # The person may have had a second entry, folded in by a merge: its name and address
        # are theirs too.
        folded = list(professional.merges.values_list("merged_name", "merged_email"))
        names = [professional.full_name, *(n for n, _ in folded)]
        emails = [e for e in [professional.email, *(e for _, e in folded)] if e]
        for address in emails:
            suppress(address, reason="erased")
            email_forget(address)
        # Notifications that name them (to students, about this person) go too; their text
        # may be encoded inside the stored message, so they are deleted, not edited.
        email_forget_mentions([*names, *emails])
        _forget_uploads([*names, *emails])
        professional.full_name = f"Erased entry {professional.pk}"
        for field in [
            "job_title",
            "email",
            "phone",
            "linkedin_url",
            "talk_about",
            "availability_notes",
            "tags",
            "location",
            "alumni_programme",
            "consent_terms",
        ]:
            setattr(professional, field, "")
        professional.alumni_year = None
        professional.years_in_field = None
        professional.is_alumni = False
        professional.organisation = None
        professional.referred_by = None
        professional.referred_by_student = None
        professional.status = Professional.Status.DO_NOT_CONTACT
        professional.erased_at = timezone.now()
        professional.link_version += 1
        professional.save()
        # A merge record names the entry that was folded into this one: the same person.
        professional.merges.update(merged_name="(erased)", merged_email="")
        professional.audit.update(professional_name=professional.full_name)
        # Students' notes, plan titles, referral rows, drafts: wherever the name or the
        # address was written, it goes (a student's own profile included). User accounts and
        # other binder entries are other people, who may share the name; this entry itself was
        # blanked above.
        scrub_everywhere(
            [*emails, *names],
            replacement="(erased)",
            skip={"accounts.user", "contacts.professional"},
        )
        audit(actor=None, action=AuditEntry.Action.ERASED, professional=professional)
        signals.professional_status_changed.send(
            sender=Professional,
            professional=professional,
            old_status=old,
            new_status=professional.status,
        )
        signals.professional_erased.send(
            sender=Professional, professional=professional, names=names
        )


def _forget_uploads(needles: list[str]) -> None:
    """Spreadsheets kept from imports hold the person's row: what was read from them goes."""
    wanted = [n.strip().lower() for n in needles if n and len(n.strip()) >= 3]
    for pk, table in BinderImport.objects.exclude(table={}).values_list("pk", "table").iterator():
        text = json.dumps(table, ensure_ascii=False).lower()
        if any(needle in text for needle in wanted):
            BinderImport.objects.filter(pk=pk).update(table={})
