"""Read the spreadsheets staff upload, and write exports. Shared by every app that imports or
exports a table (the binder, question banks, staff insight).

Pure Python: nothing here touches the database. ``read_rows`` turns an uploaded CSV or XLSX file
into canonical field names (described by a ``Schema``) and cell strings; each app's importer
decides what to do with them. Every problem with the file itself is raised as
``SpreadsheetError`` whose text can be shown to staff as-is.

Exports go through ``neutralise`` so that a value such as ``=HYPERLINK(...)`` typed into the
binder is never run as a formula by the spreadsheet program that opens the export, whichever
separator that program splits the file on (see ``neutralise``). The quotes it adds are part of
the text: ``read_rows`` returns them unchanged when an export is uploaded again, and the
importer is the place that takes them out again (``neutralise_undo``).
"""

import codecs
import csv
import datetime
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass, field
from typing import Any, TypeVar
from xml.etree import ElementTree

from django.core.files import File
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# What a sheet may make the parser walk through, empty rows and cells included: a file of a
# few kilobytes can hold two million empty rows, or rows that each reach Excel's last column.
MAX_RECORDS = 2 * MAX_ROWS
MAX_CELLS = 30 * MAX_ROWS  # twenty thousand rows of thirty columns
# XML elements of every kind in a workbook's parts: a cell is two or three (its value, its
# text), and styles and shared text add a few more.
MAX_ELEMENTS = 3 * MAX_CELLS
# A small zip can unpack to gigabytes; refuse workbooks that claim to be this big unpacked.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024

_Cells = TypeVar("_Cells", bound=Sized)

_SEPARATORS = (",", ";", "\t")
# A cell a spreadsheet program reads as a formula starts with one of these, perhaps after
# spaces and quotation marks that it drops.
_FORMULA_TRIGGERS = "=+\\-@\t\r"
# Where a cell can start when a CSV file is split on a comma, semicolon or tab: at the start of
# a value, or inside one after a semicolon, a tab or a line break (quoting protects a value from
# the comma reader only; a program that splits on a semicolon or a tab splits the quoted text).
_CELL_STARTS = r"(?:^|(?<=[;\t\r\n]))"
_FORMULA_AHEAD = rf"(?=[ '\"]*[{_FORMULA_TRIGGERS}])"
_GUARD_PLACES = re.compile(_CELL_STARTS + _FORMULA_AHEAD)
_GUARDS = re.compile(_CELL_STARTS + "'" + _FORMULA_AHEAD)
_XLSX_SIGNATURE = b"PK\x03\x04"
_XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"
_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class SpreadsheetError(Exception):
    """A problem with an uploaded file, worded so staff know what to change."""


def normalise_header(text: str) -> str:
    """Lower-case a header, drop BOMs and treat ``_``, ``-`` and runs of spaces alike."""
    text = str(text).replace("\ufeff", "").casefold()
    text = re.sub(r"[_\-\s]+", " ", text)
    return text.strip()


@dataclass
class Schema:
    """The columns one kind of spreadsheet may have.

    ``fields`` maps each canonical name to its label; ``header_names`` lists the other header
    texts people use for it; ``required`` names the columns that must be there; ``contents``
    says in words what a required column holds; ``noun`` names what one row is, plural.
    ``joined`` names, for a field, the headers whose cells make it up, joined by a space, when
    the file has no column of its own for it (LinkedIn writes "First Name" and "Last Name").
    """

    fields: dict[str, str]
    header_names: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    contents: dict[str, str]
    noun: str = "rows"
    joined: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: dict[str, str] = field(init=False)

    def __post_init__(self):
        self.aliases = {}
        for name, texts in self.header_names.items():
            for text in (name, self.fields[name], *texts):
                key = normalise_header(text)
                if self.aliases.setdefault(key, name) != name:
                    raise ValueError(f"Header {text!r} is claimed by two fields")
        self.joined = {
            name: tuple(normalise_header(text) for text in texts)
            for name, texts in self.joined.items()
        }
        for texts in self.joined.values():
            if claimed := [text for text in texts if text in self.aliases]:
                raise ValueError(f"Header {claimed[0]!r} is both a column and part of one")


@dataclass
class Table:
    """The readable content of an uploaded spreadsheet."""

    columns: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    filename: str = ""

    def as_json(self) -> dict[str, Any]:
        """The table as JSON data, kept between a preview and its commit."""
        return {
            "columns": self.columns,
            "ignored": self.ignored,
            "rows": [[number, values] for number, values in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], filename: str = "") -> "Table":
        return cls(
            columns=list(data.get("columns", [])),
            ignored=list(data.get("ignored", [])),
            rows=[(int(number), dict(values)) for number, values in data.get("rows", [])],
            filename=filename,
        )


