"""Reading uploaded binder spreadsheets and writing exports, without a database."""

import datetime
import io
import os
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from apps.contacts import spreadsheets
from apps.contacts.spreadsheets import (
    ALIASES,
    FIELDS,
    MAX_BYTES,
    REQUIRED,
    SpreadsheetError,
    Table,
    csv_stream,
    neutralise,
    neutralise_undo,
    normalise_header,
    read_rows,
    xlsx_bytes,
)
from apps.core import spreadsheets as core_spreadsheets


def workbook_bytes(*rows, sheets=None) -> bytes:
    """An .xlsx file whose first sheet holds ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for title in sheets or ():
        workbook.create_sheet(title).append(["full name"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def error_for(content: bytes, filename: str = "contacts.csv") -> str:
    with pytest.raises(SpreadsheetError) as raised:
        read_rows(filename, content)
    return str(raised.value)


# Headers


def test_normalise_header_ignores_case_spaces_bom_and_separators():
    assert normalise_header("\ufeff  E-Mail__Address ") == "e mail address"
    assert normalise_header("Job   title") == normalise_header("job_title") == "job title"
    assert normalise_header("YEARS-IN - FIELD") == "years in field"


def test_every_field_label_and_name_is_an_accepted_header():
    assert REQUIRED == ("full_name",)
    for name, label in FIELDS.items():
        assert ALIASES[normalise_header(label)] == name
        assert ALIASES[normalise_header(name)] == name


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("COMPANY", "organisation"),
        ("Title", "job_title"),
        ("E-Mail Address", "email"),
        ("Contact Name", "full_name"),
        ("Organization", "organisation"),
        ("timezone", "time_zone"),
        ("Class of", "alumni_year"),
        ("What I can talk about", "talk_about"),
        ("Students per month", "monthly_capacity"),
        ("LinkedIn Profile", "linkedin_url"),
        ("Consented on", "consent_date"),
    ],
)
def test_header_aliases_match_in_any_case(header, field):
    table = read_rows("c.csv", f"{header},Full Name\nx,Ada Lovelace\n".encode())
    if field == "full_name":  # the later "Full Name" column is then a duplicate
        assert (table.columns, table.ignored) == (["full_name"], ["Full Name"])
        assert table.rows == [(2, {"full_name": "x"})]
    else:
        assert table.columns == [field, "full_name"]
        assert table.rows == [(2, {field: "x", "full_name": "Ada Lovelace"})]


def test_unknown_and_duplicate_headers_are_reported_as_ignored():
    content = b"Full name,Favourite colour,E-mail,Name,,Email address\nAda,blue,a@x.org,Ad,,b@x\n"
    table = read_rows("c.csv", content)
    assert table.columns == ["full_name", "email"]
    assert table.ignored == ["Favourite colour", "Name", "Email address"]
    assert table.rows == [(2, {"full_name": "Ada", "email": "a@x.org"})]


# CSV encodings and layout


TEXT = "Name,Company\nZoë Müller,Café Ltd\n"
EXPECTED = [(2, {"full_name": "Zoë Müller", "organisation": "Café Ltd"})]


@pytest.mark.parametrize(
    "content",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16"),  # with a BOM, in the machine's byte order
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_csv_encodings(content):
    table = read_rows("contacts.csv", content)
    assert table.columns == ["full_name", "organisation"]
    assert table.rows == EXPECTED


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_and_tab_separated(separator):
    content = separator.join(["Name", "Email", "Years"]) + "\n"
    content += separator.join(["Ada, Countess", "ada@example.org", "12,5"]) + "\n"
    table = read_rows("c.csv", content.encode())
    assert table.rows == [
        (2, {"full_name": "Ada, Countess", "email": "ada@example.org", "years_in_field": "12,5"})
    ]


def test_separator_inside_quoted_header_does_not_count():
    content = b'"Name; first and last",Org\n"Ada; L",Analytical\n'
    # The header has no usable name column, but it was split on commas, not semicolons.
    assert "“Name; first and last”" not in error_for(content)
    assert "Name; first and last, Org" in error_for(content)


def test_quoted_fields_with_commas_quotes_and_newlines():
    content = (
        b'Name,Talk about,Company\r\n"Lovelace, Ada","Engines,\r\nmaths and ""poetry""",Babbage\r\n'
        b"Grace Hopper,COBOL,Navy\r\n"
    )
    table = read_rows("c.csv", content)
    assert table.rows == [
        (
            2,
            {
                "full_name": "Lovelace, Ada",
                "talk_about": 'Engines,\r\nmaths and "poetry"',
                "organisation": "Babbage",
            },
        ),
        # The embedded line break does not push the next row's number on: one record, one row.
        (3, {"full_name": "Grace Hopper", "talk_about": "COBOL", "organisation": "Navy"}),
    ]


