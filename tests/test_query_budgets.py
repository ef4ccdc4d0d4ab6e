"""Every page that lists rows runs the same number of queries with 3 rows as with 30.

Each case builds rows with the related objects the page shows (so an N+1 would add queries),
renders the page with a few, adds many more, renders it again and compares. Pages that already
have their own budget test elsewhere are not repeated here:

- the staff binder list (tests/contacts/test_staff_binder.py)
- the student search (tests/contacts/test_student_search.py)
- the audit log (tests/contacts/test_audit.py)
- the staff insight dashboard (tests/insight/test_metrics.py)
- the staff's and the student's interview lists (tests/interviews/test_staff_and_lists.py)
- a question bank's page (tests/questions/test_banks.py)
- a plan's page (tests/questions/test_plans.py)
- (a bank's edit page is only the bank's own form: its questions are edited on its page)
- the student's dashboard with due reminders (tests/reminders/test_rules.py; the other
  sections of the dashboard are here)
"""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import StaffInvitation
from apps.contacts.models import (
    AuditEntry,
    BinderImport,
    Industry,
    MergeRecord,
    Occupation,
    Organisation,
    Professional,
    Resource,
)
from apps.contacts.spreadsheets import read_rows
from apps.core import spreadsheets
from apps.core.models import QueuedEmail
from apps.interviews import services as interview_services
from apps.interviews.models import (
    CalendarFeed,
    Interview,
    ProfessionalReport,
    Promise,
    ProposedTime,
    Referral,
)
from apps.network.importing import PEOPLE
from apps.network.models import Approach, PeopleImport, Person
from apps.practice.models import Rehearsal, RehearsalStep
from apps.questions.models import Plan, PlanItem, Question, QuestionBank
from apps.reminders.models import Contact, ContactLog

from .conftest import client_for, make_user
from .contacts.factories import make_professional

FEW, MANY = 3, 30
_n = itertools.count(1)


def unique(prefix):
    return f"{prefix} {next(_n)}"


def _pro(**fields):
    return make_professional(
        organisation=unique("Org"),
        industry="Technology",
        occupation="Management Occupations",
        **fields,
    )


def _interview(student, status="completed", **fields):
    now = timezone.now()
    if status == "confirmed":
        start = now + timedelta(days=2 + next(_n) % 300, hours=next(_n) % 20)
        fields.setdefault("starts_at", start)
        fields.setdefault("ends_at", start + timedelta(minutes=20))
    if status == "requested":
        fields.setdefault("requested_at", now)
        fields.setdefault("expires_at", now + timedelta(days=14))
    return Interview.objects.create(student=student, professional=_pro(), status=status, **fields)


def _plan_with_items(student, count, plan=None):
    plan = plan or Plan.objects.create(student=student, title=unique("Plan"))
    start = plan.items.count()
    bank = QuestionBank.objects.create(title=unique("Bank"), published=True, theme="path")
    for i in range(count):
        question = Question.objects.create(
            bank=bank, text=f"How did you get here, step {i}?", theme="path", position=i
        )
        PlanItem.objects.create(plan=plan, text=question.text, position=start + i, source=question)
    return plan


# Each case: (who is asked, a function(world, count) that adds ``count`` rows and returns the
# page's URL). ``world`` is a dict the first call fills and the second reuses.


def mail_queue(world, count):
    for _ in range(count):
        QueuedEmail.objects.create(
            from_email="a@example.edu",
            recipients=[f"{unique('r').replace(' ', '')}@example.edu"],
            subject="Hello",
            message="Subject: Hello\n\nHi",
            status=QueuedEmail.Status.FAILED,
            attempts=5,
        )
    return reverse("mail_queue")


def mail_sent(world, count):
    for _ in range(count):
        QueuedEmail.objects.create(
            from_email="a@example.edu",
            recipients=[f"{unique('r').replace(' ', '')}@example.edu"],
            subject="Sent already",
            message="Subject: Sent already\n\nHi",
            status=QueuedEmail.Status.SENT,
            attempts=1,
            sent_at=timezone.now(),
        )
    return reverse("mail_queue")


def volunteers(world, count):
    for _ in range(count):
        _pro(
            status=Professional.Status.PENDING,
            source=Professional.Source.VOLUNTEER,
            email_confirmed_at=timezone.now(),
        )
    return reverse("contacts:volunteers")


def duplicates(world, count):
    for _ in range(count):
        first = _pro(full_name=unique("Twin"))
        make_professional(full_name=first.full_name.lower(), organisation=first.organisation)
    return reverse("contacts:duplicates")


