"""``crispy_quick`` writes what crispy writes for text fields, and leaves other forms to crispy."""

import re

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.core.templatetags.quick_forms import crispy_quick
from apps.interviews.forms import ResearchForm
from apps.interviews.models import Interview

text = st.lists(st.sampled_from(list("ab <>&\"'é\n ") + ["&amp;", "{{", "%s"]), max_size=12).map(
    "".join
)
WIDGETS = [
    lambda: forms.Textarea(attrs={"rows": 3}),
    lambda: forms.Textarea(attrs={"class": "font-monospace"}),
    lambda: forms.TextInput(attrs={"placeholder": "e.g. <x>"}),
    lambda: forms.EmailInput(),
    lambda: forms.URLInput(),
]
field_specs = st.lists(
    st.tuples(
        st.sampled_from(range(len(WIDGETS))),
        st.booleans(),  # required
        st.one_of(st.just(""), text),  # help text
        st.one_of(st.none(), text),  # label
        st.sampled_from([None, 3, 40]),  # max_length
    ),
    min_size=1,
    max_size=4,
)


def normalised(html: str) -> str:
    """White space between tags and at the edges of a label's text is not shown; a text area's
    content is kept exactly."""
    parts = re.split(r"(<textarea[^>]*>.*?</textarea>)", str(html), flags=re.S)
    out = []
    for n, part in enumerate(parts):
        if n % 2:
            out.append(part)
        else:
            part = re.sub(r"\s+", " ", part)
            out.append(re.sub(r"\s*(<[^>]+>)\s*", r"\1", part).strip())
    return "".join(out)


def make_form(specs):
    fields = {}
    for n, (widget, required, help_text, label, max_length) in enumerate(specs):
        fields[f"f{n}"] = forms.CharField(
            widget=WIDGETS[widget](),
            required=required,
            help_text=help_text,
            label=label,
            max_length=max_length,
        )
    return type("Generated", (forms.Form,), fields)


@settings(max_examples=120, deadline=None)
@given(field_specs, st.one_of(st.none(), st.lists(text, min_size=4, max_size=4)))
def test_same_markup_as_crispy(specs, values):
    kind = make_form(specs)

    def build():
        if values is None:
            return kind()
        data = QueryDict(mutable=True)
        for n in range(len(specs)):
            data[f"f{n}"] = values[n]
        form = kind(data)
        form.is_valid()
        return form

    assert normalised(crispy_quick(build())) == normalised(as_crispy_form(build()))


def test_the_research_form_with_notes_and_with_errors(db):
    interview = Interview(research_career="Reads <b>reports</b> & more")
    assert normalised(crispy_quick(ResearchForm(instance=interview))) == normalised(
        as_crispy_form(ResearchForm(instance=interview))
    )
    shown = str(crispy_quick(ResearchForm(instance=interview)))
    assert "Reads &lt;b&gt;reports&lt;/b&gt; &amp; more</textarea>" in shown
    assert 'aria-describedby="id_research_career_helptext"' in shown
    assert '<label for="id_research_career" class="form-label">' in shown


class WithChoice(forms.Form):
    name = forms.CharField()
    colour = forms.ChoiceField(choices=[("r", "Red")])


class WithFormError(forms.Form):
    name = forms.CharField()

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def test_other_forms_are_left_to_crispy():
    assert str(crispy_quick(WithChoice())) == str(as_crispy_form(WithChoice()))
    bound = WithFormError({"name": "x"})
    bound.is_valid()
    again = WithFormError({"name": "x"})
    again.is_valid()
    assert str(crispy_quick(bound)) == str(as_crispy_form(again))
    assert "Something about the whole form." in str(crispy_quick(bound))
