from django.db import migrations

from apps.questions.seeding import load_curated_banks


def load(apps, schema_editor):
    load_curated_banks(
        apps.get_model("questions", "QuestionBank"),
        apps.get_model("questions", "Question"),
        apps.get_model("contacts", "Industry"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("contacts", "0002_seed_taxonomy"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
