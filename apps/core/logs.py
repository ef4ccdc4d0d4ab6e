"""Keeps link secrets out of the logs.

Django logs the path of every refused request ("Not Found: /respond/<token>/"), and the
development server logs every request line. A path segment that looks like a signed token or a
random secret is replaced before the record is written anywhere.
"""

import logging
import re

# A path segment of 20 or more URL-safe characters: signed tokens (with their ":" separators),
# password-reset and confirmation tokens, calendar feed secrets. Ordinary slugs and ids are
# shorter or contain no such run.
_SECRET = re.compile(r"(?<=/)[A-Za-z0-9_\-:.=]{20,}(?=/|\.ics|\s|\"|$)")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return _SECRET.sub(REDACTED, text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        return True
