"""Server time of the student search and the staff binder for several queries, at 2,000 and
20,000 professionals (each in a fresh database), and how it grew; on PostgreSQL also the plans.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/binder_search.py
    .venv/bin/python bench/binder_search.py --sizes 2000 20000 --repeat 30
"""

import argparse
import random

from _harness import fresh_database, summary, timed

PEOPLE = 20_000
TITLES = [
    "UX Researcher",
    "Data Analyst",
    "Software Engineer",
    "Product Manager",
    "Accountant",
    "Tax Adviser",
    "Curator",
    "Archivist",
    "Civil Engineer",
    "Nurse Manager",
    "Solicitor",
    "Policy Adviser",
    "Journalist",
    "Editor",
    "Marketing Manager",
    "Research Scientist",
    "Teacher",
    "Logistics Planner",
    "Hotel Manager",
    "Sustainability Consultant",
]
TOPICS = [
    "research",
    "usability",
    "interviews",
    "design",
    "analytics",
    "leadership",
    "audit",
    "exhibitions",
    "bridges",
    "patients",
    "contracts",
    "policy",
    "stories",
    "campaigns",
    "experiments",
    "teaching",
    "supply chains",
    "guests",
    "carbon",
    "startups",
]


def build(size: int) -> None:
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.contacts.models import Industry, Occupation, Organisation, Professional

    rng = random.Random(7)
    industries = list(Industry.objects.all())
    occupations = list(Occupation.objects.all())
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(name=f"Organisation {n}", industry=rng.choice(industries))
            for n in range(800)
        ]
    )
    batch = []
    for n in range(size):
        professional = Professional(
            full_name=f"Person {n} {rng.choice(['Adams', 'Okafor', 'Tanaka', 'Silva', 'Nilsen'])}",
            job_title=rng.choice(TITLES),
            organisation=rng.choice(organisations),
            industry=rng.choice(industries),
            occupation=rng.choice(occupations),
            location=rng.choice(["London", "Leeds", "Dublin", "Toronto", "Lagos", "Berlin"]),
            talk_about=" ".join(rng.sample(TOPICS, 4)),
            email=f"person{n}@bench.example",
            status=rng.choices(["active", "paused", "retired", "do_not_contact"], [85, 8, 5, 2])[0],
            accepts_video=rng.random() < 0.7,
            is_alumni=rng.random() < 0.3,
            # Nobody is listed without consent (a database rule).
            consent_at=timezone.now(),
            consent_method="phone",
        )
        professional.search_text = professional.build_search_text()
        batch.append(professional)
    Professional.objects.bulk_create(batch, batch_size=1000)
    User.objects.create_user(email="bench@example.edu", password="x", full_name="Bench Student")


STUDENT_QUERIES = ["london", "okafor", "analyst", "pr", "data analyst leeds", "zzz"]
STAFF_QUERIES = ["analyst", "london", "okafor"]


def measure(size: int, repeat: int) -> dict[str, float]:
    """Median server time per page at ``size`` professionals, in a database of its own."""
    with fresh_database() as vendor:
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from apps.accounts.models import User
        from apps.contacts.models import Industry

        build(size)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                # As autovacuum leaves a running site: statistics, and the GIN indexes'
                # pending entries merged (bulk inserts leave them in a list read linearly).
                cursor.execute("VACUUM ANALYZE")
        student = Client()
        student.force_login(User.objects.get(email="bench@example.edu"))
        staff = Client()
        staff.force_login(
            User.objects.create_user(
                email="staff@bench.example", password="x", full_name="Staff", role="staff"
            )
        )
        industry = Industry.objects.get(name="Technology").pk
        pages = {
            f"student q={q}": (student, reverse("contacts:search"), {"q": q})
            for q in STUDENT_QUERIES
        }
        pages["student q=research + industry + video"] = (
            student,
            reverse("contacts:search"),
            {"q": "research", "industry": industry, "format": "video"},
        )
        pages |= {
            f"staff q={q}": (staff, reverse("contacts:staff_list"), {"q": q}) for q in STAFF_QUERIES
        }
        found = {}
        for name, (client, url, params) in pages.items():

            def page(client=client, url=url, params=params):
                cache.clear()
                response = client.get(url, params)
                assert response.status_code == 200, (url, response.status_code)

            samples = timed(page, repeat=repeat)
            found[name] = sorted(samples)[len(samples) // 2]
            print(f"  {vendor} {size}: {name}: {summary(samples)}", flush=True)
        if vendor == "postgresql":
            explain(size)
        return found


def explain(size: int) -> None:
    """The plans of the student search's two queries (the limited count, then the page), one
    line each: the scans it chose, with their indexes, and the time."""
    from apps.contacts.queries import student_professionals, with_load_this_month
    from apps.contacts.search import by_name
    from apps.core.pagination import COUNT_LIMIT, count_up_to_limit

    for q in ("london", "okafor", "analyst", "zzz"):
        matching = student_professionals({"q": q})
        matches = count_up_to_limit(matching)
        counted = matching.order_by().values("pk")[: COUNT_LIMIT + 1]
        page = with_load_this_month(matching).order_by(*by_name(q, matches=matches))[:20]
        for name, queryset in (("count", counted), ("page", page)):
            plan = queryset.explain(analyze=True).splitlines()
            nodes = [
                line.strip().split("  (")[0].lstrip("-> ")
                for line in plan
                if "Scan" in line and ("contacts_professional" in line or " prof_" in line)
            ]
            took = [line.split(": ")[1] for line in plan if line.startswith("Execution Time")]
            print(f"  EXPLAIN {size} q={q} {name}: {'; '.join(nodes)} ({took[0]})", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[PEOPLE // 10, PEOPLE])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    results = [measure(size, args.repeat) for size in args.sizes]
    small, large = results[0], results[-1]
    print(f"\n| page | {args.sizes[0]} | {args.sizes[-1]} | growth |\n|---|---|---|---|")
    for name in small:
        print(
            f"| {name} | {small[name]:.1f} ms | {large[name]:.1f} ms "
            f"| {large[name] / small[name]:.2f}x |"
        )


if __name__ == "__main__":
    main()
