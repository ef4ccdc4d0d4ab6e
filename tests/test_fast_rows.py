"""The list rows written in Python give the markup of the templates they replaced.

The templates below are the ones the tags replaced, kept here as the reference; each case
renders both over the same rows (the template from model instances, the tag from the named
rows its page reads) and compares them, ignoring only the space between tags and at
the ends of a paragraph, which a browser does not show.
"""

import re
from datetime import timedelta

import pytest
from django.template import engines
from django.utils import timezone

from apps.contacts.models import Industry, Occupation
from apps.contacts.queries import staff_professionals, student_professionals, with_load_this_month
from apps.contacts.views.staff import ROW_FIELDS
from apps.contacts.views.student import CARD_FIELDS
from apps.interviews.models import Interview, Promise
from apps.reminders.models import Reminder
from apps.reminders.views import DASHBOARD_DUE, DASHBOARD_SOON

from .conftest import make_user
from .contacts.factories import make_professional

pytestmark = pytest.mark.django_db

ROW = """
        <tr>
          <td><a href="{% url 'contacts:staff_detail' p.pk %}">{{ p.full_name }}</a>{% if p.is_alumni %} <span class="badge text-bg-light border">alumni</span>{% endif %}</td>
          <td>{{ p.job_title }}{% if p.organisation %}, {{ p.organisation.name }}{% endif %}</td>
          <td>{{ p.industry.name|default:"—" }}</td>
          <td>{{ p.get_status_display }}</td>
          <td>{{ p.used_this_month }} of {{ p.monthly_capacity }}{% if p.used_this_month >= p.monthly_capacity %} <span class="badge text-bg-warning">full</span>{% endif %}</td>
          <td>{% if p.consent_at %}{{ p.consent_at|date:"j M Y" }}{% else %}<span class="text-danger">none</span>{% endif %}</td>
        </tr>
"""
CARD = """
    <article class="card mb-2">
      <div class="card-body py-2">
        <h3 class="h6 mb-1"><a href="{% url 'contacts:profile' p.pk %}">{{ p.full_name }}</a>{% if p.is_alumni %} <span class="badge text-bg-light border">alumni</span>{% endif %}{% if p.used_this_month >= p.monthly_capacity %} <span class="badge text-bg-warning">fully booked this month</span>{% endif %}</h3>
        <p class="mb-1">{{ p.job_title }}{% if p.organisation %} at {{ p.organisation.name }}{% endif %}{% if p.location %} · {{ p.location }}{% endif %}</p>
        <p class="mb-1 small text-body-secondary">{{ p.industry.name|default:"" }}{% if p.occupation %} · {{ p.occupation.name }}{% endif %} · talks by {{ p.formats|join:", "|lower }}</p>
        {% if p.talk_about %}<p class="mb-0 small">{{ p.talk_about|truncatechars:180 }}</p>{% endif %}
      </div>
    </article>
"""
REMINDER = """
  <article class="card mb-2 reminder reminder-{{ r.kind }}"><div class="card-body py-2">
    <h3 class="h6 mb-1">{{ r.get_kind_display }}{% if r.professional %}: {{ r.professional.full_name }}{% endif %}</h3>
    <p class="small mb-2">
      {% if r.kind == "prepare" %}Your conversation is on {{ r.interview.starts_at|date:"l j F, H:i" }}. <a href="{% url 'interviews:detail' r.interview_id %}">Check your research and questions</a>.
      {% elif r.kind == "day_before" %}Tomorrow, {{ r.interview.starts_at|date:"H:i" }}: {{ r.interview.where|default:"see the interview page" }}. Be five minutes early.
      {% elif r.kind == "thank_you" %}Thank them while it is fresh. <a href="{% url 'reminders:thank_you' r.interview_id %}">Your drafted note is ready to edit</a>.
      {% elif r.kind == "promise" %}They offered: “{{ r.promise.text }}”. If it has not come, a light reminder is fine.
      {% elif r.kind == "no_answer" %}A week without an answer. <a href="{% url 'interviews:detail' r.interview_id %}">Send your one polite follow-up</a>.
      {% else %}Time for a short note about what you have done since. <a href="{% url 'reminders:contacts' %}">Your contacts</a>.{% endif %}
      <span class="text-body-secondary">· due {{ r.due_at|date:"j M" }}</span>
    </p>
    <div class="d-flex flex-wrap gap-1">
      <form method="post" action="{% url 'reminders:act' r.pk 'done' %}">{% csrf_token %}<button class="btn btn-sm btn-success" type="submit">Done<span class="visually-hidden">: {{ r.get_kind_display }}</span></button></form>
      <form method="post" action="{% url 'reminders:act' r.pk 'snooze-day' %}">{% csrf_token %}<button class="btn btn-sm btn-light border" type="submit">Tomorrow<span class="visually-hidden">: {{ r.get_kind_display }}</span></button></form>
      <form method="post" action="{% url 'reminders:act' r.pk 'snooze-week' %}">{% csrf_token %}<button class="btn btn-sm btn-light border" type="submit">Next week<span class="visually-hidden">: {{ r.get_kind_display }}</span></button></form>
      <form method="post" action="{% url 'reminders:act' r.pk 'dismiss' %}">{% csrf_token %}<button class="btn btn-sm btn-outline-secondary" type="submit">Dismiss<span class="visually-hidden">: {{ r.get_kind_display }}</span></button></form>
    </div>
  </div></article>
"""


