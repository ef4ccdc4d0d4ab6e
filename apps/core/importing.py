"""What importing a spreadsheet will do, row by row: the plan that every app's importer fills in
(the binder, a student's people), that its preview page shows and that its commit writes.

Each importer reads the file with ``spreadsheets.read_rows``, decides for each row whether it is
*create*, *update* (with the fields that change), *skip* (nothing would change) or *error* (with
the column and a reason), and keeps what it needs to write the row on its own ``RowPlan``
subclass. The counts, the errors and the rule that one error stops the whole import live here.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

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
