"""Uploads cannot make the server work for minutes or read hundreds of megabytes.

Every spreadsheet upload goes through one reader (``SpreadsheetField`` → ``read_upload``): the
size is checked before reading, a workbook is measured before the spreadsheet library opens
it, and rows and cells are counted, empty ones included. A body larger than the request limit
is refused before anything reads it. Each hostile file gets a clear message and writes nothing.
"""

import io

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from apps.contacts.models import BinderImport, Professional
from apps.core import spreadsheets
from apps.core.uploads import RequestSizeMiddleware
from apps.questions.models import Question, QuestionBank
from tests.support.hostile_files import (
    blank_line_csv,
    empty_row_workbook,
    separator_csv,
    wide_row_workbook,
)

pytestmark = pytest.mark.django_db

BINDER_HEADER = ["Name", "Organisation", "E-mail"]
BINDER_ROW = ["Ann Lee", "Acme", "ann@acme.example"]
BANK_HEADER = ["Question", "Theme", "Minutes"]
BANK_ROW = ["How did you start?", "path", "2"]


@pytest.fixture(scope="module")
def empty_rows_binder():
    return empty_row_workbook(BINDER_HEADER, BINDER_ROW)


@pytest.fixture(scope="module")
def empty_rows_bank():
    return empty_row_workbook(BANK_HEADER, BANK_ROW)


@pytest.fixture
def library_opens(monkeypatch):
    """How many times the spreadsheet library was asked to open a workbook."""
    opened = []
    real = spreadsheets.load_workbook

    def counting(*args, **kwargs):
        opened.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(spreadsheets, "load_workbook", counting)
    return opened


def _file(content: bytes, name: str) -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file


def _binder_upload(client, content, name="binder.xlsx"):
    return client.post(reverse("contacts:import_upload"), {"file": _file(content, name)})


def _bank_upload(client, bank, content, name="bank.xlsx"):
    return client.post(
        reverse("questions:bank_import", args=[bank.pk]),
        {"file": _file(content, name)},
        follow=True,
    )


@pytest.fixture
def own_bank(student):
    return QuestionBank.objects.create(title="Mine", owner=student)


def test_the_two_million_empty_row_workbook_is_refused_by_the_binder_import(
    staff_client, empty_rows_binder, library_opens
):
    assert len(empty_rows_binder) < 400_000  # a few hundred kilobytes on the wire
    response = _binder_upload(staff_client, empty_rows_binder)
    assert response.status_code == 200
    assert "more than 40,000 rows, counting empty ones" in response.content.decode()
    assert "Delete the empty rows below your data" in response.content.decode()
    # Measured and refused before the library, which would read all two million rows.
    assert library_opens == []
    assert not BinderImport.objects.exists() and not Professional.objects.exists()


def test_the_two_million_empty_row_workbook_is_refused_by_a_students_bank_import(
    student_client, own_bank, empty_rows_bank, library_opens
):
    page = _bank_upload(student_client, own_bank, empty_rows_bank).content.decode()
    assert "Nothing was imported" in page and "more than 40,000 rows" in page
    assert library_opens == []
    assert not Question.objects.filter(bank=own_bank).exists()


def test_a_workbook_whose_rows_reach_the_last_column_is_refused_by_its_cells(staff_client):
    response = _binder_upload(staff_client, wide_row_workbook(BINDER_HEADER))
    assert "more than 600,000 cells, counting empty ones" in response.content.decode()
    assert not BinderImport.objects.exists()


def test_a_csv_of_blank_lines_and_one_of_empty_cells_are_refused(
    staff_client, student_client, own_bank
):
    lines = blank_line_csv(",".join(BINDER_HEADER), ",".join(BINDER_ROW))
    assert len(lines) <= spreadsheets.MAX_BYTES
    response = _binder_upload(staff_client, lines, "binder.csv")
    assert "more than 40,000 rows, counting empty ones" in response.content.decode()
    cells = separator_csv(",".join(BANK_HEADER))
    page = _bank_upload(student_client, own_bank, cells, "bank.csv").content.decode()
    assert "more than 600,000 cells" in page
    assert not BinderImport.objects.exists()
    assert not Question.objects.filter(bank=own_bank).exists()


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_parsing(
    staff_client, library_opens, monkeypatch
):
    monkeypatch.setattr(spreadsheets, "MAX_UNZIPPED_BYTES", 1_000_000)
    workbook = empty_row_workbook(BINDER_HEADER, BINDER_ROW, rows=30_000)  # 1.3 MB unpacked
    response = _binder_upload(staff_client, workbook)
    assert "holds too much data to import in one go" in response.content.decode()
    assert library_opens == [] and not BinderImport.objects.exists()


