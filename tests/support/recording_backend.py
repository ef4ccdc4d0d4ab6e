"""A delivery backend for worker tests that run in other processes.

Appends "<pid> <recipient>" to the file named by RECORD_MAIL_TO for every delivery. To stand in
for real delivery it can take RECORD_MAIL_DELAY seconds per message, and to test crashes it can
SIGKILL (RECORD_MAIL_KILL_AFTER) or SIGTERM (RECORD_MAIL_TERM_AFTER) its own process right after
the Nth delivery, before the worker has marked it sent.
"""

import os
import signal
import time

from django.core.mail.backends.base import BaseEmailBackend

_delivered = 0


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        global _delivered
        delay = float(os.environ.get("RECORD_MAIL_DELAY", "0"))
        for message in email_messages:
            if delay:
                time.sleep(delay)
            line = f"{os.getpid()} {','.join(message.to)}\n".encode()
            fd = os.open(os.environ["RECORD_MAIL_TO"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)
            _delivered += 1
            if _delivered == int(os.environ.get("RECORD_MAIL_KILL_AFTER", "0")):
                os.kill(os.getpid(), signal.SIGKILL)
            if _delivered == int(os.environ.get("RECORD_MAIL_TERM_AFTER", "0")):
                os.kill(os.getpid(), signal.SIGTERM)
        return len(email_messages)