def same(html):
    html = re.sub(r"\s+", " ", str(html))
    html = re.sub(r"(<p[^>]*>) ", r"\1", html).replace(" </p>", "</p>")
    return re.sub(r">\s+<", "><", html).strip()


def render(source, **context):
    return engines["django"].from_string(source).render(context)


@pytest.fixture
def professionals():
    tech = Industry.objects.first()
    job = Occupation.objects.first()
    make_professional(
        full_name="Ada <Lovelace> & Co",
        organisation='Analytical "Engines"',
        industry=tech,
        occupation=job,
        location="London",
        is_alumni=True,
        talk_about="x" * 300 + "<script>",
        accepts_video=True,
        accepts_phone=True,
        consent_at=timezone.now() - timedelta(days=3),
        monthly_capacity=0,
    )
    make_professional(full_name="Bare Minimum", talk_about="", consent_at=None, status="paused")
    make_professional(full_name="Claire", industry=tech, accepts_in_person=True, job_title="")


def named_rows(queryset, fields):
    return {row.pk: row for row in queryset.values_list(*fields, named=True)}


def test_binder_rows_match_the_template(professionals):
    rows = list(staff_professionals({}))
    assert len(rows) == 3
    named = named_rows(staff_professionals({}).select_related(None), ROW_FIELDS)
    for p in rows:
        actual = render("{% load binder_rows %}{% binder_row p %}", p=named[p.pk])
        assert same(actual) == same(render(ROW, p=p))
    first = render("{% load binder_rows %}{% binder_row p %}", p=named[rows[0].pk])
    assert "Ada &lt;Lovelace&gt; &amp; Co" in first and "full</span>" in first


def test_search_cards_match_the_template(professionals):
    cards = list(with_load_this_month(student_professionals({})))
    assert len(cards) == 2  # the paused one is not offered to students
    named = named_rows(with_load_this_month(student_professionals({})), CARD_FIELDS)
    for p in cards:
        actual = render("{% load binder_rows %}{% result_card p %}", p=named[p.pk])
        assert same(actual) == same(render(CARD, p=p))


@pytest.mark.parametrize(
    "kind", ["prepare", "day_before", "thank_you", "promise", "no_answer", "keep_in_touch"]
)
def test_reminder_cards_match_the_template(kind):
    student = make_user()
    pro = make_professional(full_name="Dr <Who>")
    interview = Interview.objects.create(
        student=student,
        professional=pro,
        status="confirmed",
        starts_at=timezone.now() + timedelta(days=1),
        where='Room "4" & café',
    )
    promise = Promise.objects.create(interview=interview, text="An intro to <Sam>")
    reminder = Reminder.objects.create(
        student=student,
        kind=kind,
        interview=interview,
        professional=pro,
        promise=promise if kind == "promise" else None,
        due_at=timezone.now() - timedelta(hours=1),
    )
    context = {"r": reminder, "csrf_token": "TOKEN123"}
    expected = render(REMINDER, **context)
    row = Reminder.objects.filter(pk=reminder.pk).values_list(*DASHBOARD_DUE, named=True).get()
    actual = render("{% load reminder_cards %}{% reminder_card r %}", r=row, csrf_token="TOKEN123")
    # The buttons now name the person too, so that ten "Done" buttons can be told apart.
    kind_name = reminder.get_kind_display()
    expected = expected.replace(
        f'<span class="visually-hidden">: {kind_name}</span>',
        f'<span class="visually-hidden">: {kind_name}: Dr &lt;Who&gt;</span>',
    )
    assert same(actual) == same(expected)
    assert actual.count('value="TOKEN123"') == 4


SOON = """{% if soon %}<p class="small mb-0">Coming up: {% for r in soon %}{{ r.get_kind_display|lower }}{% if r.professional %} ({{ r.professional.full_name }}){% endif %} on {{ r.due_at|date:"j M" }}{% if not forloop.last %}; {% endif %}{% endfor %}.</p>{% endif %}"""


def test_coming_up_matches_the_template():
    student = make_user()
    pro = make_professional(full_name="Dr <Who> & Co")
    other = make_professional(full_name="Plain Name")
    for days, who in ((1, pro), (3, None), (5, other)):
        Reminder.objects.create(
            student=student,
            kind="keep_in_touch" if who else "thank_you",
            professional=who,
            due_at=timezone.now() + timedelta(days=days),
        )
    models = list(Reminder.objects.filter(student=student).order_by("due_at"))
    rows = list(
        Reminder.objects.filter(student=student)
        .order_by("due_at")
        .values_list(*DASHBOARD_SOON, named=True)
    )
    expected = render(SOON, soon=models)
    actual = render("{% load reminder_cards %}{% coming_up soon %}", soon=rows)
    assert same(actual) == same(expected)
    assert "(Dr &lt;Who&gt; &amp; Co)" in actual
    assert render("{% load reminder_cards %}{% coming_up soon %}", soon=[]) == ""
