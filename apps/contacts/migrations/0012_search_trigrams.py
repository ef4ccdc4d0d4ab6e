"""A trigram index on the search's words (PostgreSQL's pg_trgm), for terms typed as
substrings; see Professional.Meta.indexes and apps/contacts/search.py."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

import apps.contacts.models


class Migration(migrations.Migration):
    dependencies = [("contacts", "0011_search_vector_declared")]

    operations = [
        TrigramExtension(),  # nothing on other databases
        migrations.AddIndex(
            model_name="professional",
            index=apps.contacts.models.WordIndex(
                fields=["search_text"], name="prof_search_trgm_idx", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
