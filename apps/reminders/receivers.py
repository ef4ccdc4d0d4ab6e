"""The reminders app's answers to what the interviews app and the binder announce."""

from django.dispatch import receiver

from apps.contacts.models import Professional
from apps.contacts.signals import (
    professional_erased,
    professional_status_changed,
    professionals_merged,
)
from apps.interviews.models import Interview
from apps.interviews.signals import (
    interview_delivered,
    interview_followed_up,
    interview_recorded,
    interview_status_changed,
)

from . import services
from .models import Reminder

Status = Interview.Status
ENDED = {Status.CANCELLED, Status.WITHDRAWN, Status.EXPIRED, Status.NO_SHOW}


@receiver(interview_status_changed, dispatch_uid="reminders.interview_status")
def on_interview_status(sender, interview, old_status, new_status, **kwargs):
    if new_status == Status.REQUESTED:
        services.cancel_for_interview(
            interview, [Reminder.Kind.PREPARE, Reminder.Kind.DAY_BEFORE, Reminder.Kind.THANK_YOU]
        )
        services.on_interview_requested(interview)
    elif new_status == Status.CONFIRMED:
        services.on_interview_confirmed(interview)
    elif new_status == Status.DECLINED:
        services.cancel_for_interview(interview)
        if interview.professional is not None:  # only the binder's professionals decline here
            services.cancel_for_professional(interview.professional, student=interview.student)
    elif new_status in ENDED:
        services.cancel_for_interview(interview)
    elif new_status == Status.COMPLETED and interview.format == Interview.Format.EMAIL:
        services.on_interview_recorded(interview)  # written answers count as the conversation


@receiver(interview_delivered, dispatch_uid="reminders.delivered")
def on_delivered(sender, interview, **kwargs):
    services.on_interview_requested(interview)


@receiver(interview_followed_up, dispatch_uid="reminders.followed_up")
def on_followed_up(sender, interview, **kwargs):
    Reminder.objects.pending().filter(interview=interview, kind=Reminder.Kind.NO_ANSWER).update(
        state=Reminder.State.DONE
    )


@receiver(interview_recorded, dispatch_uid="reminders.recorded")
def on_recorded(sender, interview, **kwargs):
    services.on_interview_recorded(interview)


@receiver(professional_status_changed, dispatch_uid="reminders.never_again")
def on_professional_status(sender, professional, old_status, new_status, **kwargs):
    # Left the binder, or "never": nothing more prompts a student to write to them.
    if new_status in (Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED):
        services.cancel_for_professional(professional)


@receiver(professionals_merged, dispatch_uid="reminders.merge")
def on_merged(sender, kept, merged, **kwargs):
    return services.reminders_merge(kept=kept, merged=merged)


@receiver(professional_erased, dispatch_uid="reminders.erased")
def on_erased(sender, professional, names, **kwargs):
    services.reminders_erase_mentions(professional=professional, names=names)
