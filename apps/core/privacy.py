"""A person's own data, as a zip of JSON and CSV files: the shape shared by every app's
part of it (each app answers ``apps.accounts.signals.personal_data_wanted``)."""

import io
import json
import re
import zipfile
from collections.abc import Iterable, Set

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from .spreadsheets import csv_lines

Sections = dict[str, list[dict]]


def rows(queryset, *fields) -> list[dict]:
    return [dict(row) for row in queryset.values(*fields)]


def collect(parts: Iterable[Sections]) -> Sections:
    sections: Sections = {}
    for part in parts:
        sections.update(part)
    return sections


def zip_of(sections: Sections, *, product_name: str) -> bytes:
    """One JSON and one CSV file per section, and a note saying what they are. The CSV files
    come from the exports' one writer, so a spreadsheet never runs a cell as a formula."""
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
            columns = sorted({key for row in section for key in row})
            lines = csv_lines(
                columns, ([_plain(row.get(column)) for column in columns] for row in section)
            )
            archive.writestr(f"{name}.csv", "".join(lines))
    return buffer.getvalue()


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _pattern(needles: Iterable[str]):
    needles = [n.strip() for n in needles if n and len(n.strip()) >= 3]
    if not needles:
        return None, []
    alternatives = "|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), needles


def scrub_rows(queryset, fields: Iterable[str], needles: Iterable[str], *, replacement: str) -> int:
    """Replace each of ``needles`` (whole words, any case) in ``fields`` of the rows of
    ``queryset``. Returns how many rows changed."""
    from django.db import models

    pattern, needles = _pattern(needles)
    if pattern is None:
        return 0
    model = queryset.model
    changed = 0
    for name in fields:
        field = model._meta.get_field(name)
        query = models.Q()
        for needle in needles:
            query |= models.Q(**{f"{field.attname}__icontains": needle})
        for pk, text in queryset.filter(query).values_list("pk", field.attname):
            new = pattern.sub(replacement, text)
            if field.max_length:
                new = new[: field.max_length]
            if new != text:
                model._base_manager.filter(pk=pk).update(**{field.attname: new})
                changed += 1
    return changed


def scrub_everywhere(
    needles: Iterable[str], *, replacement: str, skip: Set[str] = frozenset()
) -> int:
    """Replace each of ``needles`` (a name, an address) wherever it was written, in every text
    column of every model outside ``skip`` (app labels, or ``app.model`` labels): the one walk
    an erasure makes, so a model added later is covered without anyone remembering it. Whole
    words only, any case. A query per text column: an erasure is rare, never on a page."""
    from django.apps import apps
    from django.db import models

    needles = list(needles)
    changed = 0
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in skip or meta.label_lower in skip or meta.proxy or not meta.managed:
            continue
        fields = [
            field.name
            for field in meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices
        ]
        changed += scrub_rows(model._base_manager.all(), fields, needles, replacement=replacement)
    return changed
