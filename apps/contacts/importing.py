"""Importing the binder from a spreadsheet: a dry-run plan, then an all-or-nothing commit.

Each row is matched to an existing entry by e-mail address, then by normalised name and
organisation. A row becomes *create*, *update* (with the fields that change), *skip* (nothing
would change) or *error* (with the column and a reason). Commit plans again inside its
transaction, so a change made since the preview cannot slip through, and writes only when no
row has an error. Only the columns the file has are compared and written.
"""

import difflib
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone

from apps.core.suppression import suppressed_among

from .models import (
    AuditEntry,
    BinderImport,
    Industry,
    Occupation,
    Organisation,
    Professional,
    normalise_name,
)
from .services import audit, invitation_send, status_changed
from .spreadsheets import FIELDS, SpreadsheetError, Table, read_rows

FORMULA_PREFIXES = ("'=", "'+", "'-", "'@", "'\t", "'\r")
TRUE_WORDS = {"yes", "y", "true", "1", "x", "alumni", "alumnus", "alumna"}
FALSE_WORDS = {"no", "n", "false", "0", ""}
OFFER_WORDS = {
    "informational interviews": "offers_interviews",
    "informational interview": "offers_interviews",
    "interviews": "offers_interviews",
    "interview": "offers_interviews",
    "workplace visits": "offers_visits",
    "workplace visit": "offers_visits",
    "visits": "offers_visits",
    "cv feedback": "offers_cv_feedback",
    "cv": "offers_cv_feedback",
    "mentoring": "offers_mentoring",
    "mentor": "offers_mentoring",
}
FORMAT_WORDS = {
    "in person": "accepts_in_person",
    "in-person": "accepts_in_person",
    "phone": "accepts_phone",
    "telephone": "accepts_phone",
    "video": "accepts_video",
    "e-mail": "accepts_email",
    "email": "accepts_email",
    "e-mail questions": "accepts_email",
    "email questions": "accepts_email",
}
STATUS_WORDS = (
    {label.lower(): value for value, label in Professional.Status.choices}
    | {value: value for value in Professional.Status.values}
    | {
        "do not contact": Professional.Status.DO_NOT_CONTACT,
        "dnc": Professional.Status.DO_NOT_CONTACT,
    }
)


Method = Professional.ConsentMethod
# How a spreadsheet may say consent was given. "Spreadsheet import" is not a way of giving
# consent: a row that says only that arrives pending and is asked.
CONSENT_WORDS = {
    "phone": Method.PHONE,
    "phone call": Method.PHONE,
    "telephone": Method.PHONE,
    "email": Method.EMAIL,
    "e mail": Method.EMAIL,
    "in person": Method.IN_PERSON,
    "face to face": Method.IN_PERSON,
    "form": Method.FORM,
    "online form": Method.FORM,
    "volunteer form": Method.FORM,
    "link": Method.LINK,
    "confirmed by them through an e mailed link": Method.LINK,
}
LISTED_STATUSES = {Professional.Status.ACTIVE, Professional.Status.PAUSED}


def _consent_given(values: dict) -> bool:
    return bool(values.get("consent_at")) and values.get("consent_method") in CONSENT_WORDS.values()


@dataclass
class RowPlan:
    number: int
    name: str
    action: str = "create"  # create | update | skip | error
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column label, reason)
    changes: list[str] = field(default_factory=list)
    note: str = ""
    values: dict = field(default_factory=dict, repr=False)
    target: Professional | None = field(default=None, repr=False)
    organisation_name: str = field(default="", repr=False)
    old_status: str = field(default="", repr=False)
    # What students will see of this row after the import, in words for the preview.
    visibility: str = ""
    invite: bool = field(default=False, repr=False)
    blank: set = field(default_factory=set, repr=False)  # fields whose cell was empty


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    ignored_columns: list[str]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "skip", "error")}

    @property
    def has_errors(self) -> bool:
        return any(row.action == "error" for row in self.rows)

    def errors(self):
        for row in self.rows:
            for column, reason in row.errors:
                yield row.number, column, reason


