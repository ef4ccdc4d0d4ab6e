"""A student's rights over their own data: a copy of everything (download my data), closing
the account (delete my account), and the retention rule that clears private notes some time
after a student leaves. Each app above says what it holds by answering the signals in
``apps.accounts.signals``, so accounts imports none of them."""

import logging
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from apps.core.mail import email_forget
from apps.core.privacy import collect, rows, zip_of
from apps.core.signals import answers

from .models import StudentProfile, User
from .signals import account_closing, personal_data_wanted, private_notes_expired

logger = logging.getLogger(__name__)


def personal_data(user: User) -> dict:
    return {
        "profile": rows(
            User.objects.filter(pk=user.pk),
            "email",
            "full_name",
            "role",
            "time_zone",
            "date_joined",
            "last_login",
            "email_confirmed_at",
            "left_at",
        ),
        "studies": rows(
            StudentProfile.objects.filter(user=user),
            "programme",
            "graduation_year",
            "career_interests",
            "linkedin_url",
            "portfolio_url",
        ),
    }


def my_data_zip(user: User) -> bytes:
    parts = [personal_data(user), *answers(personal_data_wanted, user=user)]
    return zip_of(collect(parts), product_name=settings.PRODUCT_NAME)


def account_pseudonym(pk: int) -> str:
    """How the logs name a closed account: a keyed hash of its id. Lines about one account
    match each other, but without the SECRET_KEY they do not lead back to a row in a backup,
    and nothing in them names the person."""
    return salted_hmac("apps.accounts.account_pseudonym", str(pk)).hexdigest()[:16]


def sign_in_records_forget(email: str) -> int:
    """Delete django-axes' records under this address: each sign-in (with its network address
    and browser), each failure counted towards a pause, and the failure log. Any case: the
    admin's sign-in form keeps the address as it was typed."""
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        count, _ = model.objects.filter(username__iexact=email).delete()
        deleted += count
    return deleted


def account_delete(user: User, *, by: User | None = None) -> None:
    """Close the account for good, in one transaction: professionals are told of anything
    cancelled, then the person, their notes and everything that is only theirs are deleted,
    with any e-mail to them still waiting or kept and the records of their sign-ins. ``by`` is
    the member of staff who closed it, when it was not the person themself."""
    # Worked out first: after delete() the instance's pk is None.
    pseudonym = account_pseudonym(user.pk)
    closer = None if by is None or by.pk == user.pk else by.pk
    with transaction.atomic():
        answers(account_closing, user=user)
        email_forget(user.email)
        sign_in_records_forget(user.email)
        user.delete()
    if closer is None:
        logger.info("account %s closed by its owner", pseudonym)
    else:
        logger.info("account %s closed by staff account %s", pseudonym, closer)


def purge_notes_of_leavers(*, stop=lambda: False) -> int:
    """Worker job: clear the private notes of students who left more than
    STUDENT_NOTES_RETENTION_DAYS ago (once each)."""
    cutoff = timezone.now() - timedelta(days=settings.STUDENT_NOTES_RETENTION_DAYS)
    due = list(
        User.objects.filter(
            left_at__lte=cutoff, notes_purged_at__isnull=True, role=User.Role.STUDENT
        ).values_list("pk", flat=True)[:500]
    )
    if not due or stop():
        return 0
    with transaction.atomic():
        answers(private_notes_expired, user_ids=due)
        User.objects.filter(pk__in=due).update(notes_purged_at=timezone.now())
    return len(due)