def read_upload(upload: File, schema: Schema) -> Table:
    """Read an uploaded file (or any Django ``File``): the one way in for every import.

    Its size is checked before a byte is read, and no more than the limit is ever read."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise _too_big(upload.size)
    upload.seek(0)
    return read_rows(upload.name or "", upload.read(MAX_BYTES + 1), schema)


def _too_big(size: int) -> SpreadsheetError:
    mb = 1024 * 1024
    return SpreadsheetError(
        f"The file is {size / mb:.1f} MB; the limit is {MAX_BYTES // mb} MB. Split it into "
        "smaller files and upload them one at a time."
    )


def read_rows(filename: str, content: bytes, schema: Schema) -> Table:
    """Read an uploaded CSV or XLSX file into canonical fields.

    The format is decided by the content, never by ``filename``: staff often rename files, and
    Excel happily saves CSV text under an .xlsx name. ``filename`` is accepted so callers can pass
    the upload straight through.
    """
    if len(content) > MAX_BYTES:
        raise _too_big(len(content))
    if not _strip_boms(content).strip():
        raise SpreadsheetError("The file is empty. Choose the spreadsheet that has the data.")
    if content.startswith(_XLS_SIGNATURE):
        raise SpreadsheetError(
            "The file is an old Excel .xls workbook, which is not supported. Open it in Excel "
            "and save it again as .xlsx or CSV."
        )
    if content.startswith(_XLSX_SIGNATURE):
        return _xlsx_table(content, schema)
    return _table(_csv_records(_decode(content)), schema)


def _strip_boms(content: bytes) -> bytes:
    for bom in (_UTF8_BOM, *_UTF16_BOMS):
        if content.startswith(bom):
            return content[len(bom) :]
    return content


def _not_a_spreadsheet() -> SpreadsheetError:
    return SpreadsheetError(
        "The file does not look like a CSV or Excel file. Open it in your spreadsheet program "
        "and save it as .xlsx or CSV."
    )


def _decode(content: bytes) -> str:
    if content.startswith(_UTF16_BOMS):
        try:
            text = content.decode("utf-16")
        except UnicodeDecodeError:
            raise _save_as_utf8() from None
    elif b"\x00" in content:
        # Text never holds NUL bytes unless it is UTF-16, which Excel always saves with a BOM.
        raise _not_a_spreadsheet()
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel on Windows saves plain "CSV" in the Windows-1252 code page.
            try:
                text = content.decode("cp1252")
            except UnicodeDecodeError:
                raise _save_as_utf8() from None
    if not text.strip():
        raise SpreadsheetError("The file is empty. Choose the spreadsheet that has the data.")
    if len(_CONTROL_CHARACTERS.findall(text)) > len(text) * _MAX_CONTROL_SHARE:
        raise _not_a_spreadsheet()
    return text


def _save_as_utf8() -> SpreadsheetError:
    return SpreadsheetError(
        "The file's text could not be read. Open it in Excel and save it again choosing "
        "“CSV UTF-8” as the file type."
    )


def _detect_separator(text: str) -> str:
    """The separator used most often in the header line, outside quotes; comma by default."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    in_quotes = False
    has_content = False
    for char in text:
        if char == '"':
            in_quotes = not in_quotes
        elif in_quotes:
            has_content = True
        elif char in "\r\n":
            if has_content:
                break  # end of the header line
            # A blank row above the header, perhaps holding only separators: start again.
            counts = dict.fromkeys(_SEPARATORS, 0)
        elif char in counts:
            counts[char] += 1
        elif not char.isspace():
            has_content = True
    best = max(_SEPARATORS, key=lambda sep: counts[sep])  # ties go to the earlier separator
    return best if counts[best] else ","


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (spreadsheet row number, cells); one CSV record is one spreadsheet row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_detect_separator(text))
    try:
        for number, record in _bounded(enumerate(reader, start=1)):
            yield number, [cell.strip() for cell in record]
    except csv.Error:
        raise SpreadsheetError(
            "The file could not be read as CSV, often because a quotation mark in it is never "
            "closed. Check the cells with quotation marks, or open the file in your spreadsheet "
            "program and save it again as .xlsx or CSV."
        ) from None


def _cannot_open_workbook() -> SpreadsheetError:
    return SpreadsheetError(
        "The file could not be opened as an Excel workbook; save it again as .xlsx or CSV."
    )


