"""What the accounts app announces, for the apps above it that hold a student's data (it
imports none of them; each answers through apps.core.signals.answer in its ready())."""

from django.dispatch import Signal

# A copy of a student's data is asked for (``user``): each receiver returns its app's sections,
# {name: [rows]}.
personal_data_wanted = Signal()
# A student is closing their account (``user``), before it is deleted: each receiver ends what
# the student had open with other people.
account_closing = Signal()
# These students left long ago (``user_ids``): each receiver clears its app's private notes of
# theirs.
private_notes_expired = Signal()
