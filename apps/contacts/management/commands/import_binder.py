"""Import professionals from a CSV or XLSX file, all or nothing.

    python manage.py import_binder binder.xlsx --dry-run

Prints a progress bar while checking, then the plan's counts. When any row is wrong it prints
every error (row, column, reason), writes nothing, and exits with status 1.
"""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from apps.contacts.importing import import_commit, import_plan
from apps.contacts.spreadsheets import SpreadsheetError, read_upload


class Command(BaseCommand):
    help = "Import the binder from a spreadsheet (CSV or XLSX); all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; write nothing."
        )

    def progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rChecking rows [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            with file.open("rb") as handle:
                table = read_upload(File(handle, name=file.name))
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except SpreadsheetError as error:
            raise CommandError(str(error)) from None
        plan = import_plan(table, progress=self.progress)
        counts = plan.counts
        self.stdout.write(
            f"{counts['create']} to add, {counts['update']} to update, "
            f"{counts['skip']} unchanged, {counts['error']} with errors."
        )
        if plan.ignored_columns:
            self.stdout.write(f"Ignored columns: {', '.join(plan.ignored_columns)}")
        if plan.has_errors:
            for number, column, reason in plan.errors():
                self.stderr.write(f"row {number}, {column}: {reason}")
            raise CommandError("Nothing was imported: fix the rows above and run again.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        try:
            import_commit(table)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        self.stdout.write(self.style.SUCCESS("Imported."))
