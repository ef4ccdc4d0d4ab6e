"""What each row of the list pages says: the binder table, the search cards and the due
reminders on the student's dashboard, rendered by their pages from the rows the pages read."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.contacts.models import Industry, Occupation
from apps.interviews.models import Interview, Promise
from apps.reminders.models import Reminder

from .contacts.factories import make_professional

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def ada():
    return make_professional(
        full_name="Ada <Lovelace> & Co",
        organisation='Analytical "Engines"',
        industry=Industry.objects.first(),
        occupation=Occupation.objects.first(),
        location="London",
        is_alumni=True,
        talk_about="x" * 300 + "<script>",
        accepts_video=True,
        accepts_phone=True,
        accepts_in_person=False,
        accepts_email=False,
        consent_at=timezone.now() - timedelta(days=3),
        monthly_capacity=0,
    )


def test_a_binder_row_shows_name_role_status_load_and_consent(staff_client, ada):
    page = staff_client.get(reverse("contacts:staff_list")).content.decode()
    row = page[page.index(reverse("contacts:staff_detail", args=[ada.pk])) :]
    row = row[: row.index("</tr>")]
    assert "Ada &lt;Lovelace&gt; &amp; Co</a>" in row and "alumni</span>" in row
    assert ", Analytical &quot;Engines&quot;" in row
    assert Industry.objects.first().name in row
    assert "<td>Active</td>" in row
    assert "0 of 0" in row and "full</span>" in row
    assert timezone.localtime(ada.consent_at).strftime("%-d %b %Y") in row


def test_a_binder_row_without_consent_says_none(staff_client):
    pro = make_professional(full_name="Bare Minimum", consent_at=None, status="paused")
    page = staff_client.get(reverse("contacts:staff_list")).content.decode()
    row = page[page.index(reverse("contacts:staff_detail", args=[pro.pk])) :]
    row = row[: row.index("</tr>")]
    assert "<td>Paused</td>" in row and '<span class="text-danger">none</span>' in row


def test_a_search_card_shows_the_work_and_formats_and_never_contact_details(student_client, ada):
    page = student_client.get(reverse("contacts:search")).content.decode()
    card = page[page.index(reverse("contacts:profile", args=[ada.pk])) :]
    card = card[: card.index("</article>")]
    assert "fully booked this month" in card and "alumni" in card
    assert "at Analytical &quot;Engines&quot; · London" in card
    assert "talks by phone, video" in card
    assert "x" * 179 + "…" in card and "<script>" not in card
    assert ada.email not in page


def test_a_due_card_says_what_to_do_and_has_four_named_buttons(student, student_client):
    pro = make_professional(full_name="Dr <Who>")
    interview = Interview.objects.create(
        student=student,
        professional=pro,
        status="confirmed",
        starts_at=timezone.now() + timedelta(hours=20),
        ends_at=timezone.now() + timedelta(hours=20, minutes=20),
        where='Room "4" & café',
    )
    promise = Promise.objects.create(interview=interview, text="An intro to <Sam>")
    kinds = {
        "day_before": "Room &quot;4&quot; &amp; café. Be five minutes early.",
        "promise": "They offered: “An intro to &lt;Sam&gt;”",
        "no_answer": "Send your one polite follow-up",
    }
    for kind in kinds:
        Reminder.objects.create(
            student=student,
            kind=kind,
            interview=interview,
            professional=pro,
            promise=promise if kind == "promise" else None,
            due_at=timezone.now() - timedelta(hours=1),
        )
    page = student_client.get(reverse("home")).content.decode()
    for kind, sentence in kinds.items():
        card = page[page.index(f"reminder-{kind}") :]
        card = card[: card.index("</article>")]
        assert sentence in card
        reminder = Reminder.objects.get(kind=kind)
        for action in ("done", "snooze-day", "snooze-week", "dismiss"):
            assert reverse("reminders:act", args=[reminder.pk, action]) in card
        assert card.count('name="csrfmiddlewaretoken"') == 4
        label = Reminder.Kind(kind).label
        assert card.count(f'<span class="visually-hidden">: {label}: Dr &lt;Who&gt;</span>') == 4


def test_coming_up_lists_each_reminder_with_who_and_when(student, student_client):
    pro = make_professional(full_name="Dr <Who> & Co")
    for days, who, kind in ((1, pro, "keep_in_touch"), (3, None, "thank_you")):
        Reminder.objects.create(
            student=student,
            kind=kind,
            professional=who,
            due_at=timezone.now() + timedelta(days=days),
        )
    page = text_of(student_client.get(reverse("home")).content.decode())
    first = timezone.localtime(timezone.now() + timedelta(days=1)).strftime("%-d %b")
    third = timezone.localtime(timezone.now() + timedelta(days=3)).strftime("%-d %b")
    assert (
        f"Coming up: keep in touch (Dr &lt;Who&gt; &amp; Co) on {first}; "
        f"send your thank-you note on {third}."
    ) in page
