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
from email.generator import Generator
from io import StringIO

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail import message as django_message
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import QueuedEmail
from .suppression import suppressed_among

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


class _Generator(Generator):
    """The standard MIME generator, with a short cut for the usual header: a short line of
    printable ASCII needs no folding or encoding, and writing it directly gives the same text
    as the standard fold for a fraction of the cost (folding was a third of the time spent
    queueing a reminder). Anything else takes the standard path."""

    def _write_headers(self, msg):
        for name, value in msg.raw_items():
            line = _header_line(name, value)
            if line is None:
                self.write(self.policy.fold(name, value))
            else:
                self.write(line.replace("\n", self._NL))
        self.write(self._NL)


def mime_text(mime) -> str:
    """A MIME message as text, as Django's ``as_string`` would write it."""
    buffer = StringIO()
    _Generator(buffer, mangle_from_=False).flatten(mime, unixfrom=False, linesep="\n")
    return buffer.getvalue()


def _header_line(name: str, value) -> str | None:
    """The header as the standard generator folds it, for the two simple shapes: a line that
    fits, or one long word (a link) that goes on a continuation line of its own."""
    if not isinstance(value, str) or not value.isascii() or not value.isprintable():
        return None
    if value.strip() != value:
        return None
    if len(name) + 2 + len(value) <= 78:
        return f"{name}: {value}\n"
    if not any(mark in value for mark in " ;,") and len(value) < 990:
        return f"{name}: \n {value}\n"
    return None


def _plain_body(text) -> bool:
    if not isinstance(text, str) or not text or "\r" in text:
        return False
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(encoded) <= 998 or all(len(line) <= 998 for line in encoded.split(b"\n"))


_OWN_HEADERS = {"from", "to", "cc", "reply-to", "date", "message-id"}


def fast_mime_text(message: EmailMessage, boundary: str) -> str | None:
    """The text Django would write for the everyday e-mail (a short ASCII subject and
    addresses, a text body with one HTML alternative, nothing attached), written directly;
    None for anything else, which takes Django's path. Building the MIME tree and folding it
    was most of the cost of queueing a reminder; a property test holds the two to the same
    bytes."""
    if (
        type(message) is not EmailMultiAlternatives
        or message.cc
        or message.bcc
        or message.attachments
        or message.encoding not in (None, "utf-8")
        or settings.DEFAULT_CHARSET != "utf-8"
        or message.alternative_subtype != "alternative"
        or len(message.alternatives) != 1
        or message.alternatives[0].mimetype != "text/html"
        or any(name.lower() in _OWN_HEADERS for name in message.extra_headers)
        or not 32 <= len(boundary) <= 70  # long enough that Django folds its header line
    ):
        return None
    html = message.alternatives[0].content
    if not (_plain_body(message.body) and _plain_body(html)):
        return None
    headers = [
        ("Subject", message.subject),
        ("From", message.from_email),
        ("To", ", ".join(str(to) for to in message.to)),
    ]
    if message.reply_to:
        headers.append(("Reply-To", ", ".join(str(r) for r in message.reply_to)))
    headers.append(("Date", django_message.formatdate(localtime=settings.EMAIL_USE_LOCALTIME)))
    headers.append(("Message-ID", django_message.make_msgid(domain=django_message.DNS_NAME)))
    headers.extend(message.extra_headers.items())
    lines = [_header_line(name, value) for name, value in headers]
    if not message.to or None in lines:
        return None

    def part(subtype: str, text: str) -> str:
        encoding = "7bit" if text.isascii() else "8bit"
        return (
            f'Content-Type: text/{subtype}; charset="utf-8"\nMIME-Version: 1.0\n'
            f"Content-Transfer-Encoding: {encoding}\n\n{text}"
        )

    head = "".join(lines)
    return (
        f'Content-Type: multipart/alternative;\n boundary="{boundary}"\nMIME-Version: 1.0\n'
        f"{head}\n--{boundary}\n{part('plain', message.body)}\n--{boundary}\n"
        f"{part('html', html)}\n--{boundary}--\n"
    )


def _boundary() -> str:
    # A random boundary of our own spares the generator its costly search for one that
    # appears nowhere in the text.
    return f"=={uuid.uuid4().hex}=="


def _mime_of(message: EmailMessage) -> str:
    boundary = _boundary()
    text = fast_mime_text(message, boundary)
    if text is None:
        mime = message.message()
        if mime.is_multipart():
            mime.set_boundary(boundary)
        text = mime_text(mime)
    return text


