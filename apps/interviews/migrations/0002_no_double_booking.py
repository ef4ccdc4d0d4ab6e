"""PostgreSQL: the database itself refuses two confirmed interviews that overlap in time for
the same professional or the same student (exclusion constraints over tstzrange; btree_gist
lets an integer column share a GiST index with the range). Other databases rely on the row
locks in apps/interviews/services.py."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """ALTER TABLE interviews_interview ADD CONSTRAINT interview_no_overlap_professional
       EXCLUDE USING gist (professional_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
       WHERE (status = 'confirmed' AND starts_at IS NOT NULL)""",
    """ALTER TABLE interviews_interview ADD CONSTRAINT interview_no_overlap_student
       EXCLUDE USING gist (student_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
       WHERE (status = 'confirmed' AND starts_at IS NOT NULL)""",
]
DROP = [
    "ALTER TABLE interviews_interview DROP CONSTRAINT IF EXISTS interview_no_overlap_professional",
    "ALTER TABLE interviews_interview DROP CONSTRAINT IF EXISTS interview_no_overlap_student",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("interviews", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
