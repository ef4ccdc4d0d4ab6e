"""The search's words become a declared field: a generated tsvector with a GIN index.

Until now PostgreSQL kept an undeclared ``search_vector`` column and index made by raw SQL
(0008), and SQLite an FTS5 table with triggers re-made after every migrate. Both go: the model
declares the column (apps.contacts.models.SearchableWords) and its index, and SQLite searches
``search_text`` itself (apps/contacts/search.py).
"""

import django.contrib.postgres.search
from django.db import migrations, models

import apps.contacts.models

POSTGRESQL = [
    "DROP INDEX IF EXISTS prof_search_vector_idx",
    "ALTER TABLE contacts_professional DROP COLUMN IF EXISTS search_vector",
]
SQLITE = [
    "DROP TRIGGER IF EXISTS contacts_professional_fts_ai",
    "DROP TRIGGER IF EXISTS contacts_professional_fts_ad",
    "DROP TRIGGER IF EXISTS contacts_professional_fts_au",
    "DROP TABLE IF EXISTS contacts_professional_fts",
]


def drop_undeclared(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0010_consent_before_visibility")]

    operations = [
        # Going back leaves the declared column's removal to the operations below; the old
        # undeclared forms are not made again.
        migrations.RunPython(drop_undeclared, migrations.RunPython.noop),
        migrations.AddField(
            model_name="professional",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.contacts.models.SearchableWords("search_text", config="simple"),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddIndex(
            model_name="professional",
            index=apps.contacts.models.WordIndex(
                fields=["search_vector"], name="prof_search_vector_idx"
            ),
        ),
    ]
