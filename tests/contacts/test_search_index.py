import pytest
from django.db import connection

from apps.contacts.models import Professional
from apps.contacts.search import professionals_matching

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


def test_terms_are_word_prefixes_in_any_order_and_field():
    make_professional(
        full_name="Amara Okafor", job_title="Data analyst", location="Leeds (West Yorkshire)"
    )
    make_professional(full_name="Ben Improve", job_title="Planner", location="Londonderry")
    assert matching("okaf") == ["Amara Okafor"]
    assert matching("york analy") == ["Amara Okafor"]  # after punctuation, any field
    assert matching("prove") == []  # inside a word is not the start of one
    assert matching("lond") == ["Ben Improve"]
    assert matching("okafor planner") == []  # every term must match


def test_the_search_words_are_a_declared_generated_field():
    field = Professional._meta.get_field("search_vector")
    assert field.generated and field.db_persist
    assert "prof_search_vector_idx" in {index.name for index in Professional._meta.indexes}
    with connection.cursor() as cursor:
        columns = {
            c.name
            for c in connection.introspection.get_table_description(cursor, "contacts_professional")
        }
        tables = connection.introspection.table_names(cursor)
    assert "search_vector" in columns
    assert not [t for t in tables if "fts" in t]  # no side tables of our own


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgres_search_uses_the_gin_index():
    for n in range(50):
        make_professional(full_name=f"Person {n}")
    queryset = professionals_matching(Professional.objects.all(), "person")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = queryset.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "prof_search_vector_idx" in plan or "prof_search_trgm_idx" in plan
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'prof_search_%%'"
        )
        found = dict(cursor.fetchall())
    assert "USING gin (search_vector)" in found["prof_search_vector_idx"]
    assert "gin (search_text gin_trgm_ops)" in found["prof_search_trgm_idx"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's generated column")
def test_postgres_keeps_the_words_as_the_row_changes():
    pro = make_professional(full_name="Priya Product", job_title="Product manager")
    vector = lambda: Professional.objects.values_list("search_vector", flat=True).get(pk=pro.pk)  # noqa: E731
    assert "'priya'" in vector() and "'manager'" in vector()
    Professional.objects.filter(pk=pro.pk).update(search_text="nadia nurse")
    assert vector() == "'nadia':1 'nurse':2"


def test_name_order_is_the_same_whether_or_not_the_index_can_give_it(settings):
    from django.test.utils import CaptureQueriesContext

    from apps.contacts.search import by_name, results_page
    from apps.core.pagination import COUNT_LIMIT

    for name in ["bea Analyst", "Ada Analyst", "Zoe Analyst", "Émile Analyst", "Ada Analyst"]:
        make_professional(full_name=name, job_title="Analyst")
    make_professional(full_name="Other Person", job_title="Curator")
    queryset = professionals_matching(Professional.objects.all(), "analyst")
    # Few matches: sorted by an expression, so the database finds the matches first.
    assert by_name("analyst", matches=5) != ["full_name", "pk"]
    # None to narrow, or most of the binder: the name index gives the order.
    assert by_name("", matches=5) == by_name("analyst", matches=COUNT_LIMIT + 1)
    assert by_name("analyst", matches=COUNT_LIMIT + 1) == ["full_name", "pk"]
    either = [
        list(queryset.order_by(*order).values_list("pk", flat=True))
        for order in (by_name("analyst", matches=5), ["full_name", "pk"])
    ]
    assert either[0] == either[1] and len(either[0]) == 5
    with CaptureQueriesContext(connection) as queries:
        page = results_page(queryset, "analyst", per_page=2, number=2)
        shown = [p.full_name for p in page]
    assert page.paginator.count == 5 and page.paginator.num_pages == 3
    assert shown == [Professional.objects.get(pk=pk).full_name for pk in either[0][2:4]]
    assert len(queries) == 3  # one count, the page's keys in order, then its rows


def test_a_list_is_counted_only_up_to_the_limit_and_says_so(
    client, student, staff_client, monkeypatch
):
    from django.urls import reverse

    from apps.core import pagination

    monkeypatch.setattr(pagination, "COUNT_LIMIT", 3)
    for name in ["Ada", "Bea", "Cy", "Di", "Ed"]:
        make_professional(full_name=f"{name} Analyst", job_title="Analyst")
    make_professional(full_name="Fay Curator", job_title="Curator")
    client.force_login(student)
    page = client.get(reverse("contacts:search"), {"q": "analyst"}).content.decode()
    assert "More than 3 professionals match" in page
    assert "Add a word or a filter" in page
    assert [n in page for n in ["Ada Analyst", "Bea Analyst", "Cy Analyst", "Di Analyst"]] == [
        True,
        True,
        True,
        False,  # only the first three (by name) are listed
    ]
    # Under the limit the count is exact, and nothing is said about narrowing.
    page = client.get(reverse("contacts:search"), {"q": "curator"}).content.decode()
    assert "1 professional matches" in page and "Add a word or a filter" not in page
    # Staff see the same limit on the binder, sorted any way, and are pointed to the exports.
    for sort in ["name", "-updated"]:
        page = staff_client.get(reverse("contacts:staff_list"), {"sort": sort}).content.decode()
        assert "More than 3 professionals" in page and "the exports hold every match" in page
        assert "Page 1 of" not in page  # three rows fit on one page
