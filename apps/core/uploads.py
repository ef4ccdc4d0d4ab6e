"""How much a request may make the server read, and the one way an uploaded spreadsheet is read.

Two limits:

- ``RequestSizeMiddleware`` answers a request whose body is larger than REQUEST_MAX_BYTES with
  a page saying so, before anything reads a byte of it;
- ``LimitedUploadHandler`` counts a file's bytes as they arrive and stops keeping it once it
  passes the spreadsheet limit (5 MB). (Django reads no more of a body than it announced, and
  a body that announces no size is not parsed at all.)

``SpreadsheetField`` is the form field of every spreadsheet upload: it reads the file through
``apps.core.spreadsheets.read_upload`` (size checked before reading, parsing bounded) and
cleans to the parsed ``Table``, so a view parses a file once.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.template import loader

from .spreadsheets import MAX_BYTES, Schema, SpreadsheetError, Table, read_upload

_MB = 1024 * 1024


def _too_large_page() -> HttpResponse:
    # Rendered without the request: the sessions and sign-in that the site's layout needs
    # come later in the chain, and nothing of this request is read.
    response = HttpResponse(
        loader.render_to_string(
            "413.html", {"limit_mb": settings.REQUEST_MAX_BYTES // _MB, "file_mb": MAX_BYTES // _MB}
        ),
        status=413,
    )
    response["Connection"] = "close"  # the unread body is not drained
    return response


class RequestSizeMiddleware:
    """Refuses, unread, a request body larger than REQUEST_MAX_BYTES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        announced = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(announced)
        except ValueError:
            length = 0  # Django treats a bad length as none; the upload handler still counts
        if length > settings.REQUEST_MAX_BYTES:
            return _too_large_page()
        return self.get_response(request)


class LimitedUploadHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: a file that runs past the spreadsheet limit is skipped
    at that point, so no more of it is kept in memory or on disk. Its field is then missing,
    and the form says what the limit is."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > MAX_BYTES:
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


class SpreadsheetField(forms.FileField):
    """An uploaded CSV or .xlsx file, cleaned to its parsed ``Table`` (see read_upload)."""

    default_error_messages = {
        "required": (
            f"Choose a spreadsheet (CSV or Excel .xlsx) of up to {MAX_BYTES // _MB} MB to upload."
        ),
        "missing": (
            f"Choose a spreadsheet (CSV or Excel .xlsx) of up to {MAX_BYTES // _MB} MB to upload."
        ),
    }

    def __init__(self, *, schema: Schema, **kwargs: Any) -> None:
        self.schema = schema
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Table | None:
        upload = super().clean(data, initial)
        if not upload:
            return None
        try:
            table = read_upload(upload, self.schema)
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error), code="spreadsheet") from None
        table.filename = upload.name[:255]
        return table
