"""``{{ form|crispy_kept }}``: a search or filter form rendered by crispy once, then reused.

A list page's filter form is rendered the same way for everyone who sends the same filters,
yet crispy's templates made it a third of the page's time (6 ms of the staff binder). This
filter keeps the rendered HTML in the cache under everything that decides it: the form's class,
the data it was sent (or its initial values), and the choices each select offers, which are read
once and then used for the rendering too. A renamed industry changes the choices, so the key,
so the form is rendered afresh: nothing is ever shown stale.

Only for GET forms whose fields are fixed by their class (no CSRF token, no per-user fields).
"""

import hashlib

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

register = template.Library()

KEEP_SECONDS = 60 * 60


def _choices(form) -> list:
    shown = []
    for name, field in form.fields.items():
        widget = field.widget
        if hasattr(widget, "choices"):
            # Read a model choice field's rows once, for the key and for the rendering.
            widget.choices = [choice for choice in widget.choices]  # noqa: C416 (no COUNT query)
            shown.append((name, [(str(value), str(label)) for value, label in widget.choices]))
    return shown


def _key(form) -> str:
    kind = type(form)
    if form.is_bound:
        data = sorted((k, form.data.getlist(k)) for k in form.data)
    else:
        data = sorted((k, repr(v)) for k, v in form.initial.items())
    source = repr((kind.__module__, kind.__qualname__, form.prefix, form.is_bound, data))
    source += repr(_choices(form))
    return "form-html:" + hashlib.sha256(source.encode()).hexdigest()


@register.filter
def crispy_kept(form):
    key = _key(form)
    html = cache.get(key)
    if html is None:
        html = str(as_crispy_form(form))
        cache.set(key, html, KEEP_SECONDS)
    return mark_safe(html)
