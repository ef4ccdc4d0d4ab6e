"""E-mail goes through one door.

``email_send`` renders a template triplet (``emails/<name>_subject.txt``, ``_body.txt``,
``_body.html``) and writes the message to the queue in the caller's transaction. Django's own
mail (``send_mail``, password resets) reaches the same queue through ``QueuedEmailBackend``.
``deliver_due`` is the worker's job that hands queued messages to the real backend.
"""

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection as database
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from .models import QueuedEmail
from .suppression import suppressed_among

logger = logging.getLogger(__name__)


def email_render(name: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Render the subject, text and HTML of the e-mail template triplet ``name``."""
    context = {"product_name": settings.PRODUCT_NAME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    text = render_to_string(f"emails/{name}_body.txt", context)
    html = render_to_string(f"emails/{name}_body.html", context)
    return subject, text, html


def email_send(
    *,
    name: str,
    to: Iterable[str],
    context: dict[str, Any],
    reply_to: Iterable[str] = (),
    headers: dict[str, str] | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
) -> QueuedEmail | None:
    """Queue the e-mail ``name`` for ``to``; the worker delivers it after the commit.

    Addresses that may not be written to (``apps.core.suppression``) are dropped first; with
    nobody left, nothing is queued and None is returned."""
    to = list(to)
    blocked = suppressed_among(to)
    if blocked:
        to = [address for address in to if address not in blocked]
        if not to:
            return None
    queued = email_build(
        name=name,
        to=to,
        context=context,
        reply_to=reply_to,
        headers=headers,
        attachments=attachments,
    )
    queued.save()
    return queued


def email_build(
    *,
    name: str,
    to: Iterable[str],
    context: dict[str, Any],
    reply_to: Iterable[str] = (),
    headers: dict[str, str] | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
) -> QueuedEmail:
    """The queued e-mail, not yet saved: for callers that queue many at once (bulk_create)."""
    subject, text, html = email_render(name, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to),
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return _queued(message)


def email_enqueue(message: EmailMessage) -> QueuedEmail:
    queued = _queued(message)
    queued.save()
    return queued


def _queued(message: EmailMessage) -> QueuedEmail:
    return QueuedEmail(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=message.recipients(),
        # Django's mail also takes lazy text; the columns keep it as text.
        subject=str(message.subject),
        body=str(message.body),
        # Django builds the MIME message; it is stored as it will be sent, so every attempt
        # sends the same bytes (and the same Message-ID).
        message=message.message().as_string(),
        next_attempt_at=timezone.now(),
    )


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND that queues instead of sending, so Django's own mail is queued too."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        with transaction.atomic():
            for message in email_messages:
                email_enqueue(message)
        return len(email_messages)


class _StoredMime:
    """The stored MIME text, in the shape Django's delivery backends read."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\r\n", "\n")

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self.as_string(linesep=linesep).encode("utf-8")

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.text.replace("\n", linesep)

    def get_charset(self) -> None:
        return None


class StoredEmailMessage(EmailMessage):
    """A queued e-mail rebuilt for delivery: the same bytes, and so the same Message-ID, each try."""

    def __init__(self, row: QueuedEmail) -> None:
        super().__init__(
            subject=row.subject, body=row.body, from_email=row.from_email, to=row.recipients
        )
        self.queued_id = row.pk
        self._mime = row.message

    def message(self) -> _StoredMime:
        return _StoredMime(self._mime)


class _Claims:
    """How workers share the queue, with the ORM.

    A worker claims a batch of due e-mails by pushing their next attempt a lease into the
    future, a lease stamped to the microsecond so it knows which rows it won (on PostgreSQL the
    rows are also locked with SKIP LOCKED while it claims, so two workers never wait on each
    other). It marks what it delivered sent in one durable commit, at the latest when the batch
    is done (see ``deliver_due``). A worker killed half-way leaves its unsent claims to come
    due again when the lease ends: nothing is lost, and only what it delivered since its last
    mark can go twice.
    """

    def __init__(self) -> None:
        self.lease = timedelta(seconds=settings.MAIL_CLAIM_SECONDS)

    def claim(self, size: int) -> list[QueuedEmail]:
        now = timezone.now()
        mine = now + self.lease
        with transaction.atomic():
            if database.vendor == "postgresql":
                # Walk the due index in order and stop at the batch. A burst of new mail
                # outruns the planner's statistics (autovacuum analyses the table only a while
                # later); believing few rows are due, it would fetch and sort every due row for
                # each batch, and a backlog of n e-mails would cost n² / batch.
                with database.cursor() as cursor:
                    cursor.execute("SET LOCAL enable_sort = off")
            due = (
                QueuedEmail.objects.due(now)
                .order_by("next_attempt_at", "id")
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:size]
            )
            ids = list(due)
            if not ids:
                return []
            # By key alone: the rows just read are locked (PostgreSQL) or the writer is alone
            # (SQLite's IMMEDIATE transactions), so none has changed; asked again whether they
            # are due, a planner may walk every due row's index entry to answer.
            QueuedEmail.objects.filter(pk__in=ids).update(next_attempt_at=mine)
        return list(QueuedEmail.objects.filter(pk__in=ids, next_attempt_at=mine).order_by("pk"))

    def mark_sent(self, emails: list[QueuedEmail]) -> None:
        """Record delivered e-mails as sent, in one commit however many there are. Those that
        name someone erased since they were queued (``forget_when_sent``, read now, not when
        claimed) are deleted instead of kept."""
        if not emails:
            return
        # By key alone: the claim keeps others off these rows, and a status condition lets a
        # planner without statistics read every queued row's index entry (as after a burst).
        delivered = QueuedEmail.objects.filter(pk__in=[e.pk for e in emails])
        with transaction.atomic():
            delivered.filter(forget_when_sent=True).delete()
            delivered.update(
                status=QueuedEmail.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
            )

    def release(self, emails: list[QueuedEmail]) -> None:
        """Hand back claimed e-mails this worker will not try: due again at once."""
        if emails:
            QueuedEmail.objects.filter(
                pk__in=[e.pk for e in emails], status=QueuedEmail.Status.QUEUED
            ).update(next_attempt_at=timezone.now())


