import pytest
from django.db import connection

from apps.contacts.models import Professional
from apps.contacts.search import FTS_TABLE, professionals_matching

from .factories import make_professional

pytestmark = pytest.mark.django_db


def matching(query):
    return list(
        professionals_matching(Professional.objects.all(), query).values_list(
            "full_name", flat=True
        )
    )


def test_index_follows_inserts_updates_and_deletes():
    pro = make_professional(full_name="Quinn Quartz", job_title="Geologist")
    assert matching("geolo") == ["Quinn Quartz"]
    pro.job_title = "Volcanologist"
    pro.save()
    assert matching("geolo") == [] and matching("volcano") == ["Quinn Quartz"]
    pro.delete()
    assert matching("volcano") == []


def test_punctuation_and_quotes_in_queries_are_harmless():
    make_professional(full_name="O'Neil Smith", job_title="C++ developer")
    assert matching("o'neil") == ["O'Neil Smith"]
    assert matching('"; DROP TABLE x; --') == []
    assert matching("c++") == ["O'Neil Smith"]
    assert matching("   ") == ["O'Neil Smith"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_sqlite_fts_table_and_triggers_exist():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {FTS_TABLE, f"{FTS_TABLE}_ai", f"{FTS_TABLE}_ad", f"{FTS_TABLE}_au"} <= names


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgres_search_uses_the_gin_index():
    for n in range(50):
        make_professional(full_name=f"Person {n}")
    queryset = professionals_matching(Professional.objects.all(), "person")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "prof_search_vector_idx" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_an_older_sqlite_index_is_made_again_with_prefix_indexes():
    from apps.contacts.search import ensure_sqlite_index

    make_professional(full_name="Priya Product", job_title="Product manager")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {FTS_TABLE}")
        cursor.execute(  # as an earlier version made it: no prefix indexes
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text,"
            " content='contacts_professional', content_rowid='id')"
        )
    ensure_sqlite_index()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        assert "prefix='2 3 4'" in cursor.fetchone()[0]
    assert matching("pr") == ["Priya Product"] and matching("produ man") == ["Priya Product"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics")
def test_with_the_workers_statistics_a_search_looks_up_its_matches():
    from apps.contacts.queries import student_professionals
    from apps.core.statistics import sqlite_statistics_job

    for n in range(300):
        make_professional(full_name=f"Person {n}", job_title="Engineer" if n % 50 else "Curator")
    searched = student_professionals({"q": "curator"})
    assert sqlite_statistics_job() == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'contacts_professional'")
        assert cursor.fetchone()[0] > 0
    plan = searched.explain()
    # Each match looked up by its key, not every active professional scanned and checked.
    assert "USING INTEGER PRIMARY KEY" in plan and "prof_status_name_idx" not in plan
    assert searched.count() == 6


def test_name_order_is_the_same_whether_or_not_the_index_can_give_it(settings):
    from django.test.utils import CaptureQueriesContext

    from apps.contacts.search import BROAD_MATCHES, by_name, page_by_name

    for name in ["bea Analyst", "Ada Analyst", "Zoe Analyst", "Émile Analyst", "Ada Analyst"]:
        make_professional(full_name=name, job_title="Analyst")
    make_professional(full_name="Other Person", job_title="Curator")
    queryset = professionals_matching(Professional.objects.all(), "analyst")
    # Few matches: sorted by an expression, so the database finds the matches first.
    assert by_name("analyst", matches=5) != ["full_name", "pk"]
    # None to narrow, or most of the binder: the name index gives the order.
    assert by_name("", matches=5) == by_name("analyst", matches=BROAD_MATCHES + 1)
    assert by_name("analyst", matches=BROAD_MATCHES + 1) == ["full_name", "pk"]
    either = [
        list(queryset.order_by(*order).values_list("pk", flat=True))
        for order in (by_name("analyst", matches=5), ["full_name", "pk"])
    ]
    assert either[0] == either[1] and len(either[0]) == 5
    with CaptureQueriesContext(connection) as queries:
        page = page_by_name(queryset, "analyst", per_page=2, number=2)
        shown = [p.full_name for p in page]
    assert page.paginator.count == 5 and page.paginator.num_pages == 3
    assert shown == [Professional.objects.get(pk=pk).full_name for pk in either[0][2:4]]
    assert len(queries) == 2  # one count, one page
