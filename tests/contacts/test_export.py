import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from apps.contacts.models import BinderImport, Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db
DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturn",
]


def csv_text(response):
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_and_xlsx_exports_neutralise_formula_cells(staff_client):
    for n, value in enumerate(DANGEROUS):
        make_professional(full_name=f"Person {n}", job_title=value, email=f"p{n}@x.example")
    response = staff_client.get(reverse("contacts:staff_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    text = csv_text(response)
    assert text.startswith('\ufeff"Name",')
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    # csv reads a carriage return inside a quoted cell back as a newline; the bytes are checked below.
    titles = sorted(row[1].replace("\n", "\r") for row in rows[1:])
    assert titles == sorted(f"'{v}" for v in DANGEROUS)
    assert '"\'\rReturn"' in text
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row
    )

    response = staff_client.get(reverse("contacts:staff_export", args=["xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    titles = [row[1].value.replace("\n", "\r") for row in book.active.iter_rows(min_row=2)]
    assert sorted(titles) == sorted(f"'{v}" for v in DANGEROUS)


def test_export_follows_the_filters(staff_client):
    make_professional(full_name="Kept Person", status="paused")
    make_professional(full_name="Other Person", status="active")
    text = csv_text(
        staff_client.get(reverse("contacts:staff_export", args=["csv"]), {"status": "paused"})
    )
    assert "Kept Person" in text and "Other Person" not in text


def test_export_then_import_round_trip_changes_nothing(staff_client):
    make_professional(
        full_name="Round Trip",
        job_title="=cmd|' /C calc'!A0",
        industry="Technology",
        organisation="Loop Ltd",
        tags="a, b",
        is_alumni=True,
        alumni_year=2010,
        accepts_in_person=True,
        consent_at="2026-01-05T12:00:00Z",
    )
    before = list(Professional.objects.values())
    for fmt, name in [("csv", "export.csv"), ("xlsx", "export.xlsx")]:
        content = b"".join(
            staff_client.get(reverse("contacts:staff_export", args=[fmt])).streaming_content
        )
        file = io.BytesIO(content)
        file.name = name
        response = staff_client.post(reverse("contacts:import_upload"), {"file": file})
        batch = BinderImport.objects.first()
        page = staff_client.get(response["Location"]).content.decode()
        assert "1 unchanged" in page and "0 with errors" in page, page[:3000]
        staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert list(Professional.objects.values()) == before


def test_unknown_export_format_is_404(staff_client):
    assert staff_client.get(reverse("contacts:staff_export", args=["pdf"])).status_code == 404