def _queued(message: EmailMessage) -> QueuedEmail:
    return QueuedEmail(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        recipients=message.recipients(),
        subject=message.subject,
        body=message.body,
        message=_mime_of(message),
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


class _Claims:
    """The worker's hot statements, written once per pass in plain SQL.

    A worker claims a batch of due e-mails with one statement that pushes their next attempt a
    lease into the future (other workers skip rows another is claiming), then marks each sent
    with one statement of its own as soon as it is delivered. A worker killed half-way leaves
    its unsent claims to come due again when the lease ends: nothing is lost, and only the one
    e-mail it had in hand can go twice. Going through the ORM for each message cost more than
    the delivery itself.
    """

    COLUMNS = ("id", "from_email", "recipients", "subject", "body", "message", "attempts")

    def __init__(self):
        quote = db_connection.ops.quote_name
        table = quote(QueuedEmail._meta.db_table)
        lock = (
            " FOR UPDATE SKIP LOCKED"
            if db_connection.features.has_select_for_update_skip_locked
            else ""
        )
        columns = ", ".join(quote(c) for c in self.COLUMNS)
        self.claim_sql = (
            f"UPDATE {table} SET next_attempt_at = %s WHERE id IN ("
            f"SELECT id FROM {table} WHERE status = %s AND next_attempt_at <= %s"
            f" ORDER BY next_attempt_at, id LIMIT %s{lock}) RETURNING {columns}"
        )
        self.sent_sql = (
            f"UPDATE {table} SET status = %s, sent_at = %s, attempts = attempts + 1"
            f" WHERE id = %s AND status = %s"
        )
        self.release_sql = f"UPDATE {table} SET next_attempt_at = %s WHERE status = %s AND id IN "
        self.lease = timedelta(seconds=settings.MAIL_CLAIM_SECONDS)

    @staticmethod
    def _at(moment):
        return db_connection.ops.adapt_datetimefield_value(moment)

    def claim(self, size: int) -> list[QueuedEmail]:
        now = timezone.now()
        with db_connection.cursor() as cursor:
            cursor.execute(
                self.claim_sql,
                [self._at(now + self.lease), QueuedEmail.Status.QUEUED, self._at(now), size],
            )
            rows = cursor.fetchall()
        claimed = []
        for row in rows:
            values = dict(zip(self.COLUMNS, row, strict=True))
            if isinstance(values["recipients"], str):
                values["recipients"] = json.loads(values["recipients"])
            claimed.append(QueuedEmail(**values))
        claimed.sort(key=lambda email: email.pk)
        return claimed

    def mark_sent(self, email: QueuedEmail) -> None:
        with db_connection.cursor() as cursor:
            cursor.execute(
                self.sent_sql,
                [
                    QueuedEmail.Status.SENT,
                    self._at(timezone.now()),
                    email.pk,
                    QueuedEmail.Status.QUEUED,
                ],
            )

    def release(self, emails: list[QueuedEmail]) -> None:
        """Hand back claimed e-mails this worker will not try: due again at once."""
        if not emails:
            return
        marks = ", ".join(["%s"] * len(emails))
        with db_connection.cursor() as cursor:
            cursor.execute(
                f"{self.release_sql}({marks})",
                [self._at(timezone.now()), QueuedEmail.Status.QUEUED, *(e.pk for e in emails)],
            )


def deliver_due(*, stop: Callable[[], bool] = lambda: False) -> int:
    """Deliver due e-mails, a claimed batch at a time, until none is due or ``stop()`` says so.

    ``stop()`` is asked before each message, so a worker told to stop finishes only the one in
    hand and hands the rest of its batch back. A batch is abandoned (and handed back) once half
    its lease has gone, so a slow mail server never lets a claim run out under a worker.
    """
    connection = get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False)
    claims = _Claims()
    handled = 0
    postgres = db_connection.vendor == "postgresql" and not db_connection.in_atomic_block
    if postgres:
        # Do not wait for each "sent" mark to reach the disk: a crash of the database server
        # (not of this worker) could forget the last few marks and send those again; waiting
        # for the disk on every message would make delivery several times slower.
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        while not stop():
            batch = claims.claim(settings.MAIL_CLAIM_BATCH)
            if not batch:
                break
            deadline = timezone.now() + claims.lease / 2
            batch = _drop_suppressed(batch)
            for position, email in enumerate(batch):
                if stop() or timezone.now() > deadline:
                    claims.release(batch[position:])
                    break
                _deliver(connection, claims, email)
                handled += 1
    finally:
        if postgres:
            with db_connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO DEFAULT")
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a broken connection must not hide the real outcome
            logger.warning("closing the mail connection failed", exc_info=True)
    return handled


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


def _deliver(connection, claims: _Claims, email: QueuedEmail) -> None:
    try:
        if not connection.send_messages([StoredEmailMessage(email)]):
            raise RuntimeError("the mail backend accepted nothing")
    except Exception as exc:  # noqa: BLE001 - any delivery error is recorded and retried
        logger.warning("delivery of e-mail %s failed: %s", email.pk, exc)
        email.refresh_from_db()
        email.record_failure(f"{type(exc).__name__}: {exc}", timezone.now())
        # Start the next message on a fresh connection in case this one is broken.
        try:
            connection.close()
        except Exception:  # noqa: BLE001
            pass
    else:
        claims.mark_sent(email)


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


def email_forget_mentions(needles: Iterable[str]) -> int:
    """Delete every e-mail whose subject or plain-text body names one of ``needles`` (an
    erased person's names and addresses): other people's notifications about them included.
    Deleted rather than edited, since the stored message may carry the text encoded."""
    query = Q()
    for needle in (n.strip() for n in needles if n and len(n.strip()) >= 3):
        query |= Q(subject__icontains=needle) | Q(body__icontains=needle)
    if not query:
        return 0
    deleted, _ = QueuedEmail.objects.filter(query).delete()
    return deleted


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