def _xlsx_table(content: bytes, schema: Schema) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            _check_workbook(archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, ElementTree.ParseError):
        raise _cannot_open_workbook() from None
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        # Uploads are untrusted: whatever the parser trips over, the file cannot be used.
        raise _cannot_open_workbook() from None
    try:
        if not workbook.worksheets:
            raise _cannot_open_workbook()
        return _table(_xlsx_records(workbook.worksheets[0]), schema)
    finally:
        workbook.close()


def _too_much_data() -> SpreadsheetError:
    return SpreadsheetError(
        "The workbook holds too much data to import in one go. Split it into smaller files "
        "and upload them one at a time."
    )


def _check_workbook(archive: zipfile.ZipFile) -> None:
    """Measure a workbook before the spreadsheet library opens it.

    The library reads every sheet of a workbook to its end on opening it (to find a size
    that a sheet may leave out), however many rows it then reads: so each XML part is first
    walked here, and the walk stops as soon as a part has more rows or cells than an import
    may have, or more XML than they would take. The sizes the archive declares are checked
    first, and the bytes really unpacked are counted as they come."""
    parts = archive.infolist()
    if sum(info.file_size for info in parts) > MAX_UNZIPPED_BYTES:
        raise _too_much_data()
    unpacked = 0
    elements = 0
    for info in parts:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        rows = cells = 0
        with archive.open(info) as part:
            for _event, element in ElementTree.iterparse(part):
                name = element.tag.rpartition("}")[2]
                if name == "row":
                    rows += 1
                    if rows > MAX_RECORDS:
                        raise _too_many_rows()
                elif name == "c":
                    cells += 1
                    if cells > MAX_CELLS:
                        raise _too_many_cells()
                elements += 1
                if elements > MAX_ELEMENTS:
                    raise _too_much_data()
                element.clear()
            unpacked += part.tell()
        if unpacked > MAX_UNZIPPED_BYTES:
            raise _too_much_data()


def _xlsx_records(sheet) -> Iterator[tuple[int, list[str]]]:
    # Some programs write a wrong sheet size; without this openpyxl would stop at that size.
    sheet.reset_dimensions()
    try:
        for number, values in _bounded(enumerate(sheet.iter_rows(values_only=True), start=1)):
            yield number, [_cell_text(value) for value in values]
    except SpreadsheetError:
        raise
    except Exception:
        # A truncated or corrupt sheet only fails once its rows are read.
        raise _cannot_open_workbook() from None


def _bounded(records: Iterator[tuple[int, _Cells]]) -> Iterator[tuple[int, _Cells]]:
    """Stop reading a sheet once it has made the parser walk past MAX_RECORDS rows or
    MAX_CELLS cells, empty ones included, before any work is done on the row that crosses."""
    cells = 0
    for number, values in records:
        if number > MAX_RECORDS:
            raise _too_many_rows()
        cells += len(values)
        if cells > MAX_CELLS:
            raise _too_many_cells()
        yield number, values


def _too_many_rows() -> SpreadsheetError:
    return SpreadsheetError(
        f"The sheet runs to more than {MAX_RECORDS:,} rows, counting empty ones. Delete the "
        "empty rows below your data (select them, then Delete rows) and save the file again, "
        "or split it into smaller files."
    )


