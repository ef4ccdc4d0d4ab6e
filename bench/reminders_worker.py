"""How long the worker takes to turn due reminders into queued e-mails and deliver them.

Creates N due reminders in a fresh database, then runs the worker's steps in this process (one
worker) with a delivery backend that builds every message in full and discards it. Reports the
time for queueing and delivery, and the process's peak memory. Run it for 10,000 and 100,000 to
see how cost grows (target: 100,000 in under 60 s; 10x the reminders in at most ~12x the time).

    .venv/bin/python bench/reminders_worker.py --count 10000
    .venv/bin/python bench/reminders_worker.py --count 100000
"""

import argparse
import resource
import time
from datetime import timedelta

from _harness import fresh_database
from django.core.mail.backends.base import BaseEmailBackend


class DiscardingBackend(BaseEmailBackend):
    """Builds each message as an SMTP server would receive it, then drops it."""

    sent = 0

    def send_messages(self, messages):
        for message in messages:
            message.message().as_bytes(linesep="\r\n")
        DiscardingBackend.sent += len(messages)
        return len(messages)


def build(count: int) -> None:
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.contacts.models import Professional
    from apps.reminders.models import Reminder

    students = User.objects.bulk_create(
        User(email=f"s{n}@bench.example", full_name=f"Student {n}", password="!")
        for n in range(max(1, count // 50))
    )
    professionals = []
    for start in range(0, count, 5000):
        batch = [
            Professional(
                full_name=f"Pro {n}",
                email=f"p{n}@bench.example",
                status="active",
                search_text=f"pro {n}",
            )
            for n in range(start, min(count, start + 5000))
        ]
        professionals.extend(Professional.objects.bulk_create(batch))
    due = timezone.now() - timedelta(minutes=1)
    Reminder.objects.bulk_create(
        (
            Reminder(
                student=students[n % len(students)],
                professional=pro,
                kind="keep_in_touch",
                due_at=due,
            )
            for n, pro in enumerate(professionals)
        ),
        batch_size=5000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with fresh_database() as vendor:
        from django.conf import settings

        from apps.core.mail import deliver_due
        from apps.core.models import QueuedEmail
        from apps.reminders.services import queue_due_reminders

        settings.MAIL_DELIVERY_BACKEND = f"{__name__}.DiscardingBackend"
        build(args.count)
        start = time.perf_counter()
        queued = queue_due_reminders()
        middle = time.perf_counter()
        delivered = deliver_due()
        end = time.perf_counter()
        assert queued == args.count == delivered == DiscardingBackend.sent, (queued, delivered)
        assert QueuedEmail.objects.filter(status="sent").count() == args.count
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"reminders worker on {vendor}, {args.count} due: queue {middle - start:.1f} s, "
            f"deliver {end - middle:.1f} s, total {end - start:.1f} s, peak memory {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
