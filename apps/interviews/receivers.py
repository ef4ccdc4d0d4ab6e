"""The interviews app's answers to what the binder announces."""

from django.dispatch import receiver

from apps.contacts.models import Professional
from apps.contacts.signals import (
    professional_erased,
    professional_status_changed,
    professionals_merged,
)

from .services import interviews_erase_mentions, interviews_merge, withdraw_everything_for


@receiver(professional_status_changed, dispatch_uid="interviews.never_again")
def on_status_changed(sender, professional, old_status, new_status, **kwargs):
    # "Leave" (retired), "never contact me" and erasure end every conversation.
    if new_status in (Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED):
        withdraw_everything_for(professional)


@receiver(professionals_merged, dispatch_uid="interviews.merge")
def on_merged(sender, kept, merged, **kwargs):
    return interviews_merge(kept=kept, merged=merged)


@receiver(professional_erased, dispatch_uid="interviews.erased")
def on_erased(sender, professional, names, **kwargs):
    interviews_erase_mentions(professional=professional, names=names)
