"""Text search over the binder.

Each professional's searchable words live in one column, ``search_text`` (kept by the model's
save). PostgreSQL searches them as the ``simple`` tsvector the database keeps beside them
(``Professional.search_vector``, a generated field with a GIN index). SQLite, the embedded
default for a binder of a few thousand, reads ``search_text`` itself.
"""

import re
from typing import Any, TypeVar

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page
from django.db import connections
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Concat

from apps.core import pagination
from apps.core.pagination import count_up_to_limit, limited_page

MAX_TERMS = 8

# Any queryset of professionals, kept as the kind it came in (with its own verbs).
Professionals = TypeVar("Professionals", bound=QuerySet[Any])


def search_terms(query: str) -> list[str]:
    return re.findall(r"\w+", (query or "").lower())[:MAX_TERMS]


def by_name(query: str, *, matches: int | None = None) -> list:
    """Ordering for a list sorted by name that ``query`` may narrow to ``matches`` rows.

    With search words that match few, the database must find the matches first and sort those.
    Left to itself, PostgreSQL walked the name index, expecting to meet twenty matches soon;
    for a rare word (or none) it walked all 17,000 rows (9 ms, where the word index takes under
    1 ms). Sorting by an expression no index holds (the name with nothing appended: the same
    order) rules that walk out. Without words, or when they match more than the count limit,
    walking the name index is the fast way (sorting 19,000 matches for "pro" took 99 ms).
    """
    if not search_terms(query) or (matches is not None and matches > pagination.COUNT_LIMIT):
        return ["full_name", "pk"]
    unindexed = Concat(F("full_name"), Value(""), output_field=CharField())
    return [unindexed.asc(), "pk"]


def results_page(
    queryset: QuerySet,
    query: str,
    *,
    per_page: int,
    number,
    counted: QuerySet | None = None,
    order: list | None = None,
) -> Page:
    """A page of ``queryset``, counted up to the limit (apps.core.pagination), in ``order``
    (by default by name, ordered to suit the count).

    ``counted``: the same rows without the page's annotations and column choices, which only
    slow the ORM's building of the COUNT query (a tenth of the student search's time)."""
    matches = count_up_to_limit(queryset if counted is None else counted)
    ordered = queryset.order_by(*(order or by_name(query, matches=matches)))
    # Search words may match hundreds of rows: their keys are sorted, then the page's rows read.
    return limited_page(
        ordered, number, per_page=per_page, matches=matches, keys_first=bool(search_terms(query))
    )


def professionals_matching(queryset: Professionals, query: str) -> Professionals:
    """Narrow ``queryset`` to professionals whose words start with every term of ``query``."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        # Terms are word characters only, so none can carry tsquery syntax; each is a prefix.
        words = SearchQuery(
            " & ".join(f"{term}:*" for term in terms), search_type="raw", config="simple"
        )
        # Each term also as a substring: the same rows (every word prefix is a substring), but
        # PostgreSQL estimates a substring from its sample of rows where it guesses a share
        # for any tsvector prefix. So a rare word is looked up in the trigram index, and a
        # common one read in name order until a page is full, instead of reading every row
        # for a word nobody has (6 ms of 20,000).
        return queryset.filter(
            *[Q(search_text__contains=term) for term in terms], search_vector=words
        )
    # Elsewhere (SQLite, a binder of a few thousand): each term starts a word of search_text.
    # The plain substring test goes first: it is cheap and rules most rows out.
    for term in terms:
        queryset = queryset.filter(search_text__contains=term, search_text__regex=rf"\b{term}")
    return queryset