def organisations(world, count):
    technology = Industry.objects.get(name="Technology")
    for _ in range(count):
        organisation = Organisation.objects.create(name=unique("Org"), industry=technology)
        make_professional(organisation=organisation)
    return reverse("contacts:organisations")


def resources(world, count):
    industries = list(Industry.objects.all()[:2])
    for n in range(count):
        resource = Resource.objects.create(
            kind="association" if n % 2 else "directory",
            name=unique("Guild"),
            url="https://guild.example",
        )
        resource.industries.set(industries)
    return reverse("contacts:resources")


def student_resources(world, count):
    resources(world, count)
    return reverse("contacts:student_resources")


def taxonomy(world, count):
    for _ in range(count):
        industry = Industry.objects.create(name=unique("Industry"))
        occupation = Occupation.objects.create(name=unique("Occupation"))
        make_professional(industry=industry, occupation=occupation)
    return reverse("contacts:taxonomy")


def staff_detail(world, count):
    pro = world.setdefault("pro", _pro())
    staff = world["users"]["staff"]
    for _ in range(count):
        AuditEntry.objects.create(actor=staff, actor_name="Sam", action="viewed", professional=pro)
        MergeRecord.objects.create(kept=pro, merged_name=unique("Old"), merged_by=staff)
        _pro(referred_by=pro)
    return reverse("contacts:staff_detail", args=[pro.pk])


def student_profile(world, count):
    pro = world.setdefault("pro", _pro())
    for _ in range(count):
        resource = Resource.objects.create(kind="association", name=unique("Guild"), url="")
        resource.industries.add(pro.industry)
        _pro(referred_by=pro)
    return reverse("contacts:profile", args=[pro.pk])


def import_preview(world, count):
    batch = world.get("batch")
    rows = world.setdefault("rows", ["Name,Company,E-mail,Industry"])
    for _ in range(count):
        n = next(_n)
        # Half update an existing entry (matched by e-mail), half are new.
        if n % 2:
            existing = _pro()
            rows.append(f"{existing.full_name},{existing.organisation.name},{existing.email},")
        else:
            rows.append(f"New Person {n},Acme {n},new{n}@acme.example,Technology")
    table = read_rows("binder.csv", ("\n".join(rows) + "\n").encode()).as_json()
    if batch is None:
        batch = world["batch"] = BinderImport.objects.create(
            uploaded_by=world["users"]["staff"], filename="binder.csv", table=table
        )
    else:
        BinderImport.objects.filter(pk=batch.pk).update(table=table)
    return reverse("contacts:import_preview", args=[batch.pk])


def bank_browse(world, count):
    industries = list(Industry.objects.all()[:2])
    for _ in range(count):
        bank = QuestionBank.objects.create(title=unique("Bank"), published=True, theme="path")
        bank.industries.set(industries)
        Question.objects.create(bank=bank, text="What is a typical week?", theme="day", position=1)
    return reverse("questions:browse")


def bank_export(world, count):
    bank = world.setdefault("bank", QuestionBank.objects.create(title="Curated", theme="path"))
    start = bank.questions.count()
    for i in range(count):
        Question.objects.create(
            bank=bank, text=f"What changed in year {i}?", theme="path", position=start + i
        )
    return reverse("questions:bank_export", args=[bank.pk])


def plans(world, count):
    student = world["users"]["student"]
    for _ in range(count):
        plan = _plan_with_items(student, 2)
        interview = _interview(student, "draft")
        interview.plan = plan
        interview.save()
    return reverse("questions:plans")


def plan_print(world, count):
    student = world["users"]["student"]
    world["plan"] = _plan_with_items(student, count, world.get("plan"))
    return reverse("questions:plan_print", args=[world["plan"].pk])


def _planned_interview(world, count, status="confirmed"):
    student = world["users"]["student"]
    if "interview" not in world:
        world["interview"] = _interview(student, status)
    interview = world["interview"]
    plan = _plan_with_items(student, count, interview.plan)
    if interview.plan_id is None:
        interview.plan = plan
        interview.save()
    return interview


def interview_detail(world, count):
    interview = _planned_interview(world, count, "requested")
    for _ in range(count):
        ProposedTime.objects.create(
            interview=interview, starts_at=timezone.now() + timedelta(days=3, hours=next(_n))
        )
    return reverse("interviews:detail", args=[interview.pk])


