"""PostgreSQL: a GIN index over the professionals' searchable words (see apps/contacts/search.py).

SQLite gets its FTS5 table after every migrate instead, because SQLite table rebuilds drop
triggers.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS prof_search_gin_idx ON contacts_professional "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
)
DROP = "DROP INDEX IF EXISTS prof_search_gin_idx"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0002_seed_taxonomy")]
    operations = [migrations.RunPython(forwards, backwards)]
