"""The suppression list moves to core, where the mail door can consult it; the digests move
with it (the same key, so they still match), and every do-not-contact address joins it."""

from django.db import migrations
from django.utils.crypto import salted_hmac


def forwards(apps, schema_editor):
    Old = apps.get_model("contacts", "SuppressedAddress")
    New = apps.get_model("core", "SuppressedAddress")
    Professional = apps.get_model("contacts", "Professional")
    for row in Old.objects.all():
        New.objects.get_or_create(digest=row.digest, defaults={"reason": "erased"})
    for email in Professional.objects.filter(status="do_not_contact").exclude(email="").values_list(
        "email", flat=True
    ):
        digest = salted_hmac("contacts.suppressed-address", email.strip().lower()).hexdigest()
        New.objects.get_or_create(digest=digest, defaults={"reason": "never"})


def backwards(apps, schema_editor):
    Old = apps.get_model("contacts", "SuppressedAddress")
    New = apps.get_model("core", "SuppressedAddress")
    for digest in New.objects.values_list("digest", flat=True):
        Old.objects.get_or_create(digest=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0008_search_vector"),
        ("core", "0004_suppressed_address"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="SuppressedAddress"),
    ]