def test_blank_rows_are_skipped_but_row_numbers_match_the_file():
    content = b"Name,Email\nAda,a@x.org\n\n , \nGrace,g@x.org\n,,\n"
    table = read_rows("c.csv", content)
    assert [number for number, _ in table.rows] == [2, 5]
    assert table.rows[1][1] == {"full_name": "Grace", "email": "g@x.org"}


def test_data_on_lines_two_and_four_keeps_those_numbers():
    table = read_rows("c.csv", b"Name\r\nAda\r\n\r\nGrace\r\n")
    assert table.rows == [(2, {"full_name": "Ada"}), (4, {"full_name": "Grace"})]


def test_blank_rows_above_the_header_are_skipped():
    table = read_rows("c.csv", b"\r\n;\r\n\tName;Email\r\nAda;a@x.org\r\n")
    assert table.rows == [(4, {"full_name": "Ada", "email": "a@x.org"})]


def test_short_and_long_rows_are_tolerated():
    content = b"Name,Email,City\nAda\nGrace,g@x.org,Arlington,extra,cells\n"
    table = read_rows("c.csv", content)
    assert table.rows == [
        (2, {"full_name": "Ada", "email": "", "location": ""}),
        (3, {"full_name": "Grace", "email": "g@x.org", "location": "Arlington"}),
    ]


def test_cells_are_stripped_and_a_leading_quote_is_kept():
    table = read_rows("c.csv", b"  Name  ,Phone\n  Ada  ,'+44 20 7946 0000\n")
    assert table.rows == [(2, {"full_name": "Ada", "phone": "'+44 20 7946 0000"})]


def test_filename_does_not_decide_the_format():
    assert read_rows("contacts.xlsx", b"Name\nAda\n").rows == [(2, {"full_name": "Ada"})]
    xlsx = workbook_bytes(["Name"], ["Ada"])
    assert read_rows("contacts.csv", xlsx).rows == [(2, {"full_name": "Ada"})]


# XLSX


def test_xlsx_values_become_text():
    content = workbook_bytes(
        ["Name", "Years", "Consent date", "Alumni", "Capacity", "Phone", "Alumni year"],
        ["  Ada  ", 12.0, datetime.date(2024, 3, 5), True, 2.5, None, 1999],
        [None, None, None, None, None, None, None],
        ["Grace", 7, datetime.datetime(2023, 11, 30, 14, 45), False, None, "", None],
        sheets=["Other sheet"],
    )
    table = read_rows("binder.xlsx", content)
    assert table.columns == [
        "full_name",
        "years_in_field",
        "consent_date",
        "is_alumni",
        "monthly_capacity",
        "phone",
        "alumni_year",
    ]
    assert table.rows == [
        (
            2,
            {
                "full_name": "Ada",
                "years_in_field": "12",
                "consent_date": "2024-03-05",
                "is_alumni": "yes",
                "monthly_capacity": "2.5",
                "phone": "",
                "alumni_year": "1999",
            },
        ),
        (
            4,
            {
                "full_name": "Grace",
                "years_in_field": "7",
                "consent_date": "2023-11-30",
                "is_alumni": "no",
                "monthly_capacity": "",
                "phone": "",
                "alumni_year": "",
            },
        ),
    ]


def test_xlsx_reads_the_first_worksheet_even_when_another_is_active():
    workbook = Workbook()
    workbook.active.append(["Name"])
    workbook.active.append(["From the first sheet"])
    second = workbook.create_sheet("Second")
    second.append(["Name"])
    second.append(["From the second sheet"])
    workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_rows("b.xlsx", buffer.getvalue()).rows == [
        (2, {"full_name": "From the first sheet"})
    ]


def test_xlsx_rows_missing_from_the_file_still_count():
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Name"
    sheet["A2"] = "Ada"
    sheet["A7"] = "Grace"  # rows 3 to 6 are not written to the file at all
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_rows("b.xlsx", buffer.getvalue())
    assert table.rows == [(2, {"full_name": "Ada"}), (7, {"full_name": "Grace"})]


def test_xlsx_export_round_trips_through_read_rows():
    header = list(FIELDS.values())
    values = [f"value {index}" for index in range(len(header))]
    values[0] = '=HYPERLINK("http://x","y")'
    values[1] = "ada@example.org"
    content = xlsx_bytes(header, [values, ["Grace Hopper"]])
    table = read_rows("export.xlsx", content)
    assert table.columns == list(FIELDS)
    assert table.ignored == []
    number, first = table.rows[0]
    assert number == 2
    assert first["full_name"] == '\'=HYPERLINK("http://x","y")'  # the importer strips the quote
    assert first["email"] == "ada@example.org"
    assert first["consent_date"] == values[-2] and first["consent_method"] == values[-1]
    assert table.rows[1] == (
        3,
        {name: "Grace Hopper" if name == "full_name" else "" for name in FIELDS},
    )


