"""Back up the whole database to one file, while the site keeps running.

PostgreSQL: ``pg_dump`` in its custom format (compressed; restore with ``restore`` or
``pg_restore``). SQLite: SQLite's online backup, a consistent copy of the live file.
"""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ._database import postgres_command


class Command(BaseCommand):
    help = "Back up the database to FILE (pg_dump custom format, or an SQLite copy)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if file.exists():
            raise CommandError(f"{file} already exists; choose a new name for each backup.")
        if not file.parent.is_dir():
            raise CommandError(f"There is no folder {file.parent}; create it first.")
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(file)
            try:
                with target:
                    connection.connection.backup(target)
            finally:
                target.close()
        elif connection.vendor == "postgresql":
            command, env = postgres_command("pg_dump", "--format=custom", "--no-owner")
            result = subprocess.run(
                [*command, "--file", str(file)], env=env, capture_output=True, text=True
            )
            if result.returncode != 0:
                file.unlink(missing_ok=True)
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        else:
            raise CommandError(f"No backup method for {connection.vendor}.")
        self.stdout.write(f"Backed up to {file} ({file.stat().st_size:,} bytes).")
