"""``{{ form|crispy_quick }}``: crispy's Bootstrap 5 markup for plain text fields, written directly.

crispy renders each field through a template of some forty tags; for the three text areas of
an interview's research form that was a sixth of the workspace page (found by the load
benchmark). For a form whose visible fields are all text inputs or text areas, and which has no
form-wide errors, this writes the same markup: the widget gets crispy's classes the way
crispy's own ``crispy_field`` tag gives them, and is rendered by Django (so its ids and
``aria-`` attributes are Django's). Any other form goes to crispy unchanged.
``tests/core/test_quick_forms.py`` checks, with generated forms, data and errors, that the two
give the same HTML (up to the white space crispy's templates leave between tags).
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import forms, template
from django.conf import settings
from django.utils.safestring import mark_safe

from apps.core.markup import esc

register = template.Library()

PLAIN = {forms.TextInput, forms.EmailInput, forms.URLInput, forms.NumberInput, forms.Textarea}
ASTERISK = '<span class="asteriskField">*</span>'


def _supported(form) -> bool:
    if form.non_field_errors() or str(form.media):
        return False
    for field in form:
        if field.is_hidden:
            continue
        if type(field.field.widget) not in PLAIN or field.use_fieldset:
            return False
    return True


def _widget(field, invalid: bool) -> str:
    """The widget as crispy's ``crispy_field`` leaves it: its kind and Bootstrap's classes."""
    widget = field.field.widget
    converters = getattr(settings, "CRISPY_CLASS_CONVERTERS", {})
    kind = widget.__class__.__name__.lower()
    kind = converters.get(kind, kind)
    css = widget.attrs.get("class", "")
    if css:
        if css.find(kind) == -1:
            css += " " + kind
    else:
        css = kind
    for extra in ("form-control", "is-invalid") if invalid else ("form-control",):
        if extra not in css.split():
            css += " " + extra
    widget.attrs["class"] = css
    return str(field)


def _field(field) -> str:
    if field.is_hidden:
        return str(field)
    required = field.field.required
    css = field.css_classes()
    parts = [f'<div id="div_{esc(field.auto_id)}" class="mb-3{" " + esc(css) if css else ""}">']
    if field.label:
        target = f'for="{esc(field.id_for_label)}" ' if field.id_for_label else ""
        parts.append(
            f'<label {target}class="form-label{" requiredField" if required else ""}">'
            f"{esc(field.label)}"
            f"{ASTERISK if required else ''}"
            "</label>"
        )
    parts.append(_widget(field, bool(field.errors)))
    if field.errors:
        parts.append(f'<div id="{esc(field.errors.field_id)}_error" class="invalid-feedback">')
        for n, error in enumerate(field.errors, start=1):
            parts.append(
                f'<p id="error_{n}_{esc(field.auto_id)}"><strong>{esc(error)}</strong></p>'
            )
        parts.append("</div>")
    if field.help_text:
        target = f'id="{esc(field.auto_id)}_helptext" ' if field.auto_id else ""
        parts.append(f'<div {target}class="form-text">{field.help_text}</div>')
    parts.append("</div>")
    return "".join(parts)


@register.filter
def crispy_quick(form):
    if not _supported(form):
        return as_crispy_form(form)
    return mark_safe("".join(_field(field) for field in form))