def _clean(text: str) -> str:
    """Undo the export's formula guard, so an exported file imports back unchanged."""
    if text.startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


class _Lookups:
    """Everything the plan compares against, loaded once (a few queries, however many rows)."""

    def __init__(self):
        self.industries = {i.name.lower(): i for i in Industry.objects.all()}
        self.occupations = {}
        for occupation in Occupation.objects.all():
            self.occupations[occupation.name.lower()] = occupation
            if occupation.code:
                self.occupations[occupation.code.lower()] = occupation
                self.occupations[occupation.code.split("-")[0]] = occupation
        self.organisations = {o.name.lower(): o for o in Organisation.objects.all()}
        # A matched row is compared field by field, industry and occupation included.
        people = Professional.objects.filter(erased_at__isnull=True).select_related(
            "organisation", "industry", "occupation"
        )
        self.by_email = {}
        self.by_name = {}
        for professional in people:
            if professional.email:
                self.by_email[professional.email] = professional
            org = professional.organisation.name.lower() if professional.organisation else ""
            self.by_name.setdefault((normalise_name(professional.full_name), org), professional)
        self.zones = zoneinfo.available_timezones()
        self.suppressed: set[str] = set()


def _suggest(value: str, options) -> str:
    close = difflib.get_close_matches(value.lower(), list(options), n=1, cutoff=0.6)
    return f" Did you mean “{close[0]}”?" if close else ""


def _integer(raw: str, low: int, high: int):
    if not re.fullmatch(r"-?\d{1,6}(\.0+)?", raw):
        raise ValidationError(f"“{raw}” is not a whole number.")
    number = int(float(raw))
    if not low <= number <= high:
        raise ValidationError(f"{number} is outside {low}–{high}.")
    return number


def _flags(raw: str, words: dict[str, str], all_fields: set[str], what: str) -> dict[str, bool]:
    chosen = {}
    for part in raw.replace(";", ",").replace("/", ",").split(","):
        token = " ".join(part.lower().split())
        if not token:
            continue
        if token not in words:
            raise ValidationError(f"“{part.strip()}” is not one of the {what} we know.")
        chosen[words[token]] = True
    return {name: chosen.get(name, False) for name in all_fields}


def _parse_date(raw: str):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"“{raw}” is not a date we can read; use 2025-09-30.")


