"""Time to preview and commit a 10,000-row binder spreadsheet, and to re-import it (a no-op).
Target: the import finishes in under 20 s on the 2-core reference machine.

    .venv/bin/python bench/binder_import.py [--rows 10000]
"""

import argparse
import csv
import io
import random
import time

from _harness import fresh_database

INDUSTRIES = ["Technology", "Healthcare", "Law", "Education", "Consulting", "Media and Publishing"]


def spreadsheet(rows: int) -> bytes:
    rng = random.Random(11)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "Name",
            "E-mail",
            "Title",
            "Company",
            "Industry",
            "Location",
            "Formats",
            "Capacity",
            "Alumni",
            "Talk about",
            "Consent date",
        ]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"Person {n} Example",
                f"person{n}@import.example",
                rng.choice(["Analyst", "Engineer", "Editor"]),
                f"Company {n % 700}",
                rng.choice(INDUSTRIES),
                rng.choice(["London", "Leeds", "Cork"]),
                rng.choice(["video", "phone, video", "in person"]),
                rng.randint(1, 4),
                rng.choice(["yes", "no"]),
                "Happy to talk about how I got here.",
                "2026-02-01",
            ]
        )
    return out.getvalue().encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    content = spreadsheet(args.rows)
    with fresh_database() as vendor:
        from apps.contacts.importing import import_commit, import_plan
        from apps.contacts.models import Professional
        from apps.contacts.spreadsheets import read_rows

        start = time.perf_counter()
        plan = import_plan(read_rows("bench.csv", content))
        preview = time.perf_counter() - start
        assert plan.counts["create"] == args.rows, plan.counts

        start = time.perf_counter()
        import_commit(read_rows("bench.csv", content))
        commit = time.perf_counter() - start
        assert Professional.objects.count() == args.rows

        start = time.perf_counter()
        again = import_commit(read_rows("bench.csv", content))
        reimport = time.perf_counter() - start
        assert again.counts["skip"] == args.rows, again.counts
        print(
            f"binder import on {vendor}, {args.rows} rows: preview {preview:.1f} s, "
            f"import {commit:.1f} s, re-import (no change) {reimport:.1f} s"
        )


if __name__ == "__main__":
    main()
