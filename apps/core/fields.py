"""Form fields the product needs beyond Django's own."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection


class ChoicesByIdField(forms.ModelMultipleChoiceField):
    """Django's multiple choice of rows, refusing an id no row can hold before it reaches the
    database (SQLite fails with OverflowError on ``pk__in`` with such a number, where
    ``pk=`` simply finds nothing). The one field that needed it: lists of industries."""

    def _check_values(self, value):
        low, high = connection.ops.integer_field_range("BigAutoField")
        for item in value if isinstance(value, list | tuple | set | frozenset) else []:
            try:
                number = int(str(item).strip())
            except ValueError:
                continue  # Django's own check names it
            if (low is not None and number < low) or (high is not None and number > high):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


class DateInput(forms.DateInput):
    """A browser's date picker. Its value must be ISO (2026-12-07) whatever the site's
    language: with en-GB's own format (07/12/2026) the browser shows an empty field and a
    form sent back unchanged loses its date. Every date field in the product uses this one."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker, with the ISO value it needs (see ``DateInput``)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
