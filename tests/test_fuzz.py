"""Every form and every link action, fed generated input by hypothesis as the person it is for.

The targets come from the access matrix: each POST endpoint as the persona whose write it
accepts, and every form found on the pages each persona can open (field names read from the
page). Generated input mixes empty, huge, unicode and control characters, SQL and HTML
fragments, numbers, dates and lists, drops fields and adds unknown ones. For every example:
never a server error; when the form is refused, no row anywhere changed; and text sent in never
comes back unescaped. Each example runs in a savepoint that is rolled back, so all start from
the same world. The seed is fixed and each target gets FUZZ_EXAMPLES examples (200 in CI).
"""

import os
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import client_for
from .support.database import fingerprint
from .test_access_matrix import (  # noqa: F401
    CONFIRM_STEPS,
    DONE,
    HOME,
    MATRIX,
    OK,
    PERSONAS,
    world,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
MARK = '<i id="fz">'  # must never come back unescaped
SKIP = {"accounts:logout", "admin"}  # signing out is not a form to fuzz

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "true",
    "' OR 1=1 --",
    '"; DROP TABLE accounts_user; --',
    "<script>alert(1)</script>",
    MARK,
    f"prefix {MARK} suffix",
    "\x00",
    "\x1b[31m",
    "\u202eevil",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂",
    "../../etc/passwd",
    "%s%s%n",
    "{{ 7*7 }}{% debug %}",
    "2026-02-30",
    "9999-12-31T23:59",
    "2026-11-22T10:00",
    "a@b",
    "someone@example.edu",
    "http://example.com/",
    "javascript:alert(1)",
    "x" * 20000,
    # Digits that str.isdigit() accepts and int() refuses, or that int() reads from other
    # scripts; NUL inside text, which PostgreSQL refuses.
    "²",
    "①",
    "١٢",
    "𝟙𝟚",
    "1\x00",
    "abc\x00def",
    "\x07\x1f",
]
value = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=120),
    st.text(alphabet=st.characters(categories=["Nd", "No", "Nl", "Cc"]), max_size=8),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)
field_value = st.one_of(value, st.lists(value, min_size=2, max_size=3))
extra_fields = st.dictionaries(
    st.sampled_from(["id", "pk", "student", "status", "role", "is_staff", "owner", "__x"]),
    field_value,
    max_size=2,
)


class _Forms(HTMLParser):
    """The POST (or GET) forms on a page: action and the names of their fields."""

    def __init__(self, method="post"):
        super().__init__()
        self.method = method
        self.forms: list[tuple[str, set]] = []
        self._fields = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == self.method:
            self._fields = set()
            self.forms.append((attrs.get("action") or "", self._fields))
        elif tag in ("input", "select", "textarea") and self._fields is not None:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._fields.add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None


def _url(name, entry, w):
    return reverse(name, args=entry.args(w) if entry.args else [])


def _acting_persona(outcomes: dict) -> str | None:
    for persona in ["student", "staff", "professional", "anonymous"]:
        if outcomes.get(persona) in (OK, HOME, DONE, 400):
            return persona
    return None


def _forms_on(found, url, outcomes, w, query=None) -> None:
    """Add the POST forms on the page at ``url``, as each persona who may open it."""
    for persona in PERSONAS:
        if persona in ("other_student", "inactive") or outcomes.get(persona) != OK:
            continue
        response = client_for(w["users"][persona]).get(url, query or {})
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Forms()
        parser.feed(response.content.decode())
        for action, fields in parser.forms:
            target = urlsplit(action).path or url
            try:
                if resolve(target).view_name in SKIP:
                    continue
            except Resolver404:
                continue
            found.setdefault((target, persona), set()).update(fields)


def targets(w) -> dict[tuple[str, str], set]:
    """(URL, persona) → field names, for every POST endpoint, every form on a page, and the
    form of every confirmation step before an action that cannot be undone."""
    found: dict[tuple[str, str], set] = {}
    for name, entry in MATRIX.items():
        if name in SKIP or name.startswith("admin"):
            continue
        url = _url(name, entry, w)
        if entry.post:
            persona = _acting_persona(entry.post)
            if persona:
                found.setdefault((url, persona), set())
        _forms_on(found, url, entry.get, w)
    for step in CONFIRM_STEPS.values():
        _forms_on(found, step.url(w), step.get, w, step.data(w))
    return found


def refused(response) -> bool:
    """The request was turned down with an explanation: a bound form with errors, or 4xx."""
    if response.status_code >= 400:
        return True
    for context in response.context or []:
        for item in context.dicts if hasattr(context, "dicts") else [context]:
            for candidate in item.values() if isinstance(item, dict) else []:
                if getattr(candidate, "is_bound", False) and candidate.errors:
                    return True
    return False


PREFERENCE = ["student", "staff", "professional", "anonymous"]


def one_persona_per_form(found: dict) -> dict:
    """A public form acts the same for whoever opens it: fuzz each URL once, as the first of
    student, staff, link holder, stranger who can use it, with every field any of them saw."""
    chosen: dict[str, tuple[str, set]] = {}
    for (url, persona), fields in found.items():
        if url not in chosen or PREFERENCE.index(persona) < PREFERENCE.index(chosen[url][0]):
            chosen[url] = (persona, chosen.get(url, ("", set()))[1] | fields)
        else:
            chosen[url][1].update(fields)
    return {(url, persona): fields for url, (persona, fields) in chosen.items()}


