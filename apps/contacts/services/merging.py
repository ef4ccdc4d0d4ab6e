"""Finding duplicate entries and merging two into one, losing nothing."""

from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.core.suppression import is_suppressed

from .. import signals
from ..models import (
    AuditEntry,
    MergeRecord,
    MonthlyLoad,
    Professional,
    normalise_name,
)
from .audit import audit
from .status import status_changed

# --- Duplicates and merging ------------------------------------------------------------------


def duplicates_find() -> list[list[Professional]]:
    """Groups of entries that are probably one person: the same address, or the same
    normalised name at the same organisation."""
    rows = Professional.objects.filter(erased_at__isnull=True).values_list(
        "pk", "full_name", "organisation_id", "email"
    )
    groups: dict[tuple[str | int | None, ...], set[int]] = {}
    for pk, name, organisation_id, email in rows:
        groups.setdefault(("name", normalise_name(name), organisation_id), set()).add(pk)
        if email:
            groups.setdefault(("email", email.lower()), set()).add(pk)
    clusters: list[set[int]] = []
    for ids in groups.values():
        if len(ids) < 2:
            continue
        for cluster in clusters:
            if cluster & ids:
                cluster |= ids
                break
        else:
            clusters.append(set(ids))
    people = Professional.objects.select_related("organisation", "industry").in_bulk(
        {pk for cluster in clusters for pk in cluster}
    )
    return [
        sorted((people[pk] for pk in cluster), key=lambda p: (p.created_at, p.pk))
        for cluster in clusters
    ]


FILLABLE = [
    "job_title",
    "organisation",
    "industry",
    "occupation",
    "location",
    "years_in_field",
    "alumni_programme",
    "alumni_year",
    "talk_about",
    "availability_notes",
    "email",
    "phone",
    "linkedin_url",
    "referred_by",
    "referred_by_student",
]


PAIRED = {"referred_by", "referred_by_student"}

# Of two entries for one person, the more protective status wins: "never" over "left" over
# "paused" over "active" over "pending".
STATUS_PRECEDENCE = ["do_not_contact", "retired", "paused", "active", "pending"]


class Moved(TypedDict):
    """What a merge brought over, kept on its MergeRecord."""

    filled: list[str]
    referrals: int
    other: list[str]


def _merged_status(keep: Professional, merge: Professional, merged_email: str) -> str:
    if any(is_suppressed(address) for address in {keep.email, merged_email} if address):
        return Professional.Status.DO_NOT_CONTACT
    return min(keep.status, merge.status, key=STATUS_PRECEDENCE.index)


def _take_consent(keep: Professional, merge: Professional) -> None:
    for field in ("consent_at", "consent_method", "consent_terms", "consent_recorded_by"):
        setattr(keep, field, getattr(merge, field))


def professionals_merge(*, first: Professional, second: Professional, by: User) -> Professional:
    """Keep the older entry, fill its blanks from the other, move what points at the other,
    and record what was merged."""
    if first.pk == second.pk:
        raise ValidationError("Choose two different entries to merge.")
    if first.erased_at or second.erased_at:
        raise ValidationError(
            "An erased entry holds nothing to merge, and nothing may be joined to it."
        )
    keep, merge = sorted([first, second], key=lambda p: (p.created_at, p.pk))
    with transaction.atomic():
        moved: Moved = {"filled": [], "referrals": 0, "other": []}
        merged_email = merge.email
        for field in FILLABLE:
            if not getattr(keep, field) and getattr(merge, field):
                if field in PAIRED:
                    continue
                if field == "email":
                    merge.email = ""  # the address moves; the constraint allows one holder
                    merge.save(update_fields=["email"])
                setattr(keep, field, getattr(merge, field) if field != "email" else merged_email)
                moved["filled"].append(field)
        # Who introduced them moves as a pair with the student who recorded it, or not at all:
        # half of one and half of the other would be a false introduction.
        if not keep.referred_by_id and merge.referred_by_id and merge.referred_by_id != keep.pk:
            keep.referred_by_id = merge.referred_by_id
            keep.referred_by_student_id = merge.referred_by_student_id
            moved["filled"].append("referred_by")
        keep.tags = ", ".join(dict.fromkeys(keep.tag_list + merge.tag_list))[:300]
        old_status = keep.status
        moved["referrals"] = merge.referrals.exclude(pk=keep.pk).update(referred_by=keep)
        status = _merged_status(keep, merge, merged_email)
        if status != keep.status:
            if status == Professional.Status.ACTIVE and not keep.has_consent():
                _take_consent(keep, merge)
            keep.status = status
            moved["filled"].append("status")
        elif merge.consent_at and (not keep.consent_at or merge.consent_at > keep.consent_at):
            _take_consent(keep, merge)
        keep.save()
        for load in merge.loads.all():
            kept_load, _ = MonthlyLoad.objects.get_or_create(professional=keep, month=load.month)
            kept_load.requests += load.requests
            kept_load.save(update_fields=["requests"])
        # The rows move first, so the apps above apply the kept entry's status to all of them
        # (a merge into someone who left or said "never" closes what it brings along).
        for _receiver, label in signals.professionals_merged.send(
            sender=Professional, kept=keep, merged=merge
        ):
            if label:
                moved["other"].append(str(label))
        if keep.status != old_status:
            status_changed(professional=keep, old_status=old_status)
        MergeRecord.objects.filter(kept=merge).update(kept=keep)
        AuditEntry.objects.filter(professional=merge).update(professional=keep)
        MergeRecord.objects.create(
            kept=keep,
            merged_name=merge.full_name,
            merged_email=merged_email,
            moved=moved,
            merged_by=by,
        )
        merged_pk = merge.pk
        # Interviews, contacts and reminders point at the entry with PROTECT: if a receiver
        # above forgot a row, this delete fails and the whole merge rolls back.
        merge.delete()
        audit(
            actor=by,
            action=AuditEntry.Action.MERGED,
            professional=keep,
            detail=f"Entry {merged_pk} merged into this one",
        )
    return keep