def _row_values(raw: dict[str, str], lookups: _Lookups) -> tuple[dict, list[tuple[str, str]], str]:
    """Typed values for the columns present, the errors found, and the organisation name."""
    values: dict = {}
    errors: list[tuple[str, str]] = []

    def parse(column: str, convert: Callable[[str], dict]):
        text = _clean(raw.get(column, "").strip())
        try:
            values.update(convert(text))
        except ValidationError as error:
            errors.append((FIELDS[column], error.messages[0]))

    def plain(name, limit):
        def convert(text):
            if len(text) > limit:
                raise ValidationError(f"Longer than {limit} characters.")
            return {name: text}

        return convert

    for column, limit in [
        ("full_name", 150),
        ("job_title", 150),
        ("location", 120),
        ("talk_about", 5000),
        ("availability_notes", 2000),
        ("phone", 40),
        ("tags", 300),
        ("alumni_programme", 200),
    ]:
        if column in raw:
            parse(column, plain(column, limit))
    if "full_name" in values and not values["full_name"]:
        errors.append((FIELDS["full_name"], "A name is required."))

    def email(text):
        text = text.lower()
        if text:
            EmailValidator(message=f"“{text}” is not an e-mail address.")(text)
        return {"email": text}

    def industry(text):
        if not text:
            return {"industry": None}
        if text.lower() not in lookups.industries:
            raise ValidationError(
                f"“{text}” is not in the industry list.{_suggest(text, lookups.industries)} "
                "Add it on the taxonomy page, or fix the spelling."
            )
        return {"industry": lookups.industries[text.lower()]}

    def occupation(text):
        if not text:
            return {"occupation": None}
        found = lookups.occupations.get(text.lower())
        if found is None:
            raise ValidationError(
                f"“{text}” is not in the occupation list.{_suggest(text, lookups.occupations)}"
            )
        return {"occupation": found}

    def zone(text):
        if text and text not in lookups.zones:
            raise ValidationError(f"“{text}” is not a time zone; use a name like Europe/London.")
        return {"time_zone": text or Professional._meta.get_field("time_zone").default}

    def linkedin(text):
        if text:
            URLValidator(message=f"“{text}” is not a web address.")(text)
        return {"linkedin_url": text}

    def alumni(text):
        word = text.lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ValidationError(f"Write yes or no, not “{text}”.")
        return {"is_alumni": word in TRUE_WORDS}

    def status(text):
        if not text:
            return {}
        key = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
        if key not in STATUS_WORDS:
            raise ValidationError(
                f"“{text}” is not a status; use active, paused, pending, retired or do not contact."
            )
        return {"status": STATUS_WORDS[key]}

    def consent(text):
        if not text:
            return {}
        day = _parse_date(text)
        if day > timezone.localdate():
            raise ValidationError("A consent date cannot be in the future.")
        return {"consent_at": timezone.make_aware(datetime.combine(day, time(12)))}

    def consent_method(text):
        if not text:
            return {}
        key = " ".join(text.lower().replace("-", " ").split())
        if key not in CONSENT_WORDS:
            raise ValidationError(
                f"“{text}” is not a way consent is given; use phone, e-mail, in person, form "
                "or link."
            )
        return {"consent_method": CONSENT_WORDS[key]}

    converters = {
        "email": email,
        "industry": industry,
        "occupation": occupation,
        "time_zone": zone,
        "linkedin_url": linkedin,
        "is_alumni": alumni,
        "status": status,
        "consent_date": consent,
        "consent_method": consent_method,
        "years_in_field": lambda t: {"years_in_field": _integer(t, 0, 70) if t else None},
        "alumni_year": lambda t: {"alumni_year": _integer(t, 1940, 2100) if t else None},
        "monthly_capacity": lambda t: {"monthly_capacity": _integer(t, 0, 20) if t else 2},
        "offers": lambda t: _flags(t, OFFER_WORDS, set(OFFER_WORDS.values()), "offers"),
        "formats": lambda t: _flags(t, FORMAT_WORDS, set(FORMAT_WORDS.values()), "formats"),
    }
    for column, convert in converters.items():
        if column in raw:
            parse(column, convert)
    organisation = " ".join(_clean(raw.get("organisation", "")).split())
    if len(organisation) > 200:
        errors.append((FIELDS["organisation"], "Longer than 200 characters."))
    return values, errors, organisation


def _comparable(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return value.pk if hasattr(value, "pk") else value


def import_plan(table: Table, *, progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    lookups = _Lookups()
    lookups.suppressed = suppressed_among(
        _clean(raw.get("email", "")).strip().lower() for _number, raw in table.rows
    )
    plans: list[RowPlan] = []
    seen_emails: dict[str, int] = {}
    seen_names: dict[tuple, int] = {}
    total = len(table.rows)
    for index, (number, raw) in enumerate(table.rows, start=1):
        values, errors, organisation = _row_values(raw, lookups)
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
        if not _clean(text.strip()):
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


def import_commit(table: Table, *, by=None) -> ImportPlan:
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
        try:
            table = read_rows(batch.filename, bytes(batch.content))
        except SpreadsheetError as error:
            raise ValidationError(str(error)) from None
        plan = import_commit(table, by=by)
        batch.committed_at = timezone.now()
        batch.summary = plan.counts
        batch.content = b""
        batch.save(update_fields=["committed_at", "summary", "content"])
        counts = plan.counts
        audit(
            actor=by,
            action=AuditEntry.Action.IMPORTED,
            detail=f"{batch.filename}: {counts['create']} added, {counts['update']} updated",
        )
    return counts
