"""Importing the binder from a spreadsheet: a dry-run plan, then an all-or-nothing commit.

Each row is matched to an existing entry by e-mail address, then by normalised name and
organisation. A row becomes *create*, *update* (with the fields that change), *skip* (nothing
would change) or *error* (with the column and a reason). Commit plans again inside its
transaction, so a change made since the preview cannot slip through, and writes only when no
row has an error. Only the columns the file has are compared and written.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.importing import ImportPlan
from apps.core.importing import RowPlan as BaseRowPlan
from apps.core.suppression import suppressed_among

from .import_rows import CONSENT_WORDS, FORMAT_WORDS, OFFER_WORDS, ImportRow, Lookups
from .models import (
    AuditEntry,
    BinderImport,
    Organisation,
    Professional,
    normalise_name,
)
from .services import audit, invitation_send, status_changed
from .spreadsheets import FIELDS, Table, neutralise_undo

LISTED_STATUSES = {Professional.Status.ACTIVE, Professional.Status.PAUSED}


def _consent_given(values: dict) -> bool:
    return bool(values.get("consent_at")) and values.get("consent_method") in CONSENT_WORDS.values()


@dataclass
class RowPlan(BaseRowPlan):
    """A binder row: the entry it matches, and what the import means for its consent."""

    target: Professional | None = field(default=None, repr=False)
    organisation_name: str = field(default="", repr=False)
    old_status: str = field(default="", repr=False)
    # What students will see of this row after the import, in words for the preview.
    visibility: str = ""
    invite: bool = field(default=False, repr=False)
    blank: set = field(default_factory=set, repr=False)  # fields whose cell was empty


def _comparable(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return value.pk if hasattr(value, "pk") else value


def import_plan(
    table: Table, *, progress: Callable[[int, int], None] | None = None
) -> ImportPlan[RowPlan]:
    lookups = Lookups()
    lookups.suppressed = suppressed_among(
        neutralise_undo(raw.get("email", "")).strip().lower() for _number, raw in table.rows
    )
    form = ImportRow.for_columns(table.columns)
    plans: list[RowPlan] = []
    seen_emails: dict[str, int] = {}
    seen_names: dict[tuple, int] = {}
    total = len(table.rows)
    for index, (number, raw) in enumerate(table.rows, start=1):
        row = form(raw, lookups)
        errors = row.row_errors()  # validates the row
        values = row.values()
        organisation = row.cleaned_data.get("organisation", "")
        plan = RowPlan(
            number=number, name=values.get("full_name", raw.get("full_name", "")), errors=errors
        )
        plan.organisation_name = organisation
        email = values.get("email", "")
        name_key = (normalise_name(plan.name), organisation.lower())
        if email and email in seen_emails:
            plan.errors.append(
                (FIELDS["email"], f"The same address is on row {seen_emails[email]}.")
            )
        elif not email and name_key in seen_names and plan.name:
            plan.errors.append(
                (FIELDS["full_name"], f"The same person is on row {seen_names[name_key]}.")
            )
        if email:
            seen_emails.setdefault(email, number)
        seen_names.setdefault(name_key, number)
        target = lookups.by_email.get(email) if email else None
        if target is None:
            target = lookups.by_name.get(name_key)
            if target is not None and email and target.email and target.email != email:
                if target.status != Professional.Status.DO_NOT_CONTACT:
                    target = None  # same name, different address: a different person
        plan.values = values
        plan.blank = _blank_fields(raw)
        plan.target = target
        plan.old_status = target.status if target else ""
        if plan.errors:
            plan.action = "error"
        elif email and email in lookups.suppressed:
            plan.action = "skip"
            plan.note = (
                "This address asked never to be contacted again, or asked for its data to be erased: "
                "not imported."
            )
        elif target is None:
            plan.action = "create"
        elif target.status == Professional.Status.DO_NOT_CONTACT:
            plan.action = "skip"
            plan.note = "Asked never to be contacted: left as it is."
        else:
            plan.changes = _changes(target, values, organisation, plan.blank)
            plan.action = "update" if plan.changes else "skip"
        _plan_consent(plan, values)
        plans.append(plan)
        if progress and (index % 500 == 0 or index == total):
            progress(index, total)
    return ImportPlan(rows=plans, ignored_columns=table.ignored)


def _plan_consent(plan: RowPlan, values: dict) -> None:
    """An import never invents consent. A new row is listed only on the consent date and
    method it gives; otherwise it arrives pending and, with an address, is invited once. An
    update cannot make an entry active that has no consent record."""
    if plan.action == "create":
        wanted = values.get("status", Professional.Status.ACTIVE)
        if wanted in LISTED_STATUSES and not _consent_given(values):
            values["status"] = Professional.Status.PENDING
        if values.get("status", wanted) == Professional.Status.PENDING:
            plan.invite = bool(values.get("email"))
    elif plan.action == "update" and "status" in plan.changes:
        target = plan.target
        assert target is not None  # an update is a row matched to an entry
        has_consent = _consent_given(values) or target.has_consent()
        note = ""
        if target.status == Professional.Status.RETIRED and values["status"] in LISTED_STATUSES:
            note = "Status left as it is: they left the binder, and only they can come back."
        elif values["status"] in LISTED_STATUSES and not has_consent:
            note = "Status left as it is: no consent is recorded for this person."
        if note:
            plan.changes.remove("status")
            plan.note = note
            if not plan.changes:
                plan.action = "skip"
    plan.visibility = _visibility(plan, values)


def _visibility(plan: RowPlan, values: dict) -> str:
    if plan.action not in ("create", "update"):
        return ""
    target = plan.target
    if plan.action == "create":
        status = values.get("status", Professional.Status.ACTIVE)
    elif "status" in plan.changes:
        status = values["status"]
    else:
        assert target is not None  # an update is a row matched to an entry
        status = target.status
    if status == Professional.Status.ACTIVE:
        given_at = values.get("consent_at") or (target.consent_at if target else None)
        method = values.get("consent_method") or (target.consent_method if target else "")
        label = Professional.ConsentMethod(method).label.lower() if method else "unknown"
        return f"Visible to students: consent by {label} on {given_at:%-d %B %Y}."
    if plan.action == "create" and plan.invite:
        return "Pending: e-mailed once to confirm, update or decline; listed only if they agree."
    if plan.action == "create" and status == Professional.Status.PENDING:
        return "Pending: no address to ask; record their consent to list them."
    return "Not visible to students."


BLANK_MEANS = {
    "offers": list(dict.fromkeys(OFFER_WORDS.values())),
    "formats": list(dict.fromkeys(FORMAT_WORDS.values())),
    "consent_date": ["consent_at"],
    "consent_method": ["consent_method"],
}


def _blank_fields(raw: dict[str, str]) -> set[str]:
    """Model fields whose cell is empty: on an update an empty cell changes nothing."""
    blank = set()
    for column, text in raw.items():
        if not neutralise_undo(text.strip()):
            blank.update(BLANK_MEANS.get(column, [column]))
    return blank


def _changes(target: Professional, values: dict, organisation: str, blank: set) -> list[str]:
    changed = []
    for name, value in values.items():
        current = getattr(target, name)
        if name in blank:
            continue  # an empty cell never wipes what the binder knows
        if name == "status" and value == Professional.Status.DO_NOT_CONTACT and current != value:
            changed.append(name)
            continue
        if _comparable(current) != _comparable(value):
            changed.append(name)
    current_org = target.organisation.name.lower() if target.organisation else ""
    if organisation and organisation.lower() != current_org:
        changed.append("organisation")
    return changed


def import_commit(table: Table, *, by=None) -> ImportPlan[RowPlan]:
    """Apply the plan in one transaction; raise ValidationError (writing nothing) on any error."""
    with transaction.atomic():
        plan = import_plan(table)
        if plan.has_errors:
            raise ValidationError(
                f"{plan.count('error')} row(s) have errors; nothing was imported. "
                "Fix them in the file and upload it again."
            )
        organisations = {o.name.lower(): o for o in Organisation.objects.all()}

        def organisation_for(name: str, industry):
            if not name:
                return None
            if name.lower() not in organisations:
                organisations[name.lower()] = Organisation.objects.create(
                    name=name, industry=industry
                )
            return organisations[name.lower()]

        now = timezone.now()
        new, changed, fields = [], [], set()
        for row in plan.rows:
            if row.action == "create":
                values = {"status": Professional.Status.ACTIVE, **row.values}
                if _consent_given(values):
                    values["consent_terms"] = (
                        "Recorded by the career centre from a spreadsheet that gave the date "
                        "and the way consent was given."
                    )
                    values["consent_recorded_by"] = by
                else:
                    values.pop("consent_at", None)
                    values.pop("consent_method", None)
                professional = Professional(source=Professional.Source.IMPORT, **values)
                professional.organisation = organisation_for(
                    row.organisation_name, row.values.get("industry")
                )
                professional.email = professional.email.lower()
                professional.search_text = professional.build_search_text()
                professional.created_at = professional.updated_at = now
                new.append(professional)
            elif row.action == "update":
                assert row.target is not None  # an update is a row matched to an entry
                professional = row.target
                for name in row.changes:
                    if name == "organisation":
                        professional.organisation = organisation_for(
                            row.organisation_name, row.values.get("industry", professional.industry)
                        )
                    else:
                        setattr(professional, name, row.values[name])
                professional.search_text = professional.build_search_text()
                professional.updated_at = now
                fields.update(row.changes)
                changed.append(professional)
        Professional.objects.bulk_create(new, batch_size=500)
        if changed:
            Professional.objects.bulk_update(
                changed, [*sorted(fields), "search_text", "updated_at"], batch_size=500
            )
        for row in plan.rows:
            if row.action == "update" and "status" in row.changes:
                assert row.target is not None  # an update is a row matched to an entry
                # The apps above must hear of it as they would from a person's click.
                status_changed(professional=row.target, old_status=row.old_status)
        for professional, row in zip(
            new, (r for r in plan.rows if r.action == "create"), strict=True
        ):
            if professional.status == Professional.Status.DO_NOT_CONTACT:
                status_changed(professional=professional, old_status="")  # suppressed at once
            elif row.invite:
                invitation_send(professional=professional)
    return plan


def import_batch_commit(*, batch: BinderImport, by) -> dict[str, int]:
    """Import an uploaded file once: its rows go into the binder, its content (personal data)
    is dropped, and the audit trail says so, all in one transaction. Raises ValidationError,
    writing nothing, if the file was imported already or any row has an error."""
    with transaction.atomic():
        batch = BinderImport.objects.select_for_update().get(pk=batch.pk)
        if batch.committed_at:
            raise ValidationError("This file was already imported.")
        if not batch.table:
            raise ValidationError("That upload is no longer kept; upload the file again.")
        # Read once on upload; every row is checked again here, inside the transaction.
        plan = import_commit(Table.from_json(batch.table), by=by)
        batch.committed_at = timezone.now()
        batch.summary = plan.counts
        batch.table = {}
        batch.save(update_fields=["committed_at", "summary", "table"])
        counts = plan.counts
        audit(
            actor=by,
            action=AuditEntry.Action.IMPORTED,
            detail=f"{batch.filename}: {counts['create']} added, {counts['update']} updated",
        )
    return counts
