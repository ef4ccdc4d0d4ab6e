"""A professional tells staff, through their link, that the student did not come or that
something worried them. The report is a row with the conversation, kept from the student."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Interview, ProfessionalReport

Kind = ProfessionalReport.Kind
Status = Interview.Status

# The states a professional's link can be in when they report: asked, or booked.
REPORTABLE = (Status.REQUESTED, Status.CONFIRMED)


def report_file(*, interview: Interview, kind: str, text: str) -> ProfessionalReport:
    """Keep the professional's report for staff; refuse it, changing nothing, when it cannot
    be true yet (a no-show before the time) or says nothing (a concern without words)."""
    text = text.strip()
    if kind not in Kind.values:
        raise ValidationError("Choose what you are reporting: a no-show or a concern.")
    if interview.status not in REPORTABLE:
        raise ValidationError("This conversation can no longer be reported on from this link.")
    if kind == Kind.NO_SHOW:
        if interview.status != Status.CONFIRMED or interview.starts_at is None:
            raise ValidationError("A no-show can only be reported for a booked conversation.")
        if interview.starts_at > timezone.now():
            raise ValidationError(
                "The conversation has not started yet: you can report that the student did "
                "not come once its time has passed."
            )
    elif not text:
        raise ValidationError("Say what happened, so the career centre can follow it up.")
    with transaction.atomic():
        if (
            kind == Kind.NO_SHOW
            and ProfessionalReport.objects.filter(interview=interview, kind=kind).exists()
        ):
            raise ValidationError("You have already told us the student did not come. Thank you.")
        return ProfessionalReport.objects.create(interview=interview, kind=kind, text=text)