def test_csv_export_round_trips_through_read_rows():
    text = "".join(csv_stream(["Name", "Company"], [["Zoë, Müller", "Café\nLtd"]]))
    table = read_rows("export.csv", text.encode("utf-8"))
    assert table.rows == [(2, {"full_name": "Zoë, Müller", "organisation": "Café\nLtd"})]


# Errors


def test_empty_files_are_refused():
    for content in (
        b"",
        b"   \r\n\t\n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        "\n \n".encode("utf-16"),
    ):
        assert "The file is empty" in error_for(content)


def test_a_sheet_without_any_cells_is_empty():
    assert "The file is empty" in error_for(workbook_bytes(), "b.xlsx")
    assert "The file is empty" in error_for(b",,\n,\n")


def test_binary_junk_is_not_a_spreadsheet():
    message = error_for(bytes(range(256)) * 100)
    assert "does not look like a CSV or Excel file" in message


def test_text_full_of_control_characters_is_not_a_spreadsheet():
    junk = bytes(value for value in range(1, 32) if value not in (9, 10, 13)) * 50
    assert "does not look like a CSV or Excel file" in error_for(b"Name\n" + junk)


def test_undecodable_text_asks_for_csv_utf8():
    assert "CSV UTF-8" in error_for(b"Name\n\x81\x8d\x8f\x90\x9d\n")
    assert "CSV UTF-8" in error_for(b"\xff\xfeN\x00a\x00m")  # UTF-16 cut mid-character


