"""Fill a migrated database with the A/B benchmark's data, inside one tree's Django.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ab_x SECRET_KEY=... \\
        .venv/bin/python bench/_abdata.py --root /path/to/tree --scale 1

At scale 1: 20,000 professionals at 1,500 organisations, 2,000 students, 50,000 interviews
(5,000 with a plan of questions), 200,000 reminders, keep-in-touch contacts, referrals and this
month's request counts; plus the signed-in student (Amara Osei: 30 held interviews, drafts, one
of them with research and a plan, reminders due, contacts, her own question bank) and a member
of staff. Names, titles, organisations, places and descriptions come from _abwords.py, so a
city or a job title matches a realistic share of the binder and a rare surname a handful.

The same seed gives the same rows in any tree: only model fields that the current branch and
the older main both have are set, rows are written with bulk_create (no save() logic of either
tree runs), ``search_text`` comes from the tree's own ``build_search_text()``, and every
timestamp is given explicitly (auto_now is switched off here) so that lists ordered by date are
spread over a year as on a running site. Prints the ids the benchmark's URLs need, as JSON.
"""

import argparse
import json
import random
import sys
from datetime import timedelta

import _abwords as W
from _ab_common import PASSWORD, STAFF_EMAIL, STUDENT_EMAIL, use_tree

SEED = 23
BATCH = 2000


def explicit_times(*models) -> None:
    """Let bulk_create write the created_at/updated_at values given, as a running site's
    rows would have them, instead of stamping every row with the moment of the build."""
    for model in models:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                field.auto_now = field.auto_now_add = False


