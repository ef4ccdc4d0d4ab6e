"""The binder's spreadsheet columns, and reading an upload with them.

The reading and writing itself is shared (``apps.core.spreadsheets``); this module says which
columns a binder spreadsheet has and what people call them.
"""

from django.core.files import File

from apps.core.spreadsheets import (  # noqa: F401 - re-exported for the binder's callers
    MAX_BYTES,
    MAX_ROWS,
    Schema,
    SpreadsheetError,
    Table,
    csv_stream,
    neutralise,
    neutralise_undo,
    normalise_header,
    xlsx_bytes,
)
from apps.core.spreadsheets import read_rows as _read_rows
from apps.core.spreadsheets import read_upload as _read_upload

FIELDS: dict[str, str] = {
    "full_name": "Name",
    "email": "E-mail",
    "job_title": "Job title",
    "organisation": "Organisation",
    "industry": "Industry",
    "occupation": "Occupation",
    "location": "Location",
    "time_zone": "Time zone",
    "years_in_field": "Years in field",
    "is_alumni": "Alumni",
    "alumni_programme": "Alumni programme",
    "alumni_year": "Alumni year",
    "talk_about": "Talk about",
    "offers": "Offers",
    "formats": "Formats",
    "monthly_capacity": "Monthly capacity",
    "availability_notes": "Availability notes",
    "phone": "Phone",
    "linkedin_url": "LinkedIn URL",
    "tags": "Tags",
    "status": "Status",
    "consent_date": "Consent date",
    "consent_method": "Consent method",
}

# Header texts staff actually use, first one being the usual alternative to the label.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "full name", "contact", "contact name"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail"),
    "job_title": ("job title", "title", "position", "role"),
    "organisation": ("organisation", "organization", "company", "employer", "org"),
    "industry": ("industry", "sector", "field"),
    "occupation": ("occupation", "occupation group", "job family"),
    "location": ("location", "city", "place"),
    "time_zone": ("time zone", "timezone", "tz"),
    "years_in_field": ("years in field", "years", "years of experience", "experience"),
    "is_alumni": ("alumni", "alumnus", "is alumni"),
    "alumni_programme": ("alumni programme", "programme", "program", "course"),
    "alumni_year": ("alumni year", "graduation year", "class of"),
    "talk_about": ("talk about", "what i can talk about", "topics"),
    "offers": ("offers", "willing to", "will do"),
    "formats": ("formats", "format", "channels", "preferred channels"),
    "monthly_capacity": ("monthly capacity", "capacity", "students per month"),
    "availability_notes": ("availability", "availability notes"),
    "phone": ("phone", "telephone", "phone number", "mobile"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin profile"),
    "tags": ("tags", "keywords"),
    "status": ("status",),
    "consent_date": ("consent date", "consent", "consented on"),
    "consent_method": ("consent method", "consent given by", "consented by", "consent how"),
}

REQUIRED = ("full_name",)

# What a missing required column should contain, in words staff use.
CONTENTS = {"full_name": "the professionals' names"}

BINDER = Schema(
    fields=FIELDS,
    header_names=HEADER_NAMES,
    required=REQUIRED,
    contents=CONTENTS,
    noun="professionals",
    # LinkedIn's Connections export has no Name column.
    joined={"full_name": ("first name", "last name")},
)
ALIASES = BINDER.aliases


def read_rows(filename: str, content: bytes) -> Table:
    """Read a binder spreadsheet (CSV or XLSX) into the binder's fields."""
    return _read_rows(filename, content, BINDER)


def read_upload(upload: File) -> Table:
    """Read an uploaded (or opened) binder spreadsheet, its size checked before reading."""
    return _read_upload(upload, BINDER)
