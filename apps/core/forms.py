from django import forms

from .models import QueuedEmail


class MailFilterForm(forms.Form):
    """Which outgoing e-mail staff want to see: every message, or those of one status."""

    status = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All e-mail"), *QueuedEmail.Status.choices],
    )
