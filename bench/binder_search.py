"""Median server time of the student search page (text query + two filters) over 20,000
professionals. Target: under 50 ms on the 2-core reference machine.

    .venv/bin/python bench/binder_search.py [--size 20000] [--repeat 60]
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=PEOPLE)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    with fresh_database() as vendor:
        from django.db import connection
        from django.test import Client

        from apps.accounts.models import User
        from apps.contacts.models import Industry

        build(args.size)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client()
        client.force_login(
            User.objects.get(email="bench@example.edu"),
            backend="django.contrib.auth.backends.ModelBackend",
        )
        industry = Industry.objects.get(name="Technology").pk
        params = {"q": "research", "industry": industry, "format": "video"}

        def search():
            response = client.get("/professionals/", params)
            assert response.status_code == 200, response.status_code

        from apps.contacts.forms import StudentSearchForm
        from apps.contacts.queries import student_professionals

        form = StudentSearchForm(params)
        assert form.is_valid()
        found = student_professionals(form.cleaned_data).count()
        samples = timed(search, repeat=args.repeat)
        print(
            f"binder search on {vendor}, {args.size} professionals, q=research + industry + format "
            f"({found} matches): {summary(samples)}"
        )


if __name__ == "__main__":
    main()
