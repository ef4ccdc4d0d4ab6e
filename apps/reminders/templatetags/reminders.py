"""Labels for the dashboard's reminders, which are named value rows rather than models."""

from django import template

from ..models import Reminder

register = template.Library()


@register.filter
def kind_label(value: str) -> str:
    return Reminder.Kind(value).label