def test_an_ordinary_workbook_still_imports(staff_client, library_opens):
    workbook = empty_row_workbook(BINDER_HEADER, BINDER_ROW, rows=500)
    response = _binder_upload(staff_client, workbook)
    assert response.status_code == 302, response.content.decode()[:500]
    batch = BinderImport.objects.get()
    assert [values["full_name"] for _, values in batch.table["rows"]] == ["Ann Lee"]
    assert library_opens == [1]


def test_the_file_is_read_once_from_upload_to_commit(staff_client, monkeypatch):
    reads = []
    real = spreadsheets.read_rows

    def counting(*args, **kwargs):
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(spreadsheets, "read_rows", counting)
    csv = b"Name,Organisation,E-mail\nAnn Lee,Acme,ann@acme.example\n"
    batch_url = _binder_upload(staff_client, csv, "binder.csv")["Location"]
    assert "Ann Lee" in staff_client.get(batch_url).content.decode()
    assert "Ann Lee" in staff_client.get(batch_url + "?page=1").content.decode()
    batch = BinderImport.objects.get()
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert Professional.objects.get().full_name == "Ann Lee"
    assert reads == [1]


def test_a_body_over_the_limit_gets_a_clear_page_and_is_never_read():
    class Untouchable(io.RawIOBase):
        def read(self, *args):
            raise AssertionError("the body was read")

        readinto = readline = read

    request = RequestFactory().post("/questions/banks/1/import/", data=b"", content_type="text/csv")
    request.META["CONTENT_LENGTH"] = str(200 * 1024 * 1024)
    request.META["wsgi.input"] = Untouchable()
    request._stream = Untouchable()
    response = RequestSizeMiddleware(lambda r: r.POST and None)(request)
    assert response.status_code == 413
    page = response.content.decode()
    assert "larger than 6 MB" in page and "nothing was saved or changed" in page


def test_an_oversized_upload_through_the_site_changes_nothing(student_client, own_bank):
    big = _file(b"Question\n" + b"x" * (settings.REQUEST_MAX_BYTES + 1), "bank.csv")
    response = student_client.post(
        reverse("questions:bank_import", args=[own_bank.pk]), {"file": big}
    )
    assert response.status_code == 413
    assert "split a bigger one into smaller files" in response.content.decode()
    assert not Question.objects.filter(bank=own_bank).exists()


def test_a_file_over_five_megabytes_is_not_kept_and_the_form_says_the_limit(
    student_client, own_bank
):
    over = _file(b"Question\n" + b"x" * (spreadsheets.MAX_BYTES + 100), "bank.csv")
    page = student_client.post(
        reverse("questions:bank_import", args=[own_bank.pk]), {"file": over}, follow=True
    ).content.decode()
    assert "Nothing was imported" in page and "of up to 5 MB" in page
    assert not Question.objects.filter(bank=own_bank).exists()


@pytest.mark.parametrize("minutes", ["²", "①", "١٢", "3.0", "-2", " "])
def test_bank_minutes_in_other_digits_are_a_row_error_not_a_server_error(
    student_client, own_bank, minutes
):
    csv = f"Question,Theme,Minutes\nHow did you start?,path,{minutes}x\n".replace("x\n", "\n")
    page = _bank_upload(student_client, own_bank, csv.encode(), "bank.csv").content.decode()
    if minutes.strip():
        assert "Nothing was imported" in page and "minutes must be a whole number" in page
        assert not Question.objects.filter(bank=own_bank).exists()
    else:
        assert Question.objects.get(bank=own_bank).minutes == 2  # blank: the default


def test_the_command_line_import_reads_through_the_same_bounds(tmp_path, empty_rows_binder):
    from django.core.management import CommandError, call_command

    path = tmp_path / "binder.xlsx"
    path.write_bytes(empty_rows_binder)
    with pytest.raises(CommandError, match="more than 40,000 rows"):
        call_command("import_binder", str(path))
    assert not Professional.objects.exists()
