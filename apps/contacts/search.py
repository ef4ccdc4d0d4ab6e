"""Index-backed text search over the binder.

Each professional's searchable words live in one column, ``search_text`` (kept by the model's
save). PostgreSQL searches their ``simple`` tsvector, stored in a generated column with a GIN
index (migration 0008). SQLite searches an FTS5 table kept in step by triggers; Django rebuilds
SQLite tables when a migration alters them, which drops triggers, so the table and triggers are
(re)made after every migrate.
"""

import re

from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import BooleanField, CharField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_migrate

FTS_TABLE = "contacts_professional_fts"
MAX_TERMS = 8


def search_terms(query: str) -> list[str]:
    return re.findall(r"\w+", (query or "").lower())[:MAX_TERMS]


# Past this many matches, walking the name index meets a page of them soon enough.
BROAD_MATCHES = 2000


def by_name(query: str, *, matches: int | None = None) -> list:
    """Ordering for a list sorted by name that ``query`` may narrow to ``matches`` rows.

    With search words that match few, the database must find the matches first and sort those.
    Left to itself, PostgreSQL walked the name index, expecting to meet twenty matches soon;
    for a rare word (or none) it walked all 17,000 rows (9 ms, where the word index takes under
    1 ms). Sorting by an expression no index holds (the name with nothing appended: the same
    order) rules that walk out. Without words, or when they match most of the binder, walking
    the name index is the fast way (sorting 19,000 matches for "pro" took 99 ms).
    """
    if not search_terms(query) or (matches is not None and matches > BROAD_MATCHES):
        return ["full_name", "pk"]
    unindexed = RawSQL("contacts_professional.full_name || ''", [], output_field=CharField())
    return [unindexed.asc(), "pk"]


def page_by_name(
    queryset: QuerySet, query: str, *, per_page: int, number, counted: QuerySet | None = None
) -> Page:
    """A page of ``queryset`` in name order, counted once and ordered to suit the count.

    ``counted``: the same rows without the page's annotations and column choices, which only
    slow the ORM's building of the COUNT query (a tenth of the student search's time)."""
    matches = (queryset if counted is None else counted).order_by().count()
    paginator = Paginator(queryset.order_by(*by_name(query, matches=matches)), per_page)
    paginator.count = matches  # counted above: no second COUNT query
    return paginator.get_page(number)


def professionals_matching(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow ``queryset`` to professionals whose words start with every term of ``query``."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        tsquery = " & ".join(f"{term}:*" for term in terms)
        matches = RawSQL(
            "contacts_professional.search_vector @@ to_tsquery('simple', %s)",
            [tsquery],
            output_field=BooleanField(),
        )
        return queryset.annotate(text_match=matches).filter(text_match=True)
    if connections[queryset.db].vendor == "sqlite":
        fts_query = " AND ".join(f'"{term}"*' for term in terms)
        ids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts_query])
        return queryset.filter(pk__in=ids)
    for term in terms:  # any other database: correct, if unindexed
        queryset = queryset.filter(search_text__contains=term)
    return queryset


# Every search term is a prefix ("pro" finds "product"). FTS5 answers a short prefix by merging
# the lists of every word that starts with it, unless it keeps prefix indexes: with them a
# two-to-four letter prefix is one lookup (0.3 ms instead of 4 over 20,000 professionals).
SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "search_text, content='contacts_professional', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"
)

SQLITE_STATEMENTS = [
    "DROP TRIGGER IF EXISTS contacts_professional_fts_ai",
    "DROP TRIGGER IF EXISTS contacts_professional_fts_ad",
    "DROP TRIGGER IF EXISTS contacts_professional_fts_au",
    f"""CREATE TRIGGER contacts_professional_fts_ai AFTER INSERT ON contacts_professional BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER contacts_professional_fts_ad AFTER DELETE ON contacts_professional BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER contacts_professional_fts_au AFTER UPDATE ON contacts_professional BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]


def ensure_sqlite_index(using="default", **kwargs):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if "contacts_professional" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        found = cursor.fetchone()
        if found is None or found[0] != SQLITE_TABLE:
            # Missing, or made by an earlier version: made again (the rebuild below fills it).
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            cursor.execute(SQLITE_TABLE)
        for statement in SQLITE_STATEMENTS:
            cursor.execute(statement)


def connect_signals():
    post_migrate.connect(ensure_sqlite_index, dispatch_uid="contacts_sqlite_search_index")