def interview_record(world, count):
    interview = _planned_interview(world, count, "completed")
    for _ in range(count):
        Promise.objects.create(interview=interview, text=unique("An introduction"))
        Referral.objects.create(interview=interview, name=unique("Suggested"))
    return reverse("interviews:record", args=[interview.pk])


def respond(world, count):
    interview = _planned_interview(world, count, "requested")
    for _ in range(count):
        ProposedTime.objects.create(
            interview=interview, starts_at=timezone.now() + timedelta(days=3, hours=next(_n))
        )
    return reverse("interviews:respond", args=[interview_services.professional_token(interview)])


def friend_sheet(world, count):
    interview = _planned_interview(world, count)
    return reverse("practice:friend_sheet", args=[interview.pk])


def rehearse(world, count):
    interview = _planned_interview(world, 1)
    for _ in range(count):
        run = Rehearsal.objects.create(
            interview=interview, length_minutes=20, started_at=timezone.now()
        )
        Rehearsal.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    return reverse("practice:rehearse", args=[interview.pk])


def rehearsal_detail(world, count):
    interview = _planned_interview(world, count)
    now = timezone.now()
    run = world.setdefault(
        "run",
        Rehearsal.objects.create(interview=interview, length_minutes=20, started_at=now),
    )
    now = timezone.now()
    start = run.steps.count()
    for position, item in enumerate(interview.plan.items.order_by("-pk")[:count], start):
        RehearsalStep.objects.create(
            rehearsal=run,
            item=item,
            position=position,
            question=item.text,
            started_at=now,
            ended_at=now,
        )
    return reverse("practice:rehearsal_detail", args=[interview.pk, run.pk])


def language(world, count):
    student = world["users"]["student"]
    for n in range(count):
        _interview(student, language=f"stakeholder mapping\nsynthesis {n}\nroadmap")
    return reverse("practice:language")


def staff_referrals(world, count):
    for _ in range(count):
        interview = _interview(make_user())
        Referral.objects.create(interview=interview, name=unique("Suggested"))
    return reverse("interviews:staff_referrals")


def staff_reports(world, count):
    for _ in range(count):
        interview = _interview(make_user())
        ProfessionalReport.objects.create(interview=interview, kind="concern", text=unique("Note"))
    return reverse("interviews:staff_reports")


def contacts(world, count):
    student = world["users"]["student"]
    for _ in range(count):
        contact = Contact.objects.create(
            student=student, professional=_pro(), last_contact_at=timezone.now()
        )
        ContactLog.objects.create(contact=contact, at=timezone.now(), note="Sent a thank-you note")
    return reverse("reminders:contacts")


def dashboard(world, count):
    student = world["users"]["student"]
    for n in range(count):
        _interview(student, "confirmed")
        _interview(student, "requested")
        _interview(student, "draft")
        Contact.objects.create(
            student=student,
            professional=_pro(),
            is_mentor=n < 2,
            last_contact_at=timezone.now() - timedelta(days=200),
        )
    return reverse("home")


def feed(world, count):
    student = world["users"]["student"]
    for _ in range(count):
        _interview(student, "confirmed")
    token = CalendarFeed.objects.get_or_create(student=student, defaults={"token": "t"})[0].token
    return reverse("interviews:feed", args=[token])


def my_data(world, count):
    student = world["users"]["student"]
    for _ in range(count):
        interview = _interview(student, plan=_plan_with_items(student, 2))
        Promise.objects.create(interview=interview, text="An introduction")
        Contact.objects.create(
            student=student, professional=interview.professional, last_contact_at=timezone.now()
        )
        known = Person.objects.create(student=student, full_name=unique("Known"))
        Approach.objects.create(person=known, on=timezone.localdate(), outcome="emailed")
    return reverse("accounts:my_data")


def people(world, count):
    student = world["users"]["student"]
    for n in range(count):
        Person.objects.create(
            student=student,
            full_name=unique("Known"),
            organisation=unique("Org"),
            how_known=Person.HowKnown.choices[n % 7][0],
            referred_by="Priya Raman" if n % 2 else "",
        )
    return reverse("network:people")


def person_page(world, count):
    """A person's page: the log of approaches (and the advice and drafts read from it)."""
    student = world["users"]["student"]
    person = world.get("person") or world.setdefault(
        "person",
        Person.objects.create(
            student=student, full_name="Known Kim", how_known="referral", referred_by="Priya"
        ),
    )
    today = timezone.localdate()
    outcomes = ["no_answer", "voicemail", "emailed", "messaged", "call_back"]
    for n in range(count):
        outcome = outcomes[n % len(outcomes)]
        Approach.objects.create(
            person=person,
            on=today - timedelta(days=2 + next(_n) % 300),
            outcome=outcome,
            call_back_on=today if outcome == "call_back" else None,
            note=unique("Note"),
        )
    return reverse("network:person_detail", args=[person.pk])


