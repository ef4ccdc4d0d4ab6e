"""Server time of every A/B page in one process, inside one tree's Django, with the plans of
each page's slowest queries: one half of bench/ab.py's growth table.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ab_x SECRET_KEY=... \\
        .venv/bin/python bench/_abgrowth.py --root TREE --ids '{"draft": 1, ...}' [--repeat 15]

Each request goes through Django's test Client as the signed-in student or staff member, with
the cache cleared before it (so kept filter forms and insight figures are worked out every
time), after two warm-up requests. One more request per page runs under
CaptureQueriesContext; its slowest SELECTs are run again under EXPLAIN (ANALYZE, BUFFERS).
Prints JSON: per page the times (ms), the number of queries and the plans, summarised and in
full (``--explain 0``: no plans).
"""

import argparse
import json
import re
import statistics
import sys
import time

from _ab_common import PAGES, STAFF_EMAIL, STUDENT_EMAIL, use_tree

# "Index Scan using <index> on <table>", "Bitmap Index Scan on <index>", "Seq Scan on <table>".
SCAN = re.compile(
    r"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?"
    r"(?: using (\w+))? on (\w+).*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)"
)
# Tables read by every signed-in request (the session, the user): not a page's own queries.
EVERY_REQUEST = {"django_session", "accounts_user"}


def main_table(sql: str) -> str:
    """The table of the outermost FROM (not one of a subquery's, which may come first)."""
    tables = []
    for match in re.finditer(r'FROM "(\w+)"', sql):
        before = sql[: match.start()]
        if before.count("(") == before.count(")"):
            return match.group(1)
        tables.append(match.group(1))
    # SELECT COUNT(*) FROM (SELECT ... FROM "t" ...) subquery: the table counted.
    return tables[0] if tables else "?"


def summarise(sql: str, plan: str) -> dict:
    """What a plan says in a line: its top node, the rows it returned, its time, and how
    each table was read (index names, or 'seq' with the rows a sequential scan kept)."""
    first = plan.splitlines()[0]
    top = first.split("  (")[0].strip()
    rows = re.search(r"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)", first)
    timing = re.search(r"Execution Time: ([\d.]+) ms", plan)
    reads = []
    for kind, index, name, found, loops in SCAN.findall(plan):
        if kind == "Seq Scan":
            how = f"seq {name} ({int(found) * int(loops)} rows)"
        else:
            how = index or name  # a bitmap index scan names only its index
        if how not in reads:
            reads.append(how)
    counted = sql.startswith("SELECT COUNT") or "COUNT(*) FROM (" in sql[:200]
    return {
        "query": ("count " if counted else "") + main_table(sql),
        "top": top,
        "rows": int(rows.group(1)) if rows else None,
        "ms": float(timing.group(1)) if timing else None,
        "reads": reads,
    }


def measure(ids: dict, repeat: int, explain: int, only: list[str] | None) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.accounts.models import User

    clients = {}
    for who, email in (("student", STUDENT_EMAIL), ("staff", STAFF_EMAIL)):
        clients[who] = Client()
        clients[who].force_login(User.objects.get(email=email))
    found = {}
    for label, who, path in PAGES:
        if only and not any(word.lower() in label.lower() for word in only):
            continue
        path = path.format(**ids)
        client = clients[who]

        def get(client=client, path=path):
            cache.clear()
            return client.get(path)

        status = get().status_code
        if status != 200:
            found[label] = {"error": f"HTTP {status}"}
            continue
        get()
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            get()
            samples.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as captured:
            get()
        queries = captured.captured_queries
        slowest = sorted(
            (
                q
                for q in queries
                if q["sql"].startswith("SELECT") and main_table(q["sql"]) not in EVERY_REQUEST
            ),
            key=lambda q: float(q["time"]),
            reverse=True,
        )[:explain]
        plans = []
        for query in slowest:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append({**summarise(query["sql"], plan), "sql": query["sql"], "plan": plan})
        found[label] = {
            "samples": samples,
            "queries": len(queries),
            "sql_ms": sum(float(q["time"]) for q in queries) * 1000,
            "plans": plans,
        }
        ms = statistics.median(samples)
        print(f"  {label}: {ms:.1f} ms, {len(queries)} queries", file=sys.stderr)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--ids", required=True, help="JSON printed by _abdata.py")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--explain", type=int, default=2, help="slowest queries explained")
    parser.add_argument("--pages", nargs="*", help="only pages whose label contains a word")
    args = parser.parse_args()
    use_tree(args.root)
    result = measure(json.loads(args.ids), args.repeat, args.explain, args.pages)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
