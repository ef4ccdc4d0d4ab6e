"""Free text taken straight from a POST, for the few views that use no form field."""

import re

# Control characters other than tab and line breaks: PostgreSQL refuses NUL in text, and none
# of them belongs in what a person writes. Django's form fields refuse NUL; this removes them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def posted_text(request, name: str, *, max_length: int) -> str:
    """The field ``name`` of the POST, without control characters, trimmed, at most
    ``max_length`` characters."""
    return _CONTROL.sub("", request.POST.get(name, "")).strip()[:max_length]


_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def whole_number(text: str) -> int | None:
    """The whole number written in ASCII digits in ``text`` (spaces around allowed), or None.

    ``str.isdigit()`` is true of "²" and "①", which ``int()`` refuses, and ``int()`` itself
    reads Arabic-Indic and other scripts' digits: neither is what a form or a spreadsheet cell
    in this product means by a number."""
    text = text.strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None
