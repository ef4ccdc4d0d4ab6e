"""Server time of the staff pages that read every interview, in one process, at a tenth of the
data and at full size (2,000 / 20,000 professionals, 5,000 / 50,000 interviews), and how it
grew. Run it on PostgreSQL, the production database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/staff_pages.py
"""

import argparse

from _harness import fresh_database, summary, timed
from insight_dashboard import build

PAGES = {
    "staff interview list": ("interviews:staff_list", ""),
    "staff interview list, from a date": ("interviews:staff_list", "?date_from=2026-01-05"),
    "staff binder, q=analyst": ("contacts:staff_list", "?q=analyst"),
}


def measure(scale: float, repeat: int) -> dict[str, float]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from apps.accounts.models import User

    with fresh_database():
        build(int(2_000 * scale), int(20_000 * scale), int(50_000 * scale))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # As autovacuum leaves a running site: statistics, and the GIN indexes'
                # pending entries merged (bulk inserts leave them in a list read linearly).
                cursor.execute("VACUUM ANALYZE")
        staff = User.objects.create_user(
            email="staff@bench.example", password="x", full_name="Staff", role="staff"
        )
        client = Client()
        client.force_login(staff)
        found = {}
        for name, (url_name, query) in PAGES.items():
            url = reverse(url_name) + query

            def page(url=url):
                cache.clear()
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            samples = timed(page, repeat=repeat)
            found[name] = sorted(samples)[len(samples) // 2]  # ms
            print(f"  {scale:>4}: {name}: {summary(samples)}", flush=True)
        return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    small = measure(0.1, args.repeat)
    large = measure(1.0, args.repeat)
    print("\n| page | tenth | full | growth |\n|---|---|---|---|")
    for name in PAGES:
        print(
            f"| {name} | {small[name]:.1f} ms | {large[name]:.1f} ms "
            f"| {large[name] / small[name]:.2f}x |"
        )


if __name__ == "__main__":
    main()
