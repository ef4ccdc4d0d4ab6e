"""One spreadsheet row of a binder import, checked and typed by a Django form (``ImportRow``),
with the words a spreadsheet may use for yes and no, offers, formats, statuses and consent."""

import copy
import difflib
import re
import zoneinfo
from datetime import datetime, time
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone

from .models import Industry, Occupation, Organisation, Professional, normalise_name
from .spreadsheets import FIELDS, neutralise_undo

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


class Lookups:
    """Everything the plan compares against, loaded once (a few queries, however many rows)."""

    def __init__(self) -> None:
        self.industries = {i.name.lower(): i for i in Industry.objects.all()}
        self.occupations: dict[str, Occupation] = {}
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
        self.by_email: dict[str, Professional] = {}
        self.by_name: dict[tuple[str, str], Professional] = {}
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


class Cell(forms.CharField):
    """A spreadsheet cell: trimmed, with the export's formula guard undone."""

    def __init__(self, *, max_length: int | None = None, required: bool = False, **kwargs):
        messages = kwargs.pop("error_messages", {})
        if max_length:
            messages.setdefault("max_length", f"Longer than {max_length} characters.")
        super().__init__(
            max_length=max_length, required=required, error_messages=messages, **kwargs
        )

    def to_python(self, value):
        return neutralise_undo(super().to_python(value))

    def __deepcopy__(self, memo):
        # Each row's form copies its fields; a cell keeps nothing of a row (no widget is ever
        # rendered, no message or validator changed), so a shallow copy serves 10,000 rows.
        return copy.copy(self)


class ImportRow(forms.Form):
    """One spreadsheet row, checked and typed. Only the columns the file has are fields, so a
    column left out is never read as empty. ``values()`` gives the typed fields to compare and
    write; each error names the column and says what to fix."""

    full_name = Cell(
        max_length=150, required=True, error_messages={"required": "A name is required."}
    )
    job_title = Cell(max_length=150)
    location = Cell(max_length=120)
    talk_about = Cell(max_length=5000)
    availability_notes = Cell(max_length=2000)
    phone = Cell(max_length=40)
    tags = Cell(max_length=300)
    alumni_programme = Cell(max_length=200)
    email = Cell()
    industry = Cell()
    occupation = Cell()
    time_zone = Cell()
    linkedin_url = Cell()
    is_alumni = Cell()
    status = Cell()
    consent_date = Cell()
    consent_method = Cell()
    years_in_field = Cell()
    alumni_year = Cell()
    monthly_capacity = Cell()
    offers = Cell()
    formats = Cell()
    organisation = Cell(max_length=200)

    @classmethod
    def for_columns(cls, columns) -> type["ImportRow"]:
        """The form for a file with these columns: each row's form copies only their fields."""
        form = cast(type[ImportRow], type(cls.__name__, (cls,), {}))
        form.base_fields = {name: f for name, f in cls.base_fields.items() if name in columns}
        return form

    def __init__(self, raw: dict[str, str], lookups: Lookups):
        super().__init__(data=raw)
        self.lookups = lookups
        for name in [name for name in self.fields if name not in raw]:
            del self.fields[name]

    def clean_email(self):
        text = self.cleaned_data["email"].lower()
        if text:
            EmailValidator(message=f"“{text}” is not an e-mail address.")(text)
        return text

    def clean_industry(self):
        text = self.cleaned_data["industry"]
        if text and text.lower() not in self.lookups.industries:
            raise ValidationError(
                f"“{text}” is not in the industry list."
                f"{_suggest(text, self.lookups.industries)} "
                "Add it on the taxonomy page, or fix the spelling."
            )
        return self.lookups.industries[text.lower()] if text else None

    def clean_occupation(self):
        text = self.cleaned_data["occupation"]
        found = self.lookups.occupations.get(text.lower()) if text else None
        if text and found is None:
            raise ValidationError(
                f"“{text}” is not in the occupation list.{_suggest(text, self.lookups.occupations)}"
            )
        return found

    def clean_time_zone(self):
        text = self.cleaned_data["time_zone"]
        if text and text not in self.lookups.zones:
            raise ValidationError(f"“{text}” is not a time zone; use a name like Europe/London.")
        return text or Professional._meta.get_field("time_zone").default

    def clean_linkedin_url(self):
        text = self.cleaned_data["linkedin_url"]
        if text:
            URLValidator(message=f"“{text}” is not a web address.")(text)
        return text

    def clean_is_alumni(self):
        text = self.cleaned_data["is_alumni"]
        if text.lower() not in TRUE_WORDS | FALSE_WORDS:
            raise ValidationError(f"Write yes or no, not “{text}”.")
        return text.lower() in TRUE_WORDS

    def clean_status(self):
        text = self.cleaned_data["status"]
        key = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
        if text and key not in STATUS_WORDS:
            raise ValidationError(
                f"“{text}” is not a status; use active, paused, pending, retired or do not contact."
            )
        return STATUS_WORDS[key] if text else ""

    def clean_consent_date(self):
        text = self.cleaned_data["consent_date"]
        if not text:
            return None
        day = _parse_date(text)
        if day > timezone.localdate():
            raise ValidationError("A consent date cannot be in the future.")
        return timezone.make_aware(datetime.combine(day, time(12)))

    def clean_consent_method(self):
        text = self.cleaned_data["consent_method"]
        key = " ".join(text.lower().replace("-", " ").split())
        if text and key not in CONSENT_WORDS:
            raise ValidationError(
                f"“{text}” is not a way consent is given; use phone, e-mail, in person, form "
                "or link."
            )
        return CONSENT_WORDS[key] if text else ""

    def clean_years_in_field(self):
        text = self.cleaned_data["years_in_field"]
        return _integer(text, 0, 70) if text else None

    def clean_alumni_year(self):
        text = self.cleaned_data["alumni_year"]
        return _integer(text, 1940, 2100) if text else None

    def clean_monthly_capacity(self):
        text = self.cleaned_data["monthly_capacity"]
        return _integer(text, 0, 20) if text else 2

    def clean_offers(self):
        return _flags(self.cleaned_data["offers"], OFFER_WORDS, set(OFFER_WORDS.values()), "offers")

    def clean_formats(self):
        words = FORMAT_WORDS
        return _flags(self.cleaned_data["formats"], words, set(words.values()), "formats")

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def values(self) -> dict:
        """The typed values of the columns that were read without error."""
        values = {}
        for name, value in self.cleaned_data.items():
            if name in ("offers", "formats"):
                values.update(value)
            elif name == "consent_date":
                if value:
                    values["consent_at"] = value
            elif name in ("status", "consent_method"):
                if value:
                    values[name] = value
            elif name != "organisation":
                values[name] = value
        return values

    def row_errors(self) -> list[tuple[str, str]]:
        return [(FIELDS[name], str(errors[0])) for name, errors in self.errors.items()]