def test_files_over_the_size_limit_are_refused():
    assert MAX_BYTES == 5 * 1024 * 1024
    message = error_for(os.urandom(10 * 1024 * 1024))
    assert "5 MB" in message
    assert "Split" in message
    # Exactly at the limit is still read.
    content = b"Name\nAda\n" + (b" " * 1023 + b"\n") * (MAX_BYTES // 1024 - 1) + b" " * 1015
    assert read_rows("c.csv", content).rows == [(2, {"full_name": "Ada"})]
    assert len(content) == MAX_BYTES
    assert "5 MB" in error_for(content + b" ")


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    message = error_for(buffer.getvalue(), "contacts.xlsx")
    assert "could not be opened as an Excel workbook" in message
    assert ".xlsx or CSV" in message


def test_a_truncated_workbook_is_refused():
    content = workbook_bytes(["Name"], ["Ada"])
    message = error_for(content[: len(content) // 2], "contacts.xlsx")
    assert "could not be opened as an Excel workbook" in message


def test_a_workbook_with_a_broken_sheet_is_refused():
    original = zipfile.ZipFile(io.BytesIO(workbook_bytes(["Name"], ["Ada"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            archive.writestr(info, data)
    message = error_for(buffer.getvalue(), "contacts.xlsx")
    assert "could not be opened as an Excel workbook" in message


def test_old_xls_files_are_refused():
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    message = error_for(content, "contacts.xls")
    assert ".xls" in message
    assert "not supported" in message
    assert ".xlsx or CSV" in message


def test_missing_name_column_is_named():
    message = error_for(b"Email,Company\na@x.org,Acme\n")
    assert "“Name”" in message
    assert "Full name" in message
    assert "Email, Company" in message  # what we found instead


def test_missing_name_column_message_stays_short():
    header = ",".join(f"Column {index}" for index in range(100))
    message = error_for(f"{header}\n{'x,' * 100}\n".encode())
    assert "Column 7, …" in message
    assert "Column 8" not in message


def test_missing_name_column_in_a_workbook():
    message = error_for(workbook_bytes(["Email"], ["a@x.org"]), "b.xlsx")
    assert "“Name”" in message


def test_header_without_rows_is_refused():
    assert "has a header row but no professionals under it" in error_for(b"Name,Email\n")
    assert "has a header row but no professionals under it" in error_for(b"Name,Email\n\n,\n")
    message = error_for(workbook_bytes(["Name", "Email"]), "b.xlsx")
    assert "has a header row but no professionals under it" in message


def test_an_unclosed_quote_is_explained():
    content = b'Name,Notes\nAda,"never closed\n' + b"x" * 200_000 + b"\n"
    assert "quotation mark" in error_for(content)


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(core_spreadsheets, "MAX_ROWS", 3)
    # Blank rows do not count towards the limit.
    assert len(read_rows("c.csv", b"Name\nA\n\nB\nC\n").rows) == 3
    message = error_for(b"Name\nA\nB\nC\nD\n")
    assert "more than 3 professionals" in message
    assert "more than 3 professionals" in error_for(workbook_bytes(*[["Name"]] + [["x"]] * 4))


def test_default_row_limit():
    assert spreadsheets.MAX_ROWS == 20_000


def test_errors_are_spreadsheet_errors_with_a_message():
    assert issubclass(SpreadsheetError, Exception)
    assert isinstance(read_rows("c.csv", b"Name\nAda\n"), Table)


# Exports


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"],
)
def test_neutralise_prefixes_formula_starts(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Ada Lovelace", "Ada Lovelace"), ("a=b", "a=b"), (None, ""), (12, "12"), ("", "")],
)
def test_neutralise_leaves_other_values_alone(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("x;=cmd|'/C calc'!A0;y", "x;'=cmd|'/C calc'!A0;y"),
        ("a\t+b", "a\t'+b"),
        ("one\n@two\r\n-three", "one\n'@two\r\n'-three"),
        ('x; "=y"', 'x;\' "=y"'),
        ("'=x", "''=x"),
        ("it's; 'fine'", "it's; 'fine'"),
    ],
)
def test_neutralise_guards_every_place_a_cell_can_start(value, expected):
    assert neutralise(value) == expected
    assert neutralise_undo(expected) == value


def test_neutralise_applies_to_non_strings():
    assert neutralise(-3) == "'-3"


def test_csv_stream_starts_with_bom_and_neutralises_values():
    rows = iter([['=HYPERLINK("http://x","y")', "-2", "Zoë"], ["@SUM(A1)", None, 7]])
    chunks = list(csv_stream(["Name", "=Years", "City"], rows))
    assert chunks[0] == "\ufeff"
    # Every cell is quoted, so a comma in a value never splits it.
    assert chunks[1:] == [
        '"Name","\'=Years","City"\r\n',
        '"\'=HYPERLINK(""http://x"",""y"")","\'-2","Zoë"\r\n',
        '"\'@SUM(A1)","","7"\r\n',
    ]


def test_csv_stream_is_lazy():
    def rows():
        yield ["Ada"]
        raise AssertionError("read too far")

    stream = csv_stream(["Name"], rows())
    assert [next(stream), next(stream), next(stream)] == ["\ufeff", '"Name"\r\n', '"Ada"\r\n']


def test_xlsx_bytes_never_writes_formulas():
    header = ["Name", "Notes"]
    rows = (
        row
        for row in [
            ['=HYPERLINK("http://x","y")', "=1+1"],
            ["#N/A", 12],
            [None, "bell\x07=2"],
            ["\x01=SUM(A1)", "plain"],
        ]
    )
    content = xlsx_bytes(header, rows, sheet_title="Binder: spring/2025 [all]")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert cells, "the export has cells"
    assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
    assert not [cell for cell in cells if cell.data_type == "f"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [
        ["Name", "Notes"],
        ['\'=HYPERLINK("http://x","y")', "'=1+1"],
        ["#N/A", "12"],
        [None, "bell=2"],
        ["'=SUM(A1)", "plain"],
    ]
    assert sheet.title == "Binder  spring 2025  all"


def test_xlsx_bytes_default_sheet_title():
    content = xlsx_bytes(["Name"], [])
    assert load_workbook(io.BytesIO(content)).sheetnames == ["Binder"]


# LinkedIn's Connections export: a BOM, notes above the header, the name in two columns.

LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed it, see"
    ' https://www.linkedin.com/psettings/privacy/email"\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Aoife,Ní Bhriain,https://www.linkedin.com/in/aoife-ni-bhriain,,Harbour Museum,Curator,"
    "14 Mar 2024\r\n"
    "Søren,Kierkegård,https://www.linkedin.com/in/soren,soren@firm.example,Firm,Analyst,"
    "02 Jan 2025\r\n"
).encode()


def test_notes_lines_above_the_header_are_skipped_and_first_and_last_name_join():
    table = read_rows("Connections.csv", LINKEDIN)
    assert table.rows == [
        (
            5,
            {
                "email": "",
                "organisation": "Harbour Museum",
                "job_title": "Curator",
                "full_name": "Aoife Ní Bhriain",
            },
        ),
        (
            6,
            {
                "email": "soren@firm.example",
                "organisation": "Firm",
                "job_title": "Analyst",
                "full_name": "Søren Kierkegård",
            },
        ),
    ]
    assert table.ignored == ["URL", "Connected On"]


def test_a_name_column_wins_over_first_and_last_name():
    table = read_rows("c.csv", b"First Name,Name,Last Name\nAda,Grace Hopper,Lovelace\n")
    assert table.rows == [(2, {"full_name": "Grace Hopper"})]
    assert table.ignored == ["First Name", "Last Name"]


def test_only_the_first_few_rows_are_searched_for_the_header():
    lines = [f"note {index}" for index in range(core_spreadsheets.HEADER_SEARCH_ROWS)]
    message = error_for(("\n".join(lines) + "\nName\nAda\n").encode())
    assert "“Name”" in message and "the first row reads: note 0." in message
