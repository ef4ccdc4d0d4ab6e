"""An upload is parsed once and kept as the table read from it, instead of as its bytes."""

from django.db import migrations, models


def parse_waiting_uploads(apps, schema_editor):
    """Uploads still waiting for their commit keep what their file reads as; one that no longer
    reads (or was already committed) keeps an empty table, and its preview asks for the file
    again."""
    from apps.contacts.spreadsheets import SpreadsheetError, read_rows

    BinderImport = apps.get_model("contacts", "BinderImport")
    for batch in BinderImport.objects.filter(committed_at__isnull=True).iterator():
        content = bytes(batch.content or b"")
        if not content:
            continue
        try:
            batch.table = read_rows(batch.filename, content).as_json()
        except SpreadsheetError:
            continue
        batch.save(update_fields=["table"])


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0012_search_trigrams"),
    ]

    operations = [
        migrations.AddField(
            model_name="binderimport",
            name="table",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(parse_waiting_uploads, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="binderimport",
            name="content",
        ),
    ]
