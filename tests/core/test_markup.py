"""The row helpers write byte for byte what ``format_html`` and the ``date`` filter write."""

import datetime
import zoneinfo

from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from apps.core.markup import esc, markup, when

text = st.lists(
    st.sampled_from(list("ab <>&\"'=é\u00a0/%{}") + ["&amp;", "{{", "%s", "{0}"]), max_size=8
).map("".join)
value = st.one_of(
    text,
    text.map(mark_safe),
    st.integers(-(10**6), 10**6),
    st.none(),
    st.just(gettext_lazy("Any")),
)
moments = st.datetimes(
    min_value=datetime.datetime(1990, 1, 1),
    max_value=datetime.datetime(2090, 12, 31),
    timezones=st.just(datetime.UTC),
)
zones = st.sampled_from(["Europe/London", "America/Los_Angeles", "Asia/Kolkata", "UTC"])
FORMATS = ["j M", "j M Y", "H:i", "l j F, H:i", "D j M, H:i", "l j F Y, H:i"]


@given(st.lists(value, min_size=1, max_size=4))
def test_markup_is_format_html(args):
    template = "<p>" + " | ".join('<a title="{}">{}</a>' for _ in args) + "</p>"
    doubled = [a for arg in args for a in (arg, arg)]
    ours = markup(template, *doubled)
    assert isinstance(ours, SafeString)
    assert ours == format_html(template, *doubled)


@given(value)
def test_esc_is_conditional_escape(v):
    from django.utils.html import conditional_escape

    assert esc(v) == conditional_escape(v)


@given(moments, zones, st.sampled_from(FORMATS))
def test_when_is_the_date_filter_in_the_active_zone(moment, zone, fmt):
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        assert when(moment, fmt) == date_filter(localtime(moment), fmt)


def test_when_writes_nothing_for_no_date():
    assert when(None, "j M") == ""
