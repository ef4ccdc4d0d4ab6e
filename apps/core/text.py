"""Free text taken straight from a POST, for the few views that use no form field."""

import re

# Control characters other than tab and line breaks: PostgreSQL refuses NUL in text, and none
# of them belongs in what a person writes. Django's form fields refuse NUL; this removes them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def posted_text(request, name: str, *, max_length: int) -> str:
    """The field ``name`` of the POST, without control characters, trimmed, at most
    ``max_length`` characters."""
    return _CONTROL.sub("", request.POST.get(name, "")).strip()[:max_length]
