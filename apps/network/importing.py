"""Importing a student's people from LinkedIn's Connections export or a plain CSV: a preview,
then an all-or-nothing commit.

A row matches one of the student's people by LinkedIn URL, else by e-mail address (in any
case), else by name and organisation. A matched row fills only the fields that are empty on
that person, so an import never overwrites what the student wrote; with nothing to fill it is
*unchanged*, and importing a file again changes nothing. The commit plans again inside its
transaction and writes only when no row has an error.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.contacts.models import normalise_name
from apps.core.importing import ImportPlan
from apps.core.importing import RowPlan as BaseRowPlan
from apps.core.spreadsheets import Schema, Table, neutralise_undo

from .models import PeopleImport, Person

FIELDS = {
    "full_name": "Name",
    "role": "Role",
    "organisation": "Organisation",
    "how_known": "How I know them",
    "referred_by": "Referred by",
    "email": "E-mail",
    "phone": "Phone",
    "linkedin_url": "LinkedIn URL",
    "notes": "Notes",
    "connected_on": "Connected on",
}

PEOPLE = Schema(
    fields=FIELDS,
    header_names={
        "full_name": ("name", "full name", "contact"),
        "role": ("position", "job title", "title"),
        "organisation": ("company", "organization", "employer"),
        "how_known": ("how known", "relationship"),
        "referred_by": ("referrer", "introduced by"),
        "email": ("email address", "email", "e-mail address", "mail"),
        "phone": ("telephone", "mobile", "phone number"),
        # LinkedIn heads the profile's address plainly "URL".
        "linkedin_url": ("url", "linkedin", "profile url"),
        "notes": ("note", "comments"),
        "connected_on": ("connected", "date connected"),
    },
    required=("full_name",),
    contents={"full_name": "the people's names"},
    noun="people",
    joined={"full_name": ("first name", "last name")},
)

# LinkedIn writes "14 Mar 2024"; a spreadsheet may give ISO dates or day/month/year.
DATE_FORMATS = ["%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%Y"]


def _how_known(text: str) -> str:
    wanted = " ".join(text.casefold().split())
    for value, label in Person.HowKnown.choices:
        if wanted in (value, label.casefold()):
            return value
    words = ", ".join(label.lower() for _value, label in Person.HowKnown.choices)
    raise ValidationError(f"“{text}” is not one of: {words}.")


class PersonRow(forms.Form):
    """One row's cells, checked and typed like the person's own form."""

    full_name = forms.CharField(max_length=200)
    role = forms.CharField(max_length=200, required=False)
    organisation = forms.CharField(max_length=200, required=False)
    how_known = forms.CharField(required=False)
    referred_by = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    linkedin_url = forms.URLField(max_length=300, required=False, assume_scheme="https")
    notes = forms.CharField(required=False)
    connected_on = forms.DateField(required=False, input_formats=DATE_FORMATS)

    def clean_how_known(self):
        text = self.cleaned_data["how_known"]
        return _how_known(text) if text else ""

    def clean_email(self):
        return self.cleaned_data["email"].lower()


@dataclass
class RowPlan(BaseRowPlan):
    """A row of the student's file: the person it matches, if any."""

    target: Person | None = field(default=None, repr=False)


@dataclass
class PeoplePlan(ImportPlan[RowPlan]):
    source: str  # Person.Source of every person the file adds


def _source(table: Table) -> str:
    # Only LinkedIn's export has a "Connected On" column.
    return Person.Source.LINKEDIN if "connected_on" in table.columns else Person.Source.CSV


class _Known:
    """The student's people (and the rows before this one) by each key a row matches on."""

    def __init__(self, people) -> None:
        self.by_url: dict[str, Person | int] = {}
        self.by_email: dict[str, Person | int] = {}
        self.by_name: dict[tuple[str, str], Person | int] = {}
        for person in people:
            self.add(person, person.linkedin_url, person.email.lower(), person.name_key)

    def add(self, who, url, email, name_key):
        if url:
            self.by_url.setdefault(url, who)
        if email:
            self.by_email.setdefault(email, who)
        self.by_name.setdefault(name_key, who)

    def find(self, url, email, name_key):
        if url and url in self.by_url:
            return self.by_url[url], "LinkedIn URL"
        if email and email in self.by_email:
            return self.by_email[email], "E-mail"
        if name_key in self.by_name:
            return self.by_name[name_key], "Name"
        return None, ""


def people_import_plan(*, student, table: Table) -> PeoplePlan:
    source = _source(table)
    known = _Known(Person.objects.of(student))
    plans = []
    for number, raw in table.rows:
        cells = {name: neutralise_undo(raw.get(name, "")) for name in table.columns}
        row = PersonRow(cells)
        plan = RowPlan(number=number, name=cells.get("full_name", ""))
        if not row.is_valid():
            plan.action = "error"
            plan.errors = [
                (FIELDS[name], str(message))
                for name, messages in row.errors.items()
                for message in messages
            ]
            plans.append(plan)
            continue
        values = {name: row.cleaned_data[name] for name in table.columns}
        plan.name = values["full_name"]
        name_key = (
            normalise_name(values["full_name"]),
            normalise_name(values.get("organisation", "")),
        )
        url, email = values.get("linkedin_url", ""), values.get("email", "")
        match, key = known.find(url, email, name_key)
        if isinstance(match, int):
            plan.action = "error"
            plan.errors = [(FIELDS[_KEY_FIELDS[key]], f"The same person is on row {match}.")]
        elif match is None:
            if source == Person.Source.LINKEDIN:
                values.setdefault("how_known", "")
                values["how_known"] = values["how_known"] or Person.HowKnown.LINKEDIN
            plan.values = values
        else:
            plan.target = match
            plan.values = {
                name: value
                for name, value in values.items()
                if value and not getattr(match, name) and _free(known, name, value, match)
            }
            plan.changes = [FIELDS[name] for name in plan.values]
            plan.action = "update" if plan.values else "skip"
        known.add(number, url, email, name_key)
        plans.append(plan)
    return PeoplePlan(rows=plans, ignored_columns=table.ignored, source=source)


_KEY_FIELDS = {"LinkedIn URL": "linkedin_url", "E-mail": "email", "Name": "full_name"}


def _free(known: _Known, name: str, value, person: Person) -> bool:
    """Whether filling ``name`` on ``person`` keeps each address and profile to one person."""
    holder = {"email": known.by_email, "linkedin_url": known.by_url}.get(name, {}).get(value)
    return holder is None or holder == person


def people_import_commit(*, batch: PeopleImport) -> dict[str, int]:
    """Write the whole file or nothing; the counts of what was done."""
    with transaction.atomic():
        batch = PeopleImport.objects.select_for_update().get(pk=batch.pk)
        if batch.committed_at:
            raise ValidationError("This file was imported already.")
        plan = people_import_plan(student=batch.student, table=Table.from_json(batch.table))
        if plan.has_errors:
            raise ValidationError("Nothing was imported: fix the rows with errors first.")
        for row in plan.rows:
            if row.action == "create":
                Person.objects.create(student=batch.student, source=plan.source, **row.values)
            elif row.action == "update" and row.target is not None:
                for name, value in row.values.items():
                    setattr(row.target, name, value)
                row.target.save(update_fields=[*row.values, "updated_at"])
        batch.summary = plan.counts
        batch.table = {}  # the file's personal data goes once it is written
        batch.committed_at = timezone.now()
        batch.save(update_fields=["summary", "table", "committed_at"])
    return plan.counts
