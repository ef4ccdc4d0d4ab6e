"""Median server time of the staff insight dashboard over a year of data: 2,000 students,
20,000 professionals and 50,000 interviews. Target: under 300 ms on SQLite and PostgreSQL.

    .venv/bin/python bench/insight_dashboard.py [--repeat 15]
"""

import argparse
import random
from datetime import timedelta

from _harness import fresh_database, summary, timed


def build(students: int, professionals: int, interviews: int) -> None:
    from django.utils import timezone

    from apps.accounts.models import User
    from apps.contacts.models import Industry, MonthlyLoad, Occupation, Professional, month_start
    from apps.interviews.models import Interview
    from apps.reminders.models import ThankYou

    rng = random.Random(3)
    now = timezone.now()
    industries, occupations = list(Industry.objects.all()), list(Occupation.objects.all())
    people = User.objects.bulk_create(
        User(
            email=f"s{n}@bench.example",
            full_name=f"Student {n}",
            password="!",
            date_joined=now - timedelta(days=rng.randint(0, 400)),
        )
        for n in range(students)
    )
    pros = Professional.objects.bulk_create(
        (
            Professional(
                full_name=f"Pro {n}",
                email=f"p{n}@bench.example",
                search_text=f"pro {n}",
                status=rng.choices(["active", "paused", "retired"], [85, 10, 5])[0],
                industry=rng.choice(industries),
                occupation=rng.choice(occupations),
                consent_at=now - timedelta(days=rng.randint(0, 500)),
                consent_method="phone",
            )
            for n in range(professionals)
        ),
        batch_size=2000,
    )
    statuses = [
        "draft",
        "requested",
        "confirmed",
        "completed",
        "declined",
        "expired",
        "withdrawn",
        "cancelled",
        "no_show",
    ]
    rows = []
    pairs = set()
    while len(rows) < interviews:
        student, pro = rng.choice(people), rng.choice(pros)
        status = rng.choices(statuses, [5, 5, 5, 45, 10, 10, 8, 7, 5])[0]
        if status in ("requested", "confirmed") and (student.pk, pro.pk) in pairs:
            continue
        if status in ("requested", "confirmed"):
            pairs.add((student.pk, pro.pk))
        created = now - timedelta(days=rng.randint(0, 365), hours=rng.randint(0, 23))
        requested = None if status == "draft" else created + timedelta(days=rng.randint(0, 5))
        answered = (
            requested + timedelta(hours=rng.randint(1, 200))
            if status in ("confirmed", "completed", "declined", "cancelled", "no_show")
            else None
        )
        rows.append(
            Interview(
                student=student,
                professional=pro,
                status=status,
                created_at=created,
                research_career="notes" if rng.random() < 0.9 else "",
                requested_at=requested,
                answered_at=answered,
                recorded_at=answered + timedelta(days=3) if status == "completed" else None,
            )
        )
    made = Interview.objects.bulk_create(rows, batch_size=2000)
    ThankYou.objects.bulk_create(
        (
            ThankYou(interview=i, text="x", sent_at=i.recorded_at)
            for i in made
            if i.status == "completed" and rng.random() < 0.6
        ),
        batch_size=2000,
    )
    MonthlyLoad.objects.bulk_create(
        MonthlyLoad(professional=p, month=month_start(), requests=rng.randint(1, 3))
        for p in rng.sample(pros, min(3000, len(pros) * 3 // 20))
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with fresh_database() as vendor:
        from django.db import connection
        from django.test import Client

        from apps.accounts.models import User

        build(2_000, 20_000, 50_000)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        staff = User.objects.create_user(
            email="staff@bench.example", password="x", full_name="Staff", role="staff"
        )
        client = Client()
        client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")

        def dashboard():
            response = client.get("/staff/insight/", {"days": "365"})
            assert response.status_code == 200, response.status_code

        samples = timed(dashboard, repeat=args.repeat, warmup=2)
        print(f"insight dashboard on {vendor}, 50,000 interviews over a year: {summary(samples)}")


if __name__ == "__main__":
    main()
