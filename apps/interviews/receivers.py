"""The interviews app's answers to what the binder announces."""

from django.dispatch import receiver

from apps.contacts.models import Professional
from apps.contacts.signals import professional_status_changed, professionals_merged

from .models import Interview
from .services import withdraw_everything_for


@receiver(professional_status_changed, dispatch_uid="interviews.never_again")
def on_status_changed(sender, professional, old_status, new_status, **kwargs):
    if new_status == Professional.Status.DO_NOT_CONTACT:
        withdraw_everything_for(professional)


@receiver(professionals_merged, dispatch_uid="interviews.merge")
def on_merged(sender, kept, merged, **kwargs):
    # A student with open business with both entries keeps the one with the kept entry.
    for interview in Interview.objects.open().filter(professional=merged):
        if (
            Interview.objects.open()
            .filter(professional=kept, student=interview.student_id)
            .exists()
        ):
            Interview.objects.filter(pk=interview.pk).update(status=Interview.Status.WITHDRAWN)
    moved = Interview.objects.filter(professional=merged).update(professional=kept)
    return f"{moved} interview(s)" if moved else ""
