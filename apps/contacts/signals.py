"""What the binder announces to the apps above it (interviews, reminders).

Each is sent by a service inside its transaction, so a receiver's work commits or rolls back
with the change itself.
"""

from django.dispatch import Signal

# A professional's status changed; kwargs: professional, old_status, new_status.
# do_not_contact means "never again": open requests are withdrawn and reminders stop.
professional_status_changed = Signal()

# A professional's personal data was erased; kwargs: professional, names (the names they
# were known by, now gone from the entry, so receivers can remove them from their own rows).
professional_erased = Signal()

# Two binder entries were merged; kwargs: kept, merged (not yet deleted). Receivers move the
# rows they attach to ``merged`` over to ``kept`` and return a short label for the record.
professionals_merged = Signal()
