"""A person's own data, as a zip of JSON and CSV files: the shape shared by every app's
exporter (``PERSONAL_DATA_EXPORTERS`` in settings), so core names no app."""

import csv
import io
import json
import zipfile
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.module_loading import import_string

from .spreadsheets import neutralise

Sections = dict[str, list[dict]]


def rows(queryset, *fields) -> list[dict]:
    return [dict(row) for row in queryset.values(*fields)]


def collect(exporters: Iterable[str], user) -> Sections:
    sections: Sections = {}
    for path in exporters:
        sections.update(import_string(path)(user))
    return sections


def zip_of(sections: Sections, *, product_name: str) -> bytes:
    """One JSON and one CSV file per section, and a note saying what they are. CSV cells are
    neutralised so a spreadsheet never runs one as a formula."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            f"Your data from {product_name}, exported {timezone.now():%Y-%m-%d %H:%M} UTC.\n"
            "Each part comes twice: as JSON (exact) and as CSV (for a spreadsheet).\n"
            f"Parts: {', '.join(sorted(sections))}.\n",
        )
        for name, section in sorted(sections.items()):
            archive.writestr(f"{name}.json", json.dumps(section, cls=DjangoJSONEncoder, indent=2))
            text = io.StringIO()
            columns = sorted({key for row in section for key in row})
            writer = csv.writer(text)
            writer.writerow(columns)
            for row in section:
                writer.writerow(neutralise(_plain(row.get(column))) for column in columns)
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