# Delivered e-mails are marked sent together, at the latest this long after the first of them
# went: a commit per message would cost as much as building it, and a worker killed half-way
# repeats no more than this much of its mail (and never more than one claimed batch).
MARK_SENT_EVERY = timedelta(seconds=1)


def deliver_due(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Deliver due e-mails, a claimed batch at a time, until none is due or ``stop()`` says so.

    A batch goes through one connection of the delivery backend (one SMTP session), one
    message per call, so a refusal is recorded against that message alone and the others still
    go. ``stop()`` is asked before each message, so a worker told to stop finishes only the one
    in hand, marks what it delivered and hands the rest of its batch back. A batch is abandoned
    (and handed back) once half its lease has gone, so a slow mail server never lets a claim
    run out under a worker.
    """
    connection: BaseEmailBackend = get_connection(
        settings.MAIL_DELIVERY_BACKEND, fail_silently=False
    )
    claims = _Claims()
    handled = 0
    try:
        while not stop():
            batch = claims.claim(settings.MAIL_CLAIM_BATCH)
            if not batch:
                break
            handled += _deliver_batch(connection, claims, _drop_suppressed(batch), stop)
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a broken connection must not hide the real outcome
            logger.warning("closing the mail connection failed", exc_info=True)
    return handled


def _deliver_batch(
    connection: BaseEmailBackend,
    claims: _Claims,
    batch: list[QueuedEmail],
    stop: Callable[[], bool],
) -> int:
    deadline = timezone.now() + claims.lease / 2
    delivered: list[QueuedEmail] = []
    mark_by = deadline  # set afresh as the first e-mail of each mark goes
    tried = 0
    try:
        for position, email in enumerate(batch):
            now = timezone.now()
            if stop() or now > deadline:
                claims.release(batch[position:])
                break
            if delivered and now > mark_by:
                claims.mark_sent(delivered)
                delivered = []
            if _deliver(connection, email):
                mark_by = mark_by if delivered else now + MARK_SENT_EVERY
                delivered.append(email)
            tried += 1
    finally:
        # Whatever stopped the batch, what went out is recorded (an error here propagates).
        claims.mark_sent(delivered)
    return tried


def _drop_suppressed(batch: list[QueuedEmail]) -> list[QueuedEmail]:
    """The last door: an e-mail to an address that asked never to be contacted (or was
    erased) after it was queued is deleted here, whichever feature queued it."""
    blocked = suppressed_among({r.strip().lower() for e in batch for r in e.recipients})
    if not blocked:
        return batch
    doomed = [e for e in batch if blocked & {r.strip().lower() for r in e.recipients}]
    QueuedEmail.objects.filter(pk__in=[e.pk for e in doomed]).delete()
    logger.info("dropped %s e-mail(s) to suppressed addresses", len(doomed))
    return [e for e in batch if e not in doomed]


def _deliver(connection: BaseEmailBackend, email: QueuedEmail) -> bool:
    """Hand one e-mail to the backend; True if it went. A failure is recorded on its row."""
    try:
        connection.open()  # a no-op while the batch's connection is open
        if not connection.send_messages([StoredEmailMessage(email)]):
            raise RuntimeError("the mail backend accepted nothing")
    except Exception as exc:  # noqa: BLE001 - any delivery error is recorded and retried
        logger.warning("delivery of e-mail %s failed: %s", email.pk, exc)
        email.refresh_from_db()
        email.record_failure(f"{type(exc).__name__}: {exc}", timezone.now())
        if email.forget_when_sent and email.status == QueuedEmail.Status.FAILED:
            email.delete()
        # Go on with a fresh connection in case this one is broken.
        try:
            connection.close()
        except Exception:  # noqa: BLE001
            pass
        return False
    return True


def _delete_mail_to(address: str, emails: QuerySet[QueuedEmail]) -> int:
    """Delete the e-mails among ``emails`` addressed to ``address``. Recipients are a JSON
    list, which SQLite cannot search inside, so the match is made here; it runs only on an
    erasure or a "never again", never on a page."""
    address = address.strip().lower()
    doomed = [
        pk
        for pk, recipients in emails.values_list("pk", "recipients").iterator()
        if address in (r.strip().lower() for r in recipients)
    ]
    deleted, _ = QueuedEmail.objects.filter(pk__in=doomed).delete()
    return deleted


def email_forget(address: str) -> int:
    """Drop every queued, sent or failed e-mail to ``address`` (an erasure request): nothing
    more is sent to it, and no copy of what was sent stays behind."""
    return _delete_mail_to(address, QueuedEmail.objects.all())


def email_forget_mentions(needles: Iterable[str]) -> int:
    """Forget every e-mail whose subject or plain-text body names one of ``needles`` (an
    erased person's names and addresses), other people's notifications about them included.

    Mail already sent (or failed) is deleted, not edited, since the stored message may carry
    the text encoded. Mail still waiting is other people's news (a student's cancelled
    meeting, with its calendar CANCEL): it is delivered, then deleted instead of kept."""
    query = Q()
    for needle in (n.strip() for n in needles if n and len(n.strip()) >= 3):
        query |= Q(subject__icontains=needle) | Q(body__icontains=needle)
    if not query:
        return 0
    mentions = QueuedEmail.objects.filter(query)
    waiting = mentions.filter(status=QueuedEmail.Status.QUEUED).update(forget_when_sent=True)
    deleted, _ = mentions.exclude(status=QueuedEmail.Status.QUEUED).delete()
    return deleted + waiting


def email_cancel_queued(address: str) -> int:
    """Drop e-mail to ``address`` that has not gone yet: someone who asked never to be
    contacted again gets nothing more, not even what was queued a moment before."""
    return _delete_mail_to(address, QueuedEmail.objects.filter(status=QueuedEmail.Status.QUEUED))


def purge_sent(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Delivered e-mail is kept for MAIL_KEEP_DAYS (for support questions), then deleted:
    bodies hold personal data and one-use links. Runs at most hourly from the worker."""
    from .schedule import job_due

    if stop() or not job_due("core.purge-sent", every=timedelta(hours=1)):
        return 0
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS)
    deleted, _ = QueuedEmail.objects.filter(
        status=QueuedEmail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
