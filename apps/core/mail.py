"""E-mail goes through one door.

``email_send`` renders a template triplet (``emails/<name>_subject.txt``, ``_body.txt``,
``_body.html``) and writes the message to the queue in the caller's transaction. Django's own
mail (``send_mail``, password resets) reaches the same queue through ``QueuedEmailBackend``.
``deliver_due`` is the worker's job that hands queued messages to the real backend.
"""

import json
import logging
import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection as db_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import QueuedEmail

logger = logging.getLogger(__name__)


def email_render(name: str, context: dict) -> tuple[str, str, str]:
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
    context: dict,
    reply_to: Iterable[str] = (),
    headers: dict | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
) -> QueuedEmail:
    """Queue the e-mail ``name`` for ``to``; the worker delivers it after the commit."""
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
    context: dict,
    reply_to: Iterable[str] = (),
    headers: dict | None = None,
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
    mime = message.message()
    if mime.is_multipart():
        # A random boundary of our own spares the generator its costly search for one that
        # appears nowhere in the text (a third of the time spent queueing an e-mail).
        mime.set_boundary(f"=={uuid.uuid4().hex}==")
    return QueuedEmail(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=message.recipients(),
        subject=message.subject,
        body=message.body,
        message=mime.as_string(),
        next_attempt_at=timezone.now(),
    )


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND that queues instead of sending, so Django's own mail is queued too."""

    def send_messages(self, email_messages):
        with transaction.atomic():
            for message in email_messages:
                email_enqueue(message)
        return len(email_messages)


class _StoredMime:
    """The stored MIME text, in the shape Django's delivery backends read."""

    def __init__(self, text: str):
        self.text = text.replace("\r\n", "\n")

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.as_string(linesep=linesep).encode("utf-8")

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.text.replace("\n", linesep)

    def get_charset(self):
        return None


class StoredEmailMessage(EmailMessage):
    """A queued e-mail rebuilt for delivery: the same bytes, and so the same Message-ID, each try."""

    def __init__(self, row: QueuedEmail):
        super().__init__(
            subject=row.subject, body=row.body, from_email=row.from_email, to=row.recipients
        )
        self.queued_id = row.pk
        self._mime = row.message

    def message(self):
        return _StoredMime(self._mime)


class _NextDue:
    """The worker's hot query, compiled once per pass instead of once per message: claiming
    the next due e-mail is then one plain statement (the ORM's per-query compilation was half
    of the delivery time)."""

    COLUMNS = ["pk", "from_email", "recipients", "subject", "body", "message", "attempts"]

    def __init__(self):
        marker = timezone.now()
        queryset = (
            QueuedEmail.objects.due(marker)
            .select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list(*self.COLUMNS)[:1]
        )
        with transaction.atomic():  # FOR UPDATE compiles only inside a transaction
            self.sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        adapted = db_connection.ops.adapt_datetimefield_value(marker)
        self.params = list(params)
        self.now_at = self.params.index(adapted)

    def fetch(self):
        params = list(self.params)
        params[self.now_at] = db_connection.ops.adapt_datetimefield_value(timezone.now())
        with db_connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        values = dict(zip(self.COLUMNS, row, strict=True))
        if isinstance(values["recipients"], str):
            values["recipients"] = json.loads(values["recipients"])
        return QueuedEmail(**values)


def deliver_due(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Deliver due e-mails one by one until none is due or ``stop()`` says so.

    Each e-mail is claimed with a row lock that other workers skip, delivered, and marked sent
    in the same transaction. A worker killed half-way releases its lock with its connection:
    the e-mail it held stays queued, so nothing is lost and at most that one is sent twice.
    """
    connection = get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False)
    next_due = _NextDue()
    handled = 0
    try:
        while not stop():
            if not _deliver_next(connection, next_due):
                break
            handled += 1
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a broken connection must not hide the real outcome
            logger.warning("closing the mail connection failed", exc_info=True)
    return handled


def _deliver_next(connection, next_due: _NextDue) -> bool:
    with transaction.atomic():
        if db_connection.vendor == "postgresql":
            # Do not wait for this commit to reach the disk: a crash of the database server
            # (not of this worker) could forget the last few "sent" marks and send those again;
            # waiting for the disk on every message would make delivery several times slower.
            with db_connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        row = next_due.fetch()
        if row is None:
            return False
        try:
            if not connection.send_messages([StoredEmailMessage(row)]):
                raise RuntimeError("the mail backend accepted nothing")
        except Exception as exc:  # noqa: BLE001 - any delivery error is recorded and retried
            logger.warning("delivery of e-mail %s failed: %s", row.pk, exc)
            row.refresh_from_db()
            row.record_failure(f"{type(exc).__name__}: {exc}", timezone.now())
            # Start the next message on a fresh connection in case this one is broken.
            try:
                connection.close()
            except Exception:  # noqa: BLE001
                pass
        else:
            QueuedEmail.objects.filter(pk=row.pk).update(
                status=QueuedEmail.Status.SENT, sent_at=timezone.now(), attempts=row.attempts + 1
            )
    return True


def _delete_mail_to(address: str, emails) -> int:
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


def email_cancel_queued(address: str) -> int:
    """Drop e-mail to ``address`` that has not gone yet: someone who asked never to be
    contacted again gets nothing more, not even what was queued a moment before."""
    return _delete_mail_to(address, QueuedEmail.objects.filter(status=QueuedEmail.Status.QUEUED))


def purge_sent(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Delivered e-mail is kept for MAIL_KEEP_DAYS (for support questions), then deleted:
    bodies hold personal data and one-use links. Runs at most hourly from the worker."""
    from .ratelimit import rate_limit_allows

    if stop() or not rate_limit_allows("job:core.purge-sent", limit=1, window=timedelta(hours=1)):
        return 0
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS)
    deleted, _ = QueuedEmail.objects.filter(
        status=QueuedEmail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
