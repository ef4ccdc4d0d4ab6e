"""Yearly re-consent, and the binder's housekeeping pass for the worker."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from apps.core.mail import email_send
from apps.core.schedule import job_due

from ..models import (
    CONSENT_VALID_DAYS,
    BinderImport,
    Professional,
)
from .links import RECONSENT_GRACE_DAYS, STALE_IMPORT_DAYS, manage_link
from .status import professional_set_status
from .volunteers import volunteers_purge_unconfirmed

# --- Yearly re-consent -----------------------------------------------------------------------


def reconsent_request_due(*, now: datetime | None = None) -> int:
    """E-mail everyone whose consent is over a year old a link to confirm, update or leave."""
    now = now or timezone.now()
    due = (
        Professional.objects.consent_due(now)
        .filter(erased_at__isnull=True, reconsent_requested_at__isnull=True)
        # Only a consent that was given can lapse; staff record the first one themselves.
        .filter(consent_at__isnull=False)
        .exclude(email="")
        .exclude(status=Professional.Status.PENDING)
    )
    count = 0
    for professional in due.iterator():
        with transaction.atomic():
            # Claim the row as it is now, not as it was read: with two workers, only the one
            # whose update finds it still unasked sends the e-mail.
            claimed = Professional.objects.filter(
                pk=professional.pk, reconsent_requested_at__isnull=True
            ).update(reconsent_requested_at=now)
            if not claimed:
                continue
            professional.reconsent_requested_at = now
            email_send(
                name="reconsent",
                to=[professional.email],
                context={
                    "professional": professional,
                    "link": manage_link(professional),
                    "days": RECONSENT_GRACE_DAYS,
                },
            )
        count += 1
    return count


def reconsent_pause_unanswered(*, now: datetime | None = None) -> int:
    """No answer within the grace period: the professional is paused until they confirm."""
    now = now or timezone.now()
    lapsed = Professional.objects.filter(
        status=Professional.Status.ACTIVE,
        reconsent_requested_at__lte=now - timedelta(days=RECONSENT_GRACE_DAYS),
    ).filter(consent_at__lt=now - timedelta(days=CONSENT_VALID_DAYS))
    count = 0
    for professional in lapsed:
        professional_set_status(professional=professional, status=Professional.Status.PAUSED)
        count += 1
    return count


def imports_purge_stale(*, now: datetime | None = None) -> int:
    """Uploaded spreadsheets hold personal data: one never committed goes after a week."""
    now = now or timezone.now()
    deleted, _ = BinderImport.objects.filter(
        committed_at__isnull=True, created_at__lt=now - timedelta(days=STALE_IMPORT_DAYS)
    ).delete()
    return deleted


def binder_housekeeping_job(*, stop: Callable[[], bool] = lambda: False) -> int:
    """The worker's step for the binder: at most once an hour, however often it loops."""
    if stop() or not job_due("contacts.housekeeping", every=timedelta(hours=1)):
        return 0
    return (
        reconsent_request_due()
        + reconsent_pause_unanswered()
        + imports_purge_stale()
        + volunteers_purge_unconfirmed()
    )
