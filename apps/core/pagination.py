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
    def _get_page(self, *args: Any, **kwargs: Any) -> LimitedPage:
        # Django's hook for a paginator's own Page class.
        return LimitedPage(*args, **kwargs)


def count_up_to_limit(queryset: QuerySet) -> int:
    """How many rows ``queryset`` has, stopping one past COUNT_LIMIT (one query). Only the
    key is read: an annotation the filters do not use is not worked out for each row."""
    return queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()


def limited_page(queryset: QuerySet, number, *, per_page: int, matches: int) -> LimitedPage:
    """Page ``number`` of ``queryset`` (already ordered), given its ``matches`` as counted by
    count_up_to_limit. ``page.more_than`` is the limit when there were more."""
    paginator = _LimitedPaginator(queryset, per_page)
    paginator.count = min(matches, COUNT_LIMIT)  # counted already: no second COUNT query
    # The stubs type get_page as Page whatever _get_page makes.
    page = cast(LimitedPage, paginator.get_page(number))
    page.more_than = COUNT_LIMIT if matches > COUNT_LIMIT else None
    return page
