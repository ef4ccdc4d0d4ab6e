"""A digest of every row the product owns, to prove that a refused request changed nothing."""

import hashlib

from django.apps import apps
from django.db import connection

OWN_APPS = {
    "accounts",
    "contacts",
    "questions",
    "interviews",
    "reminders",
    "practice",
    "network",
    "core",
}
# Rows that refused requests legitimately write: rate-limit hits count refusals too.
IGNORED_TABLES = {"core_scheduledjob"}


def database_url(name: str | None = None) -> str:
    """DATABASE_URL for the database the tests use (or another database ``name`` on the same
    PostgreSQL server), for the processes a test starts."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{name or s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    return f"postgres://{s['USER']}{password}@{host}:{port}/{name or s['NAME']}"


def fingerprint() -> str:
    """Every row of every table the product owns."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if model._meta.app_label not in OWN_APPS or model._meta.db_table in IGNORED_TABLES:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()
