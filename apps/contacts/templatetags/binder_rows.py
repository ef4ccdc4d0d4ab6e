"""The binder's list rows, written in Python.

A result card or table row took a quarter of a millisecond through the template engine, so a
page of 20 or 25 was a third of the page's time (found by the load benchmark). These tags write
the same markup directly; every value is still escaped (``apps.core.markup``).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from apps.core.links import url_maker
from apps.core.markup import markup, when

from ..models import Professional

register = template.Library()

ALUMNI = mark_safe(' <span class="badge text-bg-light border">alumni</span>')
STATUS = dict(Professional.Status.choices)
FORMATS = [
    (name, str(Professional._meta.get_field(name).verbose_name).lower())
    for name in ["accepts_in_person", "accepts_phone", "accepts_video", "accepts_email"]
]


@register.simple_tag(takes_context=True)
def result_card(context, p):
    """A professional in the student's search results (a named row of the search's
    ``CARD_FIELDS``): no contact details, ever."""
    full = p.used_this_month >= p.monthly_capacity
    where = markup(" at {}", p.organisation__name) if p.organisation__name else mark_safe("")
    if p.location:
        where += markup(" · {}", p.location)
    field = p.industry__name or ""
    if p.occupation__name:
        field = markup("{} · {}", field, p.occupation__name)
    about = (
        markup('<p class="mb-0 small">{}</p>', Truncator(p.talk_about).chars(180))
        if p.talk_about
        else ""
    )
    return markup(
        '<article class="card mb-2"><div class="card-body py-2">'
        '<h3 class="h6 mb-1"><a href="{}">{}</a>{}{}</h3>'
        '<p class="mb-1">{}{}</p>'
        '<p class="mb-1 small text-body-secondary">{} · talks by {}</p>{}'
        "</div></article>",
        url_maker(context, "contacts:profile")(p.pk),
        p.full_name,
        ALUMNI if p.is_alumni else "",
        mark_safe(' <span class="badge text-bg-warning">fully booked this month</span>')
        if full
        else "",
        p.job_title,
        where,
        field,
        ", ".join(label for name, label in FORMATS if getattr(p, name)),
        about,
    )


@register.simple_tag(takes_context=True)
def binder_row(context, p):
    """A professional in the staff binder's table (a named row of the list's ``ROW_FIELDS``)."""
    used = markup("{} of {}", p.used_this_month, p.monthly_capacity)
    if p.used_this_month >= p.monthly_capacity:
        used += mark_safe(' <span class="badge text-bg-warning">full</span>')
    consent = (
        when(p.consent_at, "j M Y")
        if p.consent_at
        else mark_safe('<span class="text-danger">none</span>')
    )
    return markup(
        '<tr><td><a href="{}">{}</a>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td>'
        "<td>{}</td></tr>",
        url_maker(context, "contacts:staff_detail")(p.pk),
        p.full_name,
        ALUMNI if p.is_alumni else "",
        p.job_title,
        markup(", {}", p.organisation__name) if p.organisation__name else "",
        p.industry__name or "—",
        STATUS.get(p.status, p.status),
        used,
        consent,
    )