# The sweeps are split into shards, each a test of its own, so that parallel test workers
# share them; together the shards cover every target exactly once.
FORM_SHARDS = 4
PAGE_SHARDS = 2


def shard_of(items: dict, shard: int, shards: int) -> list:
    """This shard's share of ``items``, chosen by URL pattern (the world's primary keys differ
    from one test to the next on PostgreSQL, whose sequences a rollback does not rewind)."""

    def key(entry):
        target = entry[0]
        url = target[0] if isinstance(target, tuple) else target
        return re.sub(r"\d+", "#", url), target[1:] if isinstance(target, tuple) else ()

    return sorted(items.items(), key=key)[shard::shards]


def test_shards_cover_every_target_once():
    items = {(f"/a/{n}/", "student"): n for n in (7, 30, 200)} | {("/b/", "staff"): 0}
    shares = [shard_of(items, shard, 3) for shard in range(3)]
    assert sorted(entry for share in shares for entry in share) == sorted(items.items())


@pytest.mark.parametrize("shard", range(FORM_SHARDS))
def test_every_form_survives_generated_input(world, shard):  # noqa: F811
    found = one_persona_per_form(targets(world))
    assert len(found) >= 45, sorted(found)
    failures = []
    for (url, persona), fields in shard_of(found, shard, FORM_SHARDS):
        client = client_for(world["users"][persona])  # signing in writes last_login: first
        fuzz_one = _fuzzer(url, client, sorted(fields), fingerprint())
        try:
            fuzz_one()
        except Exception as error:  # noqa: BLE001 - collect every target's failure
            failures.append(f"{url} as {persona}: {type(error).__name__}: {error}")
    assert not failures, "\n\n".join(failures)


def _fuzzer(url, client, fields, before):
    session = client.cookies.get("sessionid")
    session = session.value if session else None
    data = st.fixed_dictionaries({}, optional={f: field_value for f in fields})

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=data, extra=extra_fields)
    def fuzz_one(data, extra):
        with transaction.atomic():
            # Each example starts from the same world: its writes are rolled back below, and
            # a session it rotated or ended is put back.
            if session:
                client.cookies["sessionid"] = session
            else:
                client.cookies.pop("sessionid", None)
            response = client.post(url, {**extra, **data})
            assert response.status_code < 500, response.status_code
            body = response.content.decode(errors="replace")
            assert MARK not in body, "generated text came back unescaped"
            if refused(response):
                assert fingerprint() == before, f"refused ({response.status_code}) yet changed"
            transaction.set_rollback(True)

    return fuzz_one


# Query parameters the list and filter pages read, besides the fields of their GET forms.
QUERY_NAMES = ["page", "q", "bank", "professional", "action", "period", "start", "end", "sort"]
CRAFTED = ["²", "1\x00", "99999999999999999999999"]


def pages(w) -> dict[str, tuple[str, set]]:
    """Every page (URL → persona, query names): as the first persona who may open it, with
    the field names of the GET forms it shows."""
    found: dict[str, tuple[str, set]] = {}
    for name, entry in MATRIX.items():
        if name in SKIP or name.startswith("admin"):
            continue
        persona = next((p for p in PREFERENCE if entry.get.get(p) == OK), None)
        if persona is None:
            continue
        url = _url(name, entry, w)
        response = client_for(w["users"][persona]).get(url)
        fields = set(QUERY_NAMES)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            parser = _Forms(method="get")
            parser.feed(response.content.decode())
            for _action, names in parser.forms:
                fields |= names
        found[url] = (persona, fields)
    return found


@pytest.mark.parametrize("shard", range(PAGE_SHARDS))
def test_every_page_survives_generated_query_parameters(world, shard):  # noqa: F811
    """The GET side: every list, filter and detail page, with generated values (other
    scripts' digits, NUL, huge numbers, lists) in its query. Never a server error, and a
    GET changes nothing but the sign-in's own bookkeeping."""
    found = pages(world)
    assert len(found) >= 40, sorted(found)
    failures = []
    for url, (persona, fields) in shard_of(found, shard, PAGE_SHARDS):
        client = client_for(world["users"][persona])
        # First every query name with each crafted value, then generated mixtures.
        for name in sorted(fields):
            for crafted in CRAFTED:
                with transaction.atomic():
                    code = client.get(url, {name: crafted}).status_code
                    transaction.set_rollback(True)
                if code >= 500:
                    failures.append(f"{url}?{name}={crafted!r} as {persona}: {code}")
        fuzz_one = _query_fuzzer(url, client, sorted(fields))
        try:
            fuzz_one()
        except Exception as error:  # noqa: BLE001 - collect every page's failure
            failures.append(f"{url} as {persona}: {type(error).__name__}: {error}")
    assert not failures, "\n\n".join(failures)


def _query_fuzzer(url, client, fields):
    data = st.fixed_dictionaries({}, optional={f: field_value for f in fields})

    @settings(
        max_examples=max(EXAMPLES // 40, 3),
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(query=data)
    def fuzz_one(query):
        with transaction.atomic():
            response = client.get(url, query)
            assert response.status_code < 500, response.status_code
            if "html" in response.get("Content-Type", ""):
                assert MARK not in response.content.decode(errors="replace")
            transaction.set_rollback(True)

    return fuzz_one
