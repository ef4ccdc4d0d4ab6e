"""``in`` for integer columns that ignores numbers no row can hold.

Django already answers ``pk=<a number beyond the column's range>`` with "no match"; ``pk__in``
(which form fields use to check chosen ids) hands the number to the database, and SQLite then
fails with OverflowError. A number outside the column's range cannot match, so it is dropped.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
