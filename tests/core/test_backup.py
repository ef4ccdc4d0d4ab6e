"""Backups restore: a backup of a live database, restored into a fresh one, has the same rows."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import Professional

from ..conftest import make_user
from ..support.database import database_url

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


def some_rows():
    make_user(email="kept@example.edu", full_name="Kept Student")
    Professional.objects.create(
        full_name="Zoë Kept",
        email="zoe@pro.example",
        status="active",
        consent_at=timezone.now(),
        consent_method="phone",
    )
    return sorted(User.objects.values_list("email", flat=True)), sorted(
        Professional.objects.values_list("full_name", flat=True)
    )


def manage(*args, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's online backup")
def test_sqlite_backup_restores_into_a_fresh_database(tmp_path):
    users, professionals = some_rows()
    backup = tmp_path / "careers.backup"
    call_command("backup", str(backup))
    fresh = tmp_path / "fresh.sqlite3"
    result = manage("restore", str(backup), "--yes", database_url=f"sqlite:///{fresh}")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(fresh) as restored:
        assert sorted(r[0] for r in restored.execute("SELECT email FROM accounts_user")) == users
        names = restored.execute("SELECT full_name FROM contacts_professional")
        assert sorted(r[0] for r in names) == professionals


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore")
def test_postgres_backup_restores_into_a_fresh_database(tmp_path):
    users, professionals = some_rows()
    backup = tmp_path / "careers.dump"
    call_command("backup", str(backup))
    fresh = f"{connection.settings_dict['NAME']}_restore"
    admin = psycopg.connect(database_url("postgres"), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        result = manage("restore", str(backup), "--yes", database_url=database_url(fresh))
        assert result.returncode == 0, result.stderr
        with psycopg.connect(database_url(fresh)) as restored:
            emails = restored.execute("SELECT email FROM accounts_user").fetchall()
            assert sorted(r[0] for r in emails) == users
            names = restored.execute("SELECT full_name FROM contacts_professional").fetchall()
            assert sorted(r[0] for r in names) == professionals
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        admin.close()


def test_backup_refuses_to_overwrite_and_restore_refuses_what_is_not_a_backup(tmp_path):
    existing = tmp_path / "there.backup"
    existing.write_text("already here")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))
    assert existing.read_text() == "already here"
    with pytest.raises(CommandError):
        call_command("restore", str(existing), "--yes")
    with pytest.raises(CommandError, match="There is no folder"):
        call_command("backup", str(tmp_path / "missing" / "new.backup"))
    with pytest.raises(CommandError, match="is not a file"):
        call_command("restore", str(tmp_path / "missing"), "--yes")
