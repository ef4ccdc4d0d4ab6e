"""Labels for the binder's list rows, which are named value rows rather than models."""

from django import template

from ..models import Professional

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    return Professional.Status(value).label


@register.filter
def formats_of(row) -> list[str]:
    return Professional.format_labels(row)