def people_import_preview(world, count):
    student = world["users"]["student"]
    previous = PeopleImport.objects.filter(student=student).first()
    lines = [] if previous is None else previous.summary["lines"]
    for _ in range(count):
        name = unique("Known")
        # Half the rows match someone already kept: the match is found without a query each.
        Person.objects.create(student=student, full_name=f"{name} Kept", email="")
        url = f"https://www.linkedin.com/in/{name.replace(' ', '-')}"
        lines += [[name, "Kept", ""], [name, "New", url]]
    content = "First Name,Last Name,URL\n" + "\n".join(",".join(line) for line in lines)
    table = spreadsheets.read_rows("c.csv", content.encode(), PEOPLE)
    PeopleImport.objects.filter(student=student).delete()
    batch = PeopleImport.objects.create(
        student=student, filename="c.csv", table=table.as_json(), summary={"lines": lines}
    )
    return reverse("network:import_preview", args=[batch.pk])


def referral_tree(world, count):
    root = world.setdefault("pro", _pro())
    for _ in range(count):
        child = _pro(referred_by=root)
        _pro(referred_by=child)
    return reverse("insight:referral_tree", args=[root.pk])


def invitations(world, count):
    staff = world["users"]["staff"]
    for _ in range(count):
        StaffInvitation.objects.create(
            email=f"{unique('new').replace(' ', '')}@example.edu",
            full_name="New Staff",
            invited_by=staff,
            token_digest=unique("digest"),
            expires_at=timezone.now() + timedelta(days=7),
        )
    return reverse("accounts:invite")


def staff_export(world, count):
    for _ in range(count):
        _pro()
    return reverse("contacts:staff_export", args=["csv"])


def insight_export(world, count):
    for _ in range(count):
        _pro()  # never asked
    return reverse("insight:export", args=["never_asked", "csv"])


CASES = {
    "mail queue": ("staff", mail_queue),
    "outgoing e-mail (sent)": ("staff", mail_sent),
    "volunteers": ("staff", volunteers),
    "duplicates": ("staff", duplicates),
    "organisations": ("staff", organisations),
    "resources": ("staff", resources),
    "associations and directories": ("student", student_resources),
    "taxonomy": ("staff", taxonomy),
    "binder entry (audit, merges, referrals)": ("staff", staff_detail),
    "import preview": ("staff", import_preview),
    "binder export": ("staff", staff_export),
    "staff invitations": ("staff", invitations),
    "question banks": ("student", bank_browse),
    "question banks (staff)": ("staff", bank_browse),
    "bank export": ("staff", bank_export),
    "plans": ("student", plans),
    "printable plan": ("student", plan_print),
    "professional's profile": ("student", student_profile),
    "interview workspace": ("student", interview_detail),
    "interview record": ("student", interview_record),
    "professional's link": ("anonymous", respond),
    "calendar feed": ("anonymous", feed),
    "referrals (staff)": ("staff", staff_referrals),
    "reports from professionals (staff)": ("staff", staff_reports),
    "contacts": ("student", contacts),
    "dashboard (interviews, contacts)": ("student", dashboard),
    "rehearsals": ("student", rehearse),
    "rehearsal": ("student", rehearsal_detail),
    "practise with a friend": ("student", friend_sheet),
    "their words": ("student", language),
    "my data": ("student", my_data),
    "people I know": ("student", people),
    "people import preview": ("student", people_import_preview),
    "person I know (approach log)": ("student", person_page),
    "referral tree": ("staff", referral_tree),
    "insight export": ("staff", insight_export),
}


def render(client, url):
    """The page's queries, and its length (to be sure the added rows are shown). Each render
    starts with an empty cache, as the first after a change would: both count the same reads."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in queries], len(body)


@pytest.mark.parametrize("name", list(CASES))
def test_query_count_does_not_grow_with_rows(name, student, staff):
    who, build = CASES[name]
    world = {"users": {"student": student, "staff": staff, "anonymous": None}}
    client = client_for(world["users"][who])
    few, few_length = render(client, build(world, FEW))
    many, many_length = render(client, build(world, MANY - FEW))
    assert many_length > few_length, "the page should show the rows added"
    assert len(many) == len(few), "\n".join(many)
