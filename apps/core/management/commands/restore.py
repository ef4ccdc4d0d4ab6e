"""Restore a backup made by ``backup`` into the database that DATABASE_URL names.

Everything in that database is replaced. Restore into a fresh, empty database and point the
site at it once it is done, or stop the site and the worker first.
"""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ._database import postgres_command


class Command(BaseCommand):
    help = "Replace the database's contents with the backup in FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file: Path, yes=False, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        name = connection.settings_dict["NAME"]
        if not yes and input(f"Replace everything in {name} with {file}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        if connection.vendor == "sqlite":
            source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
            try:
                if source.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise CommandError(f"{file} is not an intact SQLite database.")
                connection.ensure_connection()
                source.backup(connection.connection)
            except sqlite3.DatabaseError as error:
                raise CommandError(f"{file} is not an SQLite backup: {error}") from error
            finally:
                source.close()
        elif connection.vendor == "postgresql":
            command, env = postgres_command(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
            )
            result = subprocess.run([*command, str(file)], env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        else:
            raise CommandError(f"No restore method for {connection.vendor}.")
        self.stdout.write(f"Restored {file} into {name}.")