class Builder:
    def __init__(self, scale: float):
        from django.utils import timezone

        self.rng = random.Random(SEED)
        self.now = timezone.now().replace(microsecond=0)
        self.scale = scale
        self.first_weights = W.zipf(len(W.FIRST_NAMES))
        self.surname_weights = W.zipf(len(W.SURNAMES))
        self.city_names = [c for c, _ in W.CITIES]
        self.city_weights = [w for _, w in W.CITIES]
        # Confirmed meetings get consecutive slots: none overlaps another, as PostgreSQL's
        # exclusion constraints (interviews migration 0002) require per person.
        self.next_slot = self.now.replace(minute=0, second=0) + timedelta(days=1, hours=1)

    # --- small draws -------------------------------------------------------------------------
    def name(self) -> tuple[str, str]:
        rng = self.rng
        first = rng.choices(W.FIRST_NAMES, self.first_weights)[0]
        return first, rng.choices(W.SURNAMES, self.surname_weights)[0]

    def city(self) -> str:
        return self.rng.choices(self.city_names, self.city_weights)[0]

    def ago(self, low_days: float, high_days: float):
        return self.now - timedelta(
            seconds=self.rng.randint(int(low_days * 86400), int(high_days * 86400))
        )

    def slot(self, minutes: int):
        start = self.next_slot
        self.next_slot += timedelta(minutes=minutes + 10)
        return start, start + timedelta(minutes=minutes)

    def sentence(self, template: str, role, city: str) -> str:
        rng = self.rng
        t1, t2 = rng.sample(role[3], 2)
        g1, g2 = rng.sample(W.GENERAL_TOPICS, 2)
        return template.format(
            t1=t1,
            t2=t2,
            g1=g1,
            g2=g2,
            title=role[0].lower(),
            city=city,
            field=rng.choice(role[2]).lower(),
            years=rng.randint(2, 12),
            subject=rng.choice(W.SUBJECTS),
        )

    # --- the binder ---------------------------------------------------------------------------
    def organisations(self):
        from apps.contacts.models import Industry, Organisation

        rng = self.rng
        industries = list(Industry.objects.order_by("name"))
        wanted = max(40, round(1500 * self.scale))
        rows, seen = [], set()
        while len(rows) < wanted:
            industry = rng.choice(industries)
            kind = rng.choice(W.ORG_KINDS.get(industry.name, ["Group"]))
            if rng.random() < 0.25:  # named after founders: "Okafor & Finch Solicitors"
                a, b = rng.sample(W.SURNAMES[:120], 2)
                name = f"{a} & {b} {kind}"
            else:
                stem = rng.choice(W.ORG_STEMS)
                name = f"{stem} {kind}" if rng.random() < 0.7 else f"{stem} {self.city()} {kind}"
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            rows.append(
                Organisation(
                    name=name,
                    website=f"https://www.{W.ascii_slug(name.replace(' ', ''))[:40]}.example",
                    industry=industry,
                    size_band=rng.choice(["micro", "small", "medium", "large", "large"]),
                    location=self.city(),
                    research_notes=rng.choice(
                        ["Read their annual review first.", "Strong graduate scheme.", "", ""]
                    ),
                )
            )
        made = Organisation.objects.bulk_create(rows, batch_size=BATCH)
        self.orgs_by_industry = {}
        for org in made:
            self.orgs_by_industry.setdefault(org.industry_id, []).append(org)
        self.industries = {i.name: i for i in industries}

    def resources(self):
        from apps.contacts.models import Resource

        rng = self.rng
        industries = list(self.industries.values())
        made = Resource.objects.bulk_create(
            Resource(
                kind=rng.choice(["association", "directory"]),
                name=f"{rng.choice(W.ORG_STEMS)} {rng.choice(['Society', 'Network', 'Directory', 'Institute'])} {n}",
                url=f"https://resource{n}.example",
                notes=rng.choice(["Student membership is free.", "Lists employers by region.", ""]),
            )
            for n in range(60)
        )
        through = Resource.industries.through
        through.objects.bulk_create(
            through(resource_id=r.pk, industry_id=i.pk)
            for r in made
            for i in rng.sample(industries, rng.randint(1, 3))
        )

    def professionals(self):
        from apps.contacts.models import Occupation, Professional

        rng = self.rng
        occupations = {o.name: o for o in Occupation.objects.all()}
        wanted = max(200, round(20_000 * self.scale))  # room for the signed-in student's 37
        # A handful of people with each rare surname, wherever they fall in the binder.
        rare = {}
        slots = rng.sample(range(wanted), min(wanted, 3 * len(W.RARE_SURNAMES) + 6))
        for n, surname in enumerate(W.RARE_SURNAMES):
            for position in slots[n * 3 : n * 3 + 3 + (n % 2)]:
                rare[position] = surname
        rows = []
        for n in range(wanted):
            first, last = self.name()
            last = rare.get(n, last)
            role = rng.choice(W.ROLES)
            industry = self.industries[rng.choice(role[2])]
            orgs = self.orgs_by_industry.get(industry.pk)
            org = rng.choice(orgs) if orgs and rng.random() < 0.92 else None
            city = self.city()
            status = rng.choices(
                ["active", "paused", "pending", "retired", "do_not_contact"], [84, 7, 4, 3, 2]
            )[0]
            created = self.ago(20, 1500)
            alumni = rng.random() < 0.25
            p = Professional(
                full_name=f"{first} {last}",
                job_title=rng.choice(W.LEVELS) + role[0],
                organisation=org,
                industry=industry,
                occupation=occupations.get(role[1]),
                location=city,
                time_zone=W.ZONES.get(city, "Europe/London"),
                years_in_field=rng.randint(1, 35),
                is_alumni=alumni,
                alumni_programme=rng.choice(W.PROGRAMMES) if alumni else "",
                alumni_year=rng.randint(1985, 2024) if alumni else None,
                talk_about=" ".join(
                    self.sentence(t, role, city) for t in rng.sample(W.SENTENCES, rng.randint(1, 3))
                ),
                offers_visits=rng.random() < 0.2,
                offers_cv_feedback=rng.random() < 0.35,
                offers_mentoring=rng.random() < 0.15,
                accepts_in_person=rng.random() < 0.3,
                accepts_phone=rng.random() < 0.6,
                accepts_video=rng.random() < 0.8,
                accepts_email=rng.random() < 0.3,
                monthly_capacity=rng.choice([1, 2, 2, 2, 3, 4, 5]),
                availability_notes=rng.choice(W.AVAILABILITY),
                email=f"{W.ascii_slug(first)}.{W.ascii_slug(last)}.{n}@{'work' if org else 'mail'}{n % 97}.example",
                phone=f"+44 7700 9{n % 100000:05d}" if rng.random() < 0.5 else "",
                tags=", ".join(rng.sample(W.TAGS, rng.choice([0, 0, 1, 1, 2, 3]))),
                status=status,
                source=rng.choice(["staff", "staff", "volunteer", "import", "referral"]),
                # Nobody is active without a consent record (professional_active_has_consent).
                consent_at=None if status == "pending" else self.ago(3, 430),
                consent_method=""
                if status == "pending"
                else rng.choice(["form", "email", "phone", "in_person"]),
                email_confirmed_at=created,
                created_at=created,
                updated_at=min(self.now, created + timedelta(days=rng.randint(0, 400))),
            )
            p.search_text = p.build_search_text()
            rows.append(p)
        self.pros = Professional.objects.bulk_create(rows, batch_size=BATCH)
        self.active = [p for p in self.pros if p.status == "active"]

    # --- students and their interviews --------------------------------------------------------
    def students(self):
        from apps.accounts.models import StudentProfile, User

        rng = self.rng
        rows = []
        for n in range(max(20, round(2_000 * self.scale))):
            first, last = self.name()
            joined = self.ago(10, 700)
            rows.append(
                User(
                    email=f"{W.ascii_slug(first)}.{W.ascii_slug(last)}.{n}@example.edu",
                    full_name=f"{first} {last}",
                    password="!",
                    date_joined=joined,
                    email_confirmed_at=joined,
                )
            )
        self.people = User.objects.bulk_create(rows, batch_size=BATCH)
        self.me = User.objects.create_user(
            email=STUDENT_EMAIL,
            password=PASSWORD,
            full_name="Amara Osei",
            email_confirmed_at=self.now - timedelta(days=300),
            date_joined=self.now - timedelta(days=300),
        )
        User.objects.create_user(
            email=STAFF_EMAIL,
            password=PASSWORD,
            full_name="Jordan Blake",
            role="staff",
            email_confirmed_at=self.now - timedelta(days=900),
        )
        StudentProfile.objects.bulk_create(
            StudentProfile(
                user=u,
                programme=rng.choice(W.PROGRAMMES),
                graduation_year=rng.randint(2025, 2029),
                career_interests=rng.choice(W.ROLES)[0],
            )
            for u in [*self.people, self.me]
        )

    def plan_for(self, student, interview_title: str, created, items: int):
        """A plan row and its items (curated questions, copied as the app copies them)."""
        from apps.questions.models import Plan, PlanItem

        plan = Plan(
            student=student,
            title=interview_title,
            length_minutes=self.rng.choice([15, 20, 20, 30]),
            created_at=created,
            updated_at=created + timedelta(hours=self.rng.randint(1, 48)),
        )
        picked = self.rng.sample(self.questions, min(items, len(self.questions)))
        return plan, [
            PlanItem(position=n, text=q.text, theme=q.theme, minutes=q.minutes, source_id=q.pk)
            for n, q in enumerate(picked)
        ]

    def save_plans(self, pairs):
        from apps.questions.models import Plan, PlanItem

        plans = Plan.objects.bulk_create([plan for plan, _ in pairs], batch_size=BATCH)
        items = []
        for plan, plan_items in pairs:
            for item in plan_items:
                item.plan = plan
                items.append(item)
        PlanItem.objects.bulk_create(items, batch_size=BATCH)
        return plans

    def interview(self, student, pro, status: str, created=None):
        """One interview at ``status``, with the dates and texts that stage has."""
        from apps.interviews.models import Interview

        rng = self.rng
        role = next((r for r in W.ROLES if r[0] in pro.job_title), W.ROLES[0])
        if created is None:
            fresh = status in ("draft", "requested", "confirmed")
            created = self.ago(0.5, 20) if fresh else self.ago(15, 365)
        i = Interview(
            student=student,
            professional=pro,
            status=status,
            format=rng.choice(["video", "video", "phone", "in_person", "email"]),
            length_minutes=rng.choice([15, 20, 20, 30]),
            created_at=created,
        )
        if rng.random() < 0.8:
            i.research_career = self.sentence(rng.choice(W.RESEARCH), role, pro.location)
        last = created + timedelta(hours=rng.randint(1, 72))
        if status != "draft":
            i.message = f"Dear {pro.full_name.split()[0]}, I am a student at the university and would value {i.length_minutes} minutes of your time."
            i.requested_at = last
            i.delivered_at = last
            i.expires_at = last + timedelta(days=14)
            last = i.requested_at
        if status in ("confirmed", "completed", "declined", "cancelled", "no_show"):
            i.answered_at = last + timedelta(hours=rng.randint(2, 120))
            last = i.answered_at
        if status == "confirmed":
            i.starts_at, i.ends_at = self.slot(i.length_minutes)
            i.where = "Video link to follow" if i.format == "video" else pro.location
        elif status in ("completed", "no_show", "cancelled"):
            i.starts_at = last + timedelta(days=rng.randint(2, 10))
            i.ends_at = i.starts_at + timedelta(minutes=i.length_minutes)
            last = i.ends_at
        if status == "completed":
            i.recorded_at = last + timedelta(hours=rng.randint(2, 72))
            i.notes = self.sentence(
                "They spend most days on {t1}; {t2} matters more than I thought.",
                role,
                pro.location,
            )
            i.reflection = rng.choice(
                ["Yes, more than before.", "Not sure yet.", "Probably not for me."]
            )
            i.next_steps = rng.choice(
                ["Apply to the graduate scheme.", "Talk to someone in the same field.", ""]
            )
            i.actual_minutes = i.length_minutes + rng.randint(-5, 10)
            last = i.recorded_at
        elif status == "declined":
            i.decline_reason = rng.choice(
                ["Too busy this month.", "Not the right person for this.", ""]
            )
        elif status == "cancelled":
            i.cancelled_by = "student"
            i.cancel_reason = "Exam timetable changed."
        i.updated_at = min(self.now, last)
        return i

    def interviews(self):
        from apps.interviews.models import Interview, ProposedTime, Referral
        from apps.questions.models import Question
        from apps.reminders.models import ThankYou

        rng = self.rng
        self.questions = list(Question.objects.filter(bank__owner__isnull=True).order_by("pk"))
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
        weights = [8, 5, 5, 45, 10, 10, 7, 5, 5]
        rows, plans, open_pairs = [], [], set()
        while len(rows) < round(50_000 * self.scale):
            student = rng.choice(self.people)
            status = rng.choices(statuses, weights)[0]
            pool = self.active if status in ("draft", "requested", "confirmed") else self.pros
            pro = rng.choice(pool)
            if status in ("requested", "confirmed"):  # one open request per pair
                if (student.pk, pro.pk) in open_pairs:
                    continue
                open_pairs.add((student.pk, pro.pk))
            interview = self.interview(student, pro, status)
            if rng.random() < 0.1:
                plans.append(
                    (
                        len(rows),
                        self.plan_for(
                            student,
                            f"Questions for {pro.full_name}",
                            interview.created_at,
                            rng.randint(5, 9),
                        ),
                    )
                )
            rows.append(interview)
        for (position, _), plan in zip(
            plans, self.save_plans([pair for _, pair in plans]), strict=True
        ):
            rows[position].plan = plan
        self.everyone = Interview.objects.bulk_create(rows, batch_size=BATCH)
        ProposedTime.objects.bulk_create(
            (
                ProposedTime(interview=i, starts_at=i.requested_at + timedelta(days=d, hours=h))
                for i in self.everyone
                if i.status == "requested"
                for d, h in ((3, 10), (4, 14), (6, 9))[: rng.randint(1, 3)]
            ),
            batch_size=BATCH,
        )
        held = [i for i in self.everyone if i.status == "completed"]
        ThankYou.objects.bulk_create(
            (
                ThankYou(
                    interview=i, text="Thank you for your time and advice.", sent_at=i.recorded_at
                )
                for i in held
                if rng.random() < 0.6
            ),
            batch_size=BATCH,
        )
        Referral.objects.bulk_create(
            Referral(
                interview=i,
                name=" ".join(self.name()),
                role=rng.choice(W.ROLES)[0],
                organisation=rng.choice(W.ORG_STEMS),
                status=rng.choice(["waiting", "waiting", "added", "dismissed"]),
            )
            for i in held
            if rng.random() < 0.02
        )

    def my_interviews(self):
        """The signed-in student's own: held ones, waiting ones, and drafts, one of them with
        her research written and a plan of questions (the workspace page)."""
        from apps.interviews.models import Interview, ProposedTime
        from apps.questions.models import Question, QuestionBank
        from apps.reminders.models import ThankYou

        rng = self.rng
        pros = rng.sample(self.active, 37)
        rows = [self.interview(self.me, p, "completed") for p in pros[:30]]
        rows += [self.interview(self.me, p, "requested") for p in pros[30:32]]
        rows += [self.interview(self.me, pros[32], "confirmed")]
        rows += [self.interview(self.me, p, "draft") for p in pros[33:37]]
        draft = rows[33]
        role = next((r for r in W.ROLES if r[0] in draft.professional.job_title), W.ROLES[0])
        city = draft.professional.location
        draft.research_career = self.sentence(
            "Their field: {t1} and {t2}. I want to know how people start.", role, city
        )
        draft.research_organisation = (
            "Read the last annual review, the graduate pages and two news stories."
        )
        draft.research_person = self.sentence(
            "Moved into {field} after {years} years; writes about {t1}.", role, city
        )
        draft.message = "Dear colleague, I am a second-year student and would value twenty minutes of your time."
        pairs = [
            self.plan_for(
                self.me, f"Questions for {draft.professional.full_name}", draft.created_at, 8
            )
        ]
        pairs += [
            self.plan_for(self.me, f"Questions for {i.professional.full_name}", i.created_at, 7)
            for i in rows[:4]
        ]
        pairs += [
            self.plan_for(self.me, title, self.ago(5, 60), 6)
            for title in ("Alumni questions", "Consulting evening")
        ]
        plans = self.save_plans(pairs)
        draft.plan = plans[0]
        for interview, plan in zip(rows[:4], plans[1:5], strict=True):
            interview.plan = plan
        self.mine = Interview.objects.bulk_create(rows)
        self.draft, self.held = self.mine[33], self.mine[0]
        ProposedTime.objects.bulk_create(
            ProposedTime(interview=self.draft, starts_at=self.now + timedelta(days=d, hours=h))
            for d, h in ((5, 2), (6, 5), (8, 1))
        )
        ThankYou.objects.bulk_create(
            ThankYou(
                interview=i, text="Thank you so much for the conversation.", sent_at=i.recorded_at
            )
            for i in self.mine[:20]
        )
        bank = QuestionBank.objects.create(
            title="My questions for consultants",
            owner=self.me,
            description="Collected at careers fairs.",
        )
        Question.objects.bulk_create(
            Question(bank=bank, text=q.text, theme=q.theme, minutes=q.minutes, position=n)
            for n, q in enumerate(rng.sample(self.questions, 10))
        )

    # --- reminders, contacts, capacity -------------------------------------------------------
    def reminders(self):
        from apps.interviews.models import Interview
        from apps.reminders.models import Contact, ContactLog, Reminder

        rng = self.rng
        by_student = {}
        for i in self.everyone:
            by_student.setdefault(i.student_id, []).append(i)
        pending_keep, pending_kind = set(), set()
        interview_kinds = ["prepare", "day_before", "thank_you", "no_answer"]

        def reminder(student_id, *, pending: bool, due):
            mine = by_student.get(student_id)
            state = (
                "pending"
                if pending
                else rng.choices(["done", "dismissed", "cancelled"], [70, 20, 10])[0]
            )
            kind = (
                "keep_in_touch" if not mine or rng.random() < 0.45 else rng.choice(interview_kinds)
            )
            r = Reminder(student_id=student_id, kind=kind, state=state, due_at=due)
            if kind == "keep_in_touch":
                r.professional_id = (
                    rng.choice(mine).professional_id
                    if mine and rng.random() < 0.7
                    else rng.choice(self.pros).pk
                )
                if state == "pending":
                    if (student_id, r.professional_id) in pending_keep:
                        r.state = "done"
                    pending_keep.add((student_id, r.professional_id))
            else:
                i = rng.choice(mine)
                r.interview_id, r.professional_id = i.pk, i.professional_id
                if state == "pending":
                    if (kind, i.pk) in pending_kind:
                        r.state = "done"
                    pending_kind.add((kind, i.pk))
            r.created_at = min(self.now, due - timedelta(days=rng.randint(1, 90)))
            r.updated_at = r.created_at
            r.emailed_at = due if due < self.now and rng.random() < 0.9 else None
            return r

        students = [s.pk for s in self.people]
        batch = []
        for _ in range(round(200_000 * self.scale)):
            pending = rng.random() < 0.25
            due = self.ago(-60, 30) if pending else self.ago(1, 365)
            batch.append(reminder(rng.choice(students), pending=pending, due=due))
            if len(batch) == 5000:
                Reminder.objects.bulk_create(batch)
                batch = []
        # The signed-in student: 45 due now (the dashboard's list and its second page), eight
        # coming this week, 150 done or dismissed.
        by_student[self.me.pk] = [i for i in self.mine if i.status == Interview.Status.COMPLETED]
        batch += [reminder(self.me.pk, pending=True, due=self.ago(0.1, 30)) for _ in range(45)]
        batch += [reminder(self.me.pk, pending=True, due=self.ago(-7, -0.2)) for _ in range(8)]
        batch += [reminder(self.me.pk, pending=False, due=self.ago(1, 300)) for _ in range(150)]
        Reminder.objects.bulk_create(batch)

        contacts = []
        for student_id, theirs in [*by_student.items()]:
            held = list({i.professional_id for i in theirs if i.status == "completed"})
            count = 12 if student_id == self.me.pk else rng.choice([0, 0, 0, 1, 2, 3])
            for n, pro_id in enumerate(rng.sample(held, min(count, len(held)))):
                contacts.append(
                    Contact(
                        student_id=student_id,
                        professional_id=pro_id,
                        is_mentor=n < (3 if student_id == self.me.pk else 0),
                        cadence_days=rng.choice([30, 61, 91, 91, 182]),
                        last_contact_at=self.ago(1, 200),
                    )
                )
        made = Contact.objects.bulk_create(contacts, batch_size=BATCH)
        ContactLog.objects.bulk_create(
            (
                ContactLog(
                    contact=c,
                    at=self.ago(1, 300),
                    note=rng.choice(["Coffee chat.", "Sent an article.", ""]),
                )
                for c in made
                for _ in range(rng.randint(1, 3))
            ),
            batch_size=BATCH,
        )

    def monthly_load(self):
        from django.utils import timezone

        from apps.contacts.models import MonthlyLoad

        month = timezone.localdate(self.now).replace(day=1)
        MonthlyLoad.objects.bulk_create(
            MonthlyLoad(professional=p, month=month, requests=self.rng.randint(1, 3))
            for p in self.rng.sample(self.active, len(self.active) * 15 // 100)
        )


def build(scale: float) -> dict:
    from django.db import connection, transaction

    from apps.contacts.models import Professional
    from apps.interviews.models import Interview
    from apps.questions.models import Plan
    from apps.reminders.models import Reminder

    explicit_times(Professional, Interview, Reminder, Plan)
    b = Builder(scale)
    with transaction.atomic():
        b.organisations()
        b.resources()
        b.professionals()
        b.students()
        b.interviews()
        b.my_interviews()
        b.reminders()
        b.monthly_load()
    with connection.cursor() as cursor:
        # As autovacuum leaves a running site: planner statistics, and the GIN indexes'
        # pending entries merged (bulk inserts leave them in a list read linearly).
        cursor.execute("VACUUM ANALYZE")
    visible = next(i.professional_id for i in b.mine if i.professional.status == "active")
    return {
        "draft": b.draft.pk,
        "held": b.held.pk,
        "professional": visible,
        "professionals": len(b.pros),
        "students": len(b.people) + 1,
        "interviews": Interview.objects.count(),
        "reminders": Reminder.objects.count(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="the project tree whose code to use")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    use_tree(args.root)
    ids = build(args.scale)
    sys.stdout.write(json.dumps(ids) + "\n")


if __name__ == "__main__":
    main()
