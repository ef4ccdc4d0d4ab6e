"""PostgreSQL: the searchable words stored as a tsvector column with its own GIN index.

The expression index of 0003 made PostgreSQL work out ``to_tsvector`` again for every row it
rechecked: a broad search such as "pro" over 20,000 professionals rechecked them all (9 ms).
A stored, generated column is worked out once per save, and ANALYZE keeps statistics on its
words, which the planner uses to tell a rare word from a common one. The column is not in the
model: only the search (apps/contacts/search.py) reads it, and PostgreSQL keeps it up to date.
SQLite keeps its FTS5 table instead.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE contacts_professional ADD COLUMN IF NOT EXISTS search_vector tsvector"
    " GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS prof_search_vector_idx ON contacts_professional"
    " USING gin (search_vector)",
    "DROP INDEX IF EXISTS prof_search_gin_idx",
    "ANALYZE contacts_professional",
]
BACKWARDS = [
    "CREATE INDEX IF NOT EXISTS prof_search_gin_idx ON contacts_professional "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))",
    "DROP INDEX IF EXISTS prof_search_vector_idx",
    "ALTER TABLE contacts_professional DROP COLUMN IF EXISTS search_vector",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0007_professional_name_index")]
    operations = [migrations.RunPython(forwards, backwards)]
