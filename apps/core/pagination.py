"""Pages of long lists, counted only as far as anyone reads.

Counting every row of a list grows with the data (every match of a common word in a binder of
20,000, every interview of a year), and nobody pages through hundreds of entries: past
COUNT_LIMIT a list says "more than 500" and asks for a narrower search or filter.
"""

from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

COUNT_LIMIT = 500


class LimitedPage(Page):
    """A page of a list counted up to COUNT_LIMIT: ``more_than`` is the limit when the list
    had more, else None."""

    more_than: int | None = None


class _LimitedPaginator(Paginator):
    keys_first = False

    def _get_page(self, *args: Any, **kwargs: Any) -> LimitedPage:
        # Django's hook for a paginator's own Page class.
        return LimitedPage(*args, **kwargs)

    def page(self, number: Any) -> Page:
        """With ``keys_first``, the page's keys are found in order first, and only its rows are
        then read with their joins: sorting the matches of a common word reads the one table,
        where one query joined every match's organisation, industry and occupation before
        sorting and keeping twenty (half the search's database time at 20,000)."""
        if not self.keys_first:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:  # as Paginator.page: the last page ends at count
            top = self.count
        queryset = cast(QuerySet, self.object_list)  # limited_page is given a queryset
        keys = list(queryset.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


def count_up_to_limit(queryset: QuerySet) -> int:
    """How many rows ``queryset`` has, stopping one past COUNT_LIMIT (one query). Only the
    key is read: an annotation the filters do not use is not worked out for each row."""
    return queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()


def limited_page(
    queryset: QuerySet, number, *, per_page: int, matches: int, keys_first: bool = False
) -> LimitedPage:
    """Page ``number`` of ``queryset`` (already ordered), given its ``matches`` as counted by
    count_up_to_limit. ``page.more_than`` is the limit when there were more. ``keys_first``:
    see ``_LimitedPaginator.page`` (one more query, each on fewer rows)."""
    paginator = _LimitedPaginator(queryset, per_page)
    paginator.keys_first = keys_first
    paginator.count = min(matches, COUNT_LIMIT)  # counted already: no second COUNT query
    # The stubs type get_page as Page whatever _get_page makes.
    page = cast(LimitedPage, paginator.get_page(number))
    page.more_than = COUNT_LIMIT if matches > COUNT_LIMIT else None
    return page
