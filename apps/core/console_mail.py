"""Development delivery: one line per e-mail on the worker's terminal.

Django's console backend prints each message whole, MIME headers and HTML part included, so
the first run's demo e-mail (reminders, re-consent requests) pushed the demo logins hundreds of
lines up the screen. This one prints who the message is for, its subject and the links it
carries: the links are what a developer needs (to answer as the professional, to confirm an
address), and the developer's own terminal is where the console backend always printed them.
Set MAIL_DELIVERY_BACKEND=django.core.mail.backends.console.EmailBackend for whole messages.
"""

import re
import sys
import threading
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

LINK = re.compile(r"https?://[^\s<>\"')\]]+")


def mail_summary(message: EmailMessage) -> str:
    """The one line printed for ``message``: recipients, subject, then each distinct link."""
    links = list(dict.fromkeys(LINK.findall(str(message.body))))
    line = f"E-mail to {', '.join(message.recipients())}: {message.subject}"
    if links:
        line += " | links: " + " ".join(links)
    return line.replace("\n", " ")


class SummaryConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        with self._lock:
            for message in email_messages:
                self.stream.write(mail_summary(message) + "\n")
            self.stream.flush()
        return len(email_messages)
