"""The fast form renderer writes byte for byte what Django's templates write."""

import datetime
from decimal import Decimal
from pathlib import Path

import django.forms
import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import settings as settings_for_hypothesis
from hypothesis import strategies as st

from apps.core.forms import INPUT_TEMPLATES, WIDGETS, FastRenderer

FAST = FastRenderer()
DJANGO = DjangoTemplates()

text = st.lists(
    st.sampled_from(list("ab <>&\"'=é\u00a0/%{") + ["&amp;", "{{", "%s"]), max_size=8
).map("".join)
scalar = st.one_of(
    st.none(),
    text,
    text.map(mark_safe),
    st.integers(-(10**7), 10**7),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**6),
    st.dates(),
    st.booleans(),
)
attr_values = st.one_of(st.booleans(), text, st.integers(-5, 5000))
attrs = st.dictionaries(
    st.sampled_from(
        ["class", "id", "aria-describedby", "required", "min", "placeholder", "data-x", "disabled"]
    ),
    attr_values,
    max_size=4,
)
labels = st.one_of(text, st.integers(0, 10**6), st.just(gettext_lazy("Any")), st.dates())
choices = st.lists(st.tuples(st.one_of(text, st.integers(0, 99), st.just("")), labels), max_size=5)
grouped = st.lists(
    st.one_of(
        st.tuples(st.one_of(text, st.integers(0, 9)), labels),
        st.tuples(text.filter(bool), choices),
    ),
    max_size=4,
)

input_widgets = st.sampled_from(
    [
        forms.TextInput,
        forms.EmailInput,
        forms.URLInput,
        forms.NumberInput,
        forms.HiddenInput,
        forms.SearchInput,
        forms.TelInput,
        forms.ColorInput,
        lambda attrs: forms.PasswordInput(attrs, render_value=True),
        forms.DateInput,
        forms.DateTimeInput,
        forms.TimeInput,
        forms.CheckboxInput,
        forms.FileInput,
    ]
)


def both(widget, name, value):
    return widget.render(name, value, renderer=FAST), widget.render(name, value, renderer=DJANGO)


@pytest.mark.parametrize("name", sorted(INPUT_TEMPLATES))
def test_each_input_template_still_only_includes_input_html(name):
    source = Path(django.forms.__file__).parent / "templates" / name
    assert source.read_text() == '{% include "django/forms/widgets/input.html" %}\n'


def test_the_project_uses_it_and_overrides_no_widget_template():
    assert isinstance(get_default_renderer(), FastRenderer)
    for folder in settings.TEMPLATES[0]["DIRS"]:
        assert not (Path(folder) / WIDGETS).exists()


@settings_for_hypothesis(max_examples=300, deadline=None, derandomize=True)
@given(make=input_widgets, attrs=attrs, name=text, value=scalar)
def test_inputs_match_django(make, attrs, name, value):
    fast, slow = both(make(attrs), name, value)
    assert fast == slow


@settings_for_hypothesis(max_examples=200, deadline=None, derandomize=True)
@given(attrs=attrs, name=text, value=scalar)
def test_textareas_match_django(attrs, name, value):
    fast, slow = both(forms.Textarea(attrs), name, value)
    assert fast == slow


@settings_for_hypothesis(max_examples=300, deadline=None, derandomize=True)
@given(
    attrs=attrs,
    name=text,
    options=grouped,
    multiple=st.booleans(),
    value=st.one_of(scalar, st.lists(st.one_of(text, st.integers(0, 99)), max_size=3)),
)
def test_selects_match_django(attrs, name, options, multiple, value):
    widget = (forms.SelectMultiple if multiple else forms.Select)(attrs, choices=options)
    fast, slow = both(widget, name, value)
    assert fast == slow


def test_a_null_boolean_select_and_a_decimal_match_django():
    assert (
        both(forms.NullBooleanSelect(), "ok", True)[0]
        == both(forms.NullBooleanSelect(), "ok", True)[1]
    )
    fast, slow = both(forms.NumberInput(), "amount", Decimal("1234.50"))
    assert fast == slow == '<input type="number" name="amount" value="1234.50">'


def test_a_select_escapes_what_it_writes():
    widget = forms.Select(choices=[("<x>", "A & B"), ("2", datetime.date(2026, 1, 2))])
    html = widget.render("pick", "<x>", renderer=FAST)
    assert '<option value="&lt;x&gt;" selected>A &amp; B</option>' in html


def test_other_widgets_still_go_through_django_templates():
    widget = forms.RadioSelect(choices=[("a", "Apple"), ("b", "Banana")])
    fast, slow = both(widget, "fruit", "a")
    assert fast == slow and 'type="radio"' in fast
    widget = forms.ClearableFileInput()
    assert both(widget, "file", None)[0] == both(widget, "file", None)[1]
