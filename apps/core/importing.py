"""What importing a spreadsheet will do, row by row: the plan that every app's importer fills in
(the binder, a student's people), that its preview page shows and that its commit writes.

Each importer reads the file with ``spreadsheets.read_rows``, decides for each row whether it is
*create*, *update* (with the fields that change), *skip* (nothing would change) or *error* (with
the column and a reason), and keeps what it needs to write the row on its own ``RowPlan``
subclass. The counts, the errors and the rule that one error stops the whole import live here,
and so do the preview and commit steps of the import's pages.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

ACTIONS = ("create", "update", "skip", "error")


@dataclass
class RowPlan:
    number: int
    name: str
    action: str = "create"  # create | update | skip | error
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column label, reason)
    changes: list[str] = field(default_factory=list)
    note: str = ""  # shown beside the row in the preview
    values: dict = field(default_factory=dict, repr=False)


Row = TypeVar("Row", bound=RowPlan)


@dataclass
class ImportPlan(Generic[Row]):
    rows: list[Row]
    ignored_columns: list[str]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in ACTIONS}

    @property
    def has_errors(self) -> bool:
        """An import is all or nothing: one row with an error and nothing is written."""
        return any(row.action == "error" for row in self.rows)

    def errors(self) -> Iterator[tuple[int, str, str]]:
        """(row number, column label, reason) for every error, in the file's order."""
        for row in self.rows:
            for column, reason in row.errors:
                yield row.number, column, reason


# The preview and commit steps of an import's pages, the same in every app that imports.

ROWS_PER_PAGE = 200


def import_preview_page(request, template: str, *, batch, plan: ImportPlan) -> HttpResponse:
    """The preview of an uploaded file: its plan's counts and errors, and a page of its rows."""
    rows = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batch": batch, "plan": plan, "rows": rows, "errors": list(plan.errors())}
    return render(request, template, context)


def import_commit_answer(
    request, commit: Callable[[], dict[str, int]], *, preview_url: str, done_url: str
) -> HttpResponse:
    """Run an import's ``commit`` and say how it went: on to ``done_url`` with the counts of what
    it wrote, or back to the preview with the reason it refused (a ValidationError, nothing
    written)."""
    try:
        counts = commit()
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(preview_url)
    messages.success(
        request,
        f"Imported: {counts['create']} added, {counts['update']} updated, "
        f"{counts['skip']} unchanged.",
    )
    return redirect(done_url)