def _too_many_cells() -> SpreadsheetError:
    return SpreadsheetError(
        f"The sheet holds more than {MAX_CELLS:,} cells, counting empty ones. Delete the unused "
        "columns to the right of your data and the empty rows below it, then save the file "
        "again, or split it into smaller files."
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


# How many non-blank rows may stand above the header: some exports (LinkedIn's Connections)
# put a few lines of notes there.
HEADER_SEARCH_ROWS = 10


def _header_positions(cells: list[str], schema: Schema) -> dict[str, list[int]]:
    """Where each field's cells are in a row read as the header (several for a joined one)."""
    positions: dict[str, list[int]] = {}
    for position, text in enumerate(cells):
        name = schema.aliases.get(normalise_header(text))
        if name and name not in positions:
            positions[name] = [position]
    headers = [normalise_header(text) for text in cells]
    for name, parts in schema.joined.items():
        if name not in positions and all(part in headers for part in parts):
            positions[name] = [headers.index(part) for part in parts]
    return positions


def _find_header(
    records: Iterator[tuple[int, list[str]]], schema: Schema
) -> tuple[list[str], dict[str, list[int]]]:
    """The header is the first of the first few non-blank rows that names a required column;
    failing that the first non-blank row, whose headings the error message then quotes."""
    first: list[str] | None = None
    for searched, (_number, cells) in enumerate((row for row in records if any(row[1])), 1):
        first = cells if first is None else first
        positions = _header_positions(cells, schema)
        if any(name in positions for name in schema.required):
            return cells, positions
        if searched >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise SpreadsheetError("The file is empty. Choose the spreadsheet that has the data.")
    return first, _header_positions(first, schema)


def _table(records: Iterator[tuple[int, list[str]]], schema: Schema) -> Table:
    """Map the header row to fields and collect the non-blank rows below it."""
    header, positions = _find_header(records, schema)
    table = Table(columns=list(positions))
    used = {position for places in positions.values() for position in places}
    table.ignored = [text for position, text in enumerate(header) if text and position not in used]
    _check_required(table.columns, header, schema)

    for number, cells in records:
        if not any(cells):
            continue
        if len(table.rows) >= MAX_ROWS:
            raise SpreadsheetError(
                f"The file has more than {MAX_ROWS:,} {schema.noun}. Split it into files of at "
                f"most {MAX_ROWS:,} rows and upload them one at a time."
            )
        values = {
            name: " ".join(
                cells[position] for position in places if position < len(cells) and cells[position]
            )
            for name, places in positions.items()
        }
        table.rows.append((number, values))
    if not table.rows:
        raise SpreadsheetError(
            f"The file has a header row but no {schema.noun} under it. Add them one per "
            "row below the headings."
        )
    return table


def _check_required(columns: list[str], header: list[str], schema: Schema) -> None:
    missing = [name for name in schema.required if name not in columns]
    if not missing:
        return
    sentences = []
    for name in missing:
        label = schema.fields[name]
        other = next(
            text
            for text in schema.header_names[name]
            if normalise_header(text) != normalise_header(label)
        )
        contents = schema.contents.get(name, f"the {label.lower()}")
        sentences.append(
            f"The file has no “{label}” column. Put {contents} in a column headed {label} "
            f"(or {other.capitalize()})."
        )
    found = [text for text in header if text]
    first_row = ", ".join(found[:8]) + (", …" if len(found) > 8 else "")
    sentences.append(f"The headings should be in the first row; the first row reads: {first_row}.")
    raise SpreadsheetError(" ".join(sentences))


def neutralise(value) -> str:
    """Text of ``value`` that spreadsheet programs will not run as a formula.

    Wherever a cell could start (see ``_CELL_STARTS``) and what follows is a formula trigger
    (``=``, ``+``, ``-``, ``@``, a tab or a carriage return, perhaps after spaces and quotation
    marks), a ``'`` goes in front, which spreadsheet programs read as "this is text". So
    ``x;=cmd|'/C calc'!A0`` becomes ``x;'=cmd|'/C calc'!A0``. A ``'`` already there counts as one
    of the marks a trigger may follow, so ``'=x`` becomes ``''=x`` and ``neutralise_undo`` can
    give back exactly what was written.
    """
    text = "" if value is None else str(value)
    return _GUARD_PLACES.sub("'", text)


def neutralise_undo(text: str) -> str:
    """The value ``neutralise`` was given, from the text it returned (for importing an export)."""
    return _GUARDS.sub("", text)


class _Line:
    """A file-like object whose ``write`` hands the line back, so csv.writer can stream."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """Yield CSV lines in which every cell is quoted and neutralised: the one writer of every
    CSV export."""
    writer = csv.writer(_Line(), lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    yield writer.writerow([neutralise(value) for value in header])
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])


def csv_stream(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    """Yield an Excel-friendly UTF-8 CSV export line by line (for StreamingHttpResponse)."""
    yield "\ufeff"  # without the BOM Excel reads the file as Windows-1252 and mangles accents
    yield from csv_lines(header, rows)


def xlsx_bytes(header: list[str], rows: Iterable[Iterable], sheet_title: str = "Binder") -> bytes:
    """An XLSX export in which every cell is plain text."""
    workbook = Workbook(write_only=True)
    # Sheet titles are at most 31 characters and may not contain []:*?/\ .
    title = re.sub(r"[\[\]:*?/\\]", " ", sheet_title).strip()[:31] or "Binder"
    sheet = workbook.create_sheet(title=title)
    for row in itertools.chain([header], rows):
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, value) -> Cell:
    # openpyxl refuses control characters that XML cannot hold, so drop them (before
    # neutralising, so that dropping one cannot uncover a leading "=").
    text = neutralise(ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value)))
    cell = WriteOnlyCell(sheet, value=text)
    # openpyxl types strings such as "#N/A" as errors and "=..." as formulas; force plain text.
    cell.data_type = "s"
    return cell
