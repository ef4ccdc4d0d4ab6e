"""HTML for rows written in Python: what ``format_html`` and the ``date`` filter write, cheaper.

The list rows (binder table, search results, dashboard cards) are written in Python because the
template engine cost a quarter of a millisecond per row. Inside them, Django's helpers were then
most of the cost: ``format_html`` and ``conditional_escape`` pass every value through lazy-text
wrappers, and the ``date`` filter builds a formatter object per call, so a binder row still
took 90 microseconds (found by the load benchmark). These give byte-for-byte the same output
for the values the rows use (``tests/core/test_markup.py`` checks it against Django with
generated values), in a fraction of the time.
"""

from datetime import datetime
from html import escape as _escape

from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime


def esc(value) -> str:
    """``conditional_escape``: safe text as it is, anything else as escaped text."""
    if isinstance(value, Promise):
        value = str(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()
    return _escape(str(value))


def markup(template: str, *args) -> SafeString:
    """``format_html`` with positional ``{}`` fields: each argument escaped unless safe."""
    return mark_safe(template.format(*[esc(arg) for arg in args]))


# The format characters the rows use, each written as the date filter writes it.
_PARTS = {
    "j": lambda m: str(m.day),
    "M": lambda m: str(MONTHS_3[m.month]).title(),
    "F": lambda m: str(MONTHS[m.month]),
    "Y": lambda m: f"{m.year:04d}",
    "l": lambda m: str(WEEKDAYS[m.weekday()]),
    "D": lambda m: str(WEEKDAYS_ABBR[m.weekday()]),
    "H": lambda m: f"{m.hour:02d}",
    "i": lambda m: f"{m.minute:02d}",
}


def when(value: datetime | None, fmt: str) -> str:
    """``{{ value|date:fmt }}`` for an aware datetime shown in the active time zone ("" for
    none). Only the characters in ``_PARTS`` are formats; any other is written as it is, as the
    filter writes punctuation and spaces."""
    if value is None:
        return ""
    moment = localtime(value)
    return "".join(_PARTS[c](moment) if c in _PARTS else c for c in fmt)
