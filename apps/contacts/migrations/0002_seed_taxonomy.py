from django.db import migrations

from apps.contacts.taxonomy import INDUSTRIES, SOC_MAJOR_GROUPS


def seed(apps, schema_editor):
    Industry = apps.get_model("contacts", "Industry")
    Occupation = apps.get_model("contacts", "Occupation")
    for name in INDUSTRIES:
        Industry.objects.get_or_create(name=name)
    for code, name in SOC_MAJOR_GROUPS:
        Occupation.objects.get_or_create(name=name, defaults={"code": code})


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
