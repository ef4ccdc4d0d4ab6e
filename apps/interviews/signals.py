"""What the interviews app announces to the apps above it (reminders).

Sent by services inside their transaction, so a receiver's work commits or rolls back with it.
"""

from django.dispatch import Signal

# Any state change; kwargs: interview, old_status, new_status.
interview_status_changed = Signal()

# The one polite follow-up was sent; kwargs: interview.
interview_followed_up = Signal()

# The student saved the record of a held interview; kwargs: interview.
interview_recorded = Signal()

# The request e-mail reached the professional (at once, or later from the weekly line);
# kwargs: interview.
interview_delivered = Signal()
