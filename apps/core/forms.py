"""The form renderer: Django's own, with the commonest widgets written directly.

Django renders every widget through templates: an ``<input>`` is three nested templates, and a
``<select>`` is two more per option. On a filter form of eight fields that was most of a list
page's time (7 ms of the binder search). This renderer writes the same bytes for the plain
input, select, option and textarea templates, and hands every other template (and any template
a project overrides) to Django. ``tests/core/test_form_renderer.py`` checks, with generated
widgets, values and attributes, that both give identical HTML.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"

# Each of these templates is exactly ``{% include "django/forms/widgets/input.html" %}\n``
# (the test reads them from Django to make sure an upgrade has not changed that).
INPUT_TEMPLATES = frozenset(
    WIDGETS + name + ".html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
)


def _text(value) -> str:
    """What ``{{ value|stringformat:'s' }}`` writes: the value as text, escaped unless safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _shown(value) -> str:
    """What ``{{ value }}`` writes: strings escaped; numbers and dates localised first."""
    if not isinstance(value, str | Promise):
        value = localize(template_localtime(value))
    return conditional_escape(value)


def _attrs(attrs) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + conditional_escape(name))
        if value is not True:
            parts.append('="' + _text(value) + '"')
    return "".join(parts)


def _input(widget) -> str:
    value = widget["value"]
    return (
        '<input type="'
        + conditional_escape(widget["type"])
        + '" name="'
        + conditional_escape(widget["name"])
        + '"'
        + ("" if value is None else ' value="' + _text(value) + '"')
        + _attrs(widget["attrs"])
        + ">"
    )


def _option(option) -> str:
    return (
        '<option value="'
        + _text(option["value"])
        + '"'
        + _attrs(option["attrs"])
        + ">"
        + _shown(option["label"])
        + "</option>"
    )


class FastRenderer(DjangoTemplates):
    """Django's renderer trims what a template writes; the direct paths write it trimmed."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None:
            html = self._direct(template_name, widget)
            if html is not None:
                return mark_safe(html)
        return super().render(template_name, context, request=request)

    def _direct(self, template_name, widget):
        if template_name in INPUT_TEMPLATES:
            return _input(widget)
        if template_name == WIDGETS + "textarea.html":
            value = widget["value"]
            return (
                '<textarea name="'
                + conditional_escape(widget["name"])
                + '"'
                + _attrs(widget["attrs"])
                + ">\n"
                + (_shown(value) if value else "")
                + "</textarea>"
            )
        if template_name == WIDGETS + "select.html":
            parts = ['<select name="', conditional_escape(widget["name"]), '"']
            parts.append(_attrs(widget["attrs"]) + ">")
            for group_name, options, _ in widget["optgroups"]:
                if any(o["template_name"] != WIDGETS + "select_option.html" for o in options):
                    return None
                if group_name:
                    parts.append('\n  <optgroup label="' + _shown(group_name) + '">')
                for option in options:
                    parts.append("\n  " + _option(option) + "\n")
                if group_name:
                    parts.append("\n  </optgroup>")
            parts.append("\n</select>")
            return "".join(parts)
        return None
