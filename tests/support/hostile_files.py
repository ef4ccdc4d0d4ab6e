"""Uploads made to cost the server: used by the tests and by bench/hostile_neighbour.py.

``empty_row_workbook`` is a real .xlsx (it opens in Excel and openpyxl) whose first sheet has a
header, one data row and then ``rows`` empty rows. Empty rows compress to almost nothing, so
two million of them fit in a few hundred kilobytes and unpack to about a hundred megabytes.
"""

import io
import zipfile

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def empty_row_workbook(header: list[str], first: list[str], rows: int = 2_000_000) -> bytes:
    """An .xlsx of ``header``, one row ``first`` and ``rows`` empty rows below them."""
    columns = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            for number, cells in ((1, header), (2, first)):
                row = "".join(_cell(f"{columns[i]}{number}", text) for i, text in enumerate(cells))
                sheet.write(f'<row r="{number}">{row}</row>'.encode())
            # Rows without a number follow the one before; all alike, they compress to nothing.
            empty = b'<row spans="1:3" ht="15.75"><c s="0"/></row>'
            for _ in range(rows // 10_000):
                sheet.write(empty * 10_000)
            sheet.write(empty * (rows % 10_000) + b"</sheetData></worksheet>")
    return buffer.getvalue()


def wide_row_workbook(header: list[str], columns: int = 16_384, rows: int = 200) -> bytes:
    """An .xlsx whose every row reaches the last column Excel allows, so each row read is
    ``columns`` cells however little it holds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        body = [
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheetData>",
            '<row r="1">'
            + "".join(_cell(f"{'ABCDEFGHIJ'[i]}1", t) for i, t in enumerate(header))
            + "</row>",
        ]
        for number in range(2, rows + 2):
            body.append(f'<row r="{number}">{_cell(f"XFD{number}", "x")}</row>')
        body.append("</sheetData></worksheet>")
        archive.writestr("xl/worksheets/sheet1.xml", "".join(body))
    return buffer.getvalue()


def blank_line_csv(header: str, first: str, size: int = 5 * 1024 * 1024 - 1024) -> bytes:
    """A CSV just under the upload limit: a header, one row, then nothing but line breaks."""
    top = f"{header}\n{first}\n".encode()
    return top + b"\n" * (size - len(top))


def separator_csv(header: str, size: int = 5 * 1024 * 1024 - 1024) -> bytes:
    """A CSV just under the upload limit whose second line is one record of millions of
    empty cells."""
    top = f"{header}\n".encode()
    return top + b"," * (size - len(top))
