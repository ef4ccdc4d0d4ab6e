"""Delivery a claimed batch at a time: one backend connection and one 'sent' commit for the
batch, a refusal recorded against its own message, and nothing lost or sent twice."""

from datetime import timedelta
from smtplib import SMTPRecipientsRefused

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.mail import deliver_due, email_forget_mentions, email_send
from apps.core.models import QueuedEmail
from apps.core.suppression import suppress

pytestmark = pytest.mark.django_db


class Backend(LocmemBackend):
    """locmem that counts the connections it opens, can refuse one address, and runs a hook
    before each message it accepts (for what happens while a batch is in hand)."""

    opened = 0
    refuse = None
    before_each = None

    def open(self):
        if getattr(self, "_is_open", False):
            return False
        type(self).opened += 1
        self._is_open = True
        return True

    def close(self):
        self._is_open = False

    def send_messages(self, messages):
        for message in messages:
            if self.refuse in message.to:
                raise SMTPRecipientsRefused({self.refuse: (550, b"No such user")})
            if type(self).before_each:
                type(self).before_each(message)
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def backend(settings):
    settings.MAIL_DELIVERY_BACKEND = f"{__name__}.Backend"
    settings.MAIL_CLAIM_BATCH = 50
    Backend.opened, Backend.refuse, Backend.before_each = 0, None, None
    yield Backend
    Backend.before_each = None


def queue(count, *, prefix="r", link="x"):
    for n in range(count):
        email_send(name="confirm_email", to=[f"{prefix}{n:03}@example.edu"], context={"link": link})


def addresses():
    return sorted(to for message in mail.outbox for to in message.to)


def queries_to_deliver(count, prefix):
    queue(count, prefix=prefix)
    with CaptureQueriesContext(connection) as captured:
        assert deliver_due() == count
    return len(captured)


def test_a_batch_costs_the_same_queries_and_one_connection_however_many_it_holds(backend):
    few = queries_to_deliver(3, "few")
    many = queries_to_deliver(40, "many")
    # The claim (lock, lease, read), the suppression check, one commit marking the batch sent
    # (drop the forgotten, mark the rest) and the empty claim that ends the pass, with their
    # savepoints (and on PostgreSQL each claim's plan setting): the same for 3 e-mails as 40.
    assert many == few <= (15 if connection.vendor == "postgresql" else 13)
    assert backend.opened == 2  # one connection a pass, kept for the whole batch
    assert QueuedEmail.objects.filter(status="sent", attempts=1).count() == 43
    assert len(mail.outbox) == 43


def test_a_refused_message_in_a_batch_loses_and_doubles_none_of_the_others(backend, settings):
    settings.MAIL_RETRY_SECONDS = 60
    queue(5)
    backend.refuse = "r002@example.edu"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert deliver_due() == 5
        assert addresses() == [f"r00{n}@example.edu" for n in (0, 1, 3, 4)]
        refused = QueuedEmail.objects.get(recipients=["r002@example.edu"])
        assert refused.status == "queued" and refused.attempts == 1 and "550" in refused.last_error
        assert refused.next_attempt_at == start + timedelta(seconds=60)
        assert QueuedEmail.objects.filter(status="sent", attempts=1).count() == 4
        assert backend.opened == 2  # a fresh connection for the messages after the refusal

        backend.refuse = None
        assert deliver_due() == 0  # backing off; the four sent are not tried again
        clock.move_to(start + timedelta(seconds=61))
        assert deliver_due() == 1
    assert addresses() == [f"r00{n}@example.edu" for n in range(5)]  # each exactly once
    assert QueuedEmail.objects.filter(status="sent").count() == 5


def test_a_worker_told_to_stop_marks_what_it_delivered_and_hands_back_the_rest():
    queue(10)
    assert deliver_due(stop=lambda: len(mail.outbox) >= 3) == 3
    assert QueuedEmail.objects.filter(status="sent").count() == 3
    # The other seven are due again at once for another worker, not held for the lease.
    assert QueuedEmail.objects.due(timezone.now()).count() == 7
    assert deliver_due() == 7
    assert len(mail.outbox) == 10


def test_on_a_slow_server_delivered_mail_is_marked_sent_within_a_second(backend):
    queue(10)
    seen = []
    with time_machine.travel(timezone.now(), tick=False) as clock:

        def slow(message):
            seen.append(QueuedEmail.objects.filter(status="sent").count())
            clock.shift(timedelta(seconds=0.4))

        backend.before_each = slow
        assert deliver_due() == 10
    # Marked in threes: once a second has passed since the first unmarked one went, so a
    # worker killed here would repeat at most a second of its mail.
    assert seen == [0, 0, 0, 3, 3, 3, 6, 6, 6, 9]
    assert QueuedEmail.objects.filter(status="sent").count() == 10


def test_mail_naming_someone_erased_while_it_is_in_hand_is_deleted_once_delivered(backend):
    queue(2, prefix="keep")
    queue(2, prefix="news", link="http://x/about-Zed-Zebra")
    # The erasure lands while the batch is in hand: the flag is read when the batch is marked.
    backend.before_each = lambda message: email_forget_mentions(["Zed-Zebra"])
    assert deliver_due() == 4
    assert len(mail.outbox) == 4  # the student still hears their news...
    # ...and no copy naming the erased person stays behind.
    assert sorted(r for e in QueuedEmail.objects.all() for r in e.recipients) == [
        "keep000@example.edu",
        "keep001@example.edu",
    ]


def test_an_address_suppressed_after_queueing_is_dropped_from_its_batch_alone():
    queue(4)
    suppress("r001@example.edu", reason="never")
    assert deliver_due() == 3
    assert addresses() == ["r000@example.edu", "r002@example.edu", "r003@example.edu"]
    assert not QueuedEmail.objects.filter(recipients=["r001@example.edu"]).exists()
