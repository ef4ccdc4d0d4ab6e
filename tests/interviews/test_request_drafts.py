"""The request stage of the interview page (issue 21): the drafted message shows the student's
research and claims no introduction that did not happen, its subject line is the student's to
edit, typed research notes are saved by whichever button is pressed, a draft saves before any
time is chosen, and the "missing" list counts the drafted message."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core.models import QueuedEmail
from apps.interviews import services
from apps.interviews.models import Interview
from apps.network.models import Person
from apps.questions.models import PlanItem

from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def pro():
    return make_professional(
        full_name="Priya Raman", job_title="UX Researcher", organisation="Northwind"
    )


def page_of(client, interview) -> str:
    response = client.get(reverse("interviews:detail", args=[interview.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def post(client, interview, **fields):
    data = {"format": "video", "length_minutes": 20, "accessibility_needs": "", **fields}
    return client.post(reverse("interviews:request_save", args=[interview.pk]), data)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_the_drafted_message_uses_the_research_notes(student, student_client, pro):
    interview = services.interview_start(student=student, professional=pro)
    services.research_save(
        interview=interview,
        career="",
        organisation="Northwind builds banking apps for credit unions. Founded 2009.",
        person="",
    )
    page = page_of(student_client, interview)
    assert (
        "I have been reading about Northwind: Northwind builds banking apps for credit unions."
        in page
    )
    # No research yet: no homework line at all.
    other = services.interview_start(student=student, professional=make_professional())
    assert "I have been reading about" not in page_of(student_client, other)


def test_the_subject_line_is_drafted_editable_and_used_by_the_request_email(
    student, student_client, pro
):
    interview = services.interview_start(student=student, professional=pro)
    services.research_save(interview=interview, career="c", organisation="o", person="p")
    for n, text in enumerate(["How did you start?", "What is a week like?", "Who else?"]):
        PlanItem.objects.create(plan=interview.plan, text=text, position=n, minutes=3)
    page = page_of(student_client, interview)
    assert 'name="subject"' in page and 'value="Informational interview request"' in page
    when = timezone.now() + timedelta(days=4)
    response = post(
        student_client,
        interview,
        subject="A Leeds psychology student: informational interview request",
        message="Dear Priya, I would love to learn how you came to UX research at Northwind.",
        time_1=local(when),
        send="1",
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "requested"
    assert interview.subject == "A Leeds psychology student: informational interview request"
    [mail] = [e for e in QueuedEmail.objects.all() if pro.email in e.recipients]
    assert mail.subject == "A Leeds psychology student: informational interview request"


def test_only_a_true_referral_is_named_in_the_subject_and_the_message(
    student, other_student, student_client
):
    ada = make_professional(full_name="Ada Introducer")
    true = make_professional(full_name="Ben True", referred_by=ada, referred_by_student=student)
    noted = make_professional(full_name="Cy Noted", referred_by=ada)
    theirs = make_professional(
        full_name="Di Theirs", referred_by=ada, referred_by_student=other_student
    )
    page = page_of(student_client, services.interview_start(student=student, professional=true))
    assert 'value="Referred by Ada Introducer: informational interview request"' in page
    assert "Ada Introducer suggested I contact you." in page
    for pro in (noted, theirs):
        page = page_of(student_client, services.interview_start(student=student, professional=pro))
        assert "Ada Introducer" not in page
        assert "Referred by" not in page and 'value="Informational interview request"' in page


def test_typed_research_notes_are_saved_with_the_request_draft_and_no_time_is_needed(
    student, student_client, pro
):
    interview = services.interview_start(student=student, professional=pro)
    response = post(
        student_client,
        interview,
        research_career="Research blends interviews and data.",
        research_organisation="Northwind builds banking apps.",
        research_person="Priya led research for ten years.",
        subject="Informational interview request",
        message="Dear Priya, a first draft.",
        save="1",
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.research_organisation == "Northwind builds banking apps."
    assert interview.research_person == "Priya led research for ten years."
    assert interview.message == "Dear Priya, a first draft."
    assert not interview.proposed_times.exists()
    # Sending still needs a time, and says so; nothing is sent.
    response = post(student_client, interview, message="Dear Priya, a first draft.", send="1")
    assert response.status_code == 400
    assert "Propose at least one time" in response.content.decode()
    assert Interview.objects.get(pk=interview.pk).status == "draft"
    # A refused save changes nothing, and the typed notes are still on the page.
    past = local(timezone.now() - timedelta(days=1))
    response = post(
        student_client,
        interview,
        research_career="Newly typed notes.",
        research_organisation="",
        research_person="",
        message="Dear Priya, a first draft.",
        time_1=past,
        save="1",
    )
    assert response.status_code == 400
    assert "Newly typed notes." in response.content.decode()
    interview.refresh_from_db()
    assert interview.research_career == "Research blends interviews and data."


def test_the_page_renders_research_and_request_in_one_form(student, student_client, pro):
    interview = services.interview_start(student=student, professional=pro)
    page = page_of(student_client, interview)
    start = page.index(f'action="{reverse("interviews:request_save", args=[interview.pk])}"')
    end = page.index("</form>", start)
    form = page[start:end]
    assert 'name="research_career"' in form and 'name="message"' in form
    assert "Save research" in form and "Save draft" in form
    assert reverse("interviews:research", args=[interview.pk]) not in page


def test_the_missing_list_counts_the_drafted_message(student, student_client, pro):
    interview = services.interview_start(student=student, professional=pro)
    page = page_of(student_client, interview)
    missing = page.split("Before you can send the request, add:")[1].split("</ul>")[0]
    assert "notes on the career" in missing
    assert "your introduction message" not in missing


def test_an_untouched_drafted_message_is_drafted_again_from_the_research_just_typed(
    student, student_client, pro
):
    interview = services.interview_start(student=student, professional=pro)
    page = student_client.get(reverse("interviews:detail", args=[interview.pk]))
    drafted = page.context["request_form"]["message"].value()
    assert "I have been reading about" not in drafted
    fields = {
        "research_career": "",
        "research_organisation": "Northwind builds banking apps.",
        "research_person": "",
        "subject": "Informational interview request",
    }
    # As a browser sends it: the draft unedited, its line breaks as CRLF.
    post(student_client, interview, message=drafted.replace("\n", "\r\n"), save="1", **fields)
    interview.refresh_from_db()
    assert "I have been reading about Northwind: Northwind builds banking apps." in (
        interview.message
    )
    # A message the student edited is theirs, kept as written.
    post(student_client, interview, message="Dear Priya, my own words.", save="1", **fields)
    interview.refresh_from_db()
    assert interview.message == "Dear Priya, my own words."


def test_a_booking_with_someone_they_know_saves_the_research_typed_beside_it(
    student, student_client
):
    person = Person.objects.create(student=student, full_name="Aoife Byrne", role="Curator")
    interview = services.interview_start_with_person(student=student, person=person)
    page = page_of(student_client, interview)
    start = page.index(f'action="{reverse("interviews:booking", args=[interview.pk])}"')
    form = page[start : page.index("</form>", start)]
    assert 'name="research_person"' in form and 'name="starts_at"' in form
    notes = {
        "research_career": "Curators care for collections.",
        "research_organisation": "The Harbour Museum reopened in 2024.",
        "research_person": "Aoife curated the tide exhibition.",
    }
    url = reverse("interviews:booking", args=[interview.pk])
    booking = {"length_minutes": 20, "format": "phone", "where": "07700"}
    # A refused booking (no time) saves nothing and keeps the notes on the page.
    response = student_client.post(url, {**booking, **notes})
    assert response.status_code == 400
    assert "Aoife curated the tide exhibition." in html.unescape(response.content.decode())
    interview.refresh_from_db()
    assert interview.research_person == "" and interview.status == "draft"
    # "Save research" saves the notes alone.
    response = student_client.post(url, {**booking, **notes, "save": "research"})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.research_person == "Aoife curated the tide exhibition."
    assert interview.status == "draft"
    # "Record the booking" saves the booking and the notes typed since.
    when = local(timezone.now() + timedelta(days=3))
    changed = {**notes, "research_person": "Aoife also writes for the museum blog."}
    response = student_client.post(url, {**booking, **changed, "starts_at": when})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == "confirmed"
    assert interview.research_person == "Aoife also writes for the museum blog."


def test_send_with_a_message_drafted_again_shows_it_first_and_sends_nothing(
    student, student_client, pro
):
    # The review's case: the notes say something meant for the student alone; "Save and send"
    # on the untouched draft must not mail a line from them that the student never read.
    interview = services.interview_start(student=student, professional=pro)
    for n, text in enumerate(["How did you start?", "What is a week like?", "Who else?"]):
        PlanItem.objects.create(plan=interview.plan, text=text, position=n, minutes=3)
    page = student_client.get(reverse("interviews:detail", args=[interview.pk]))
    drafted = page.context["request_form"]["message"].value()
    fields = {
        "research_career": "Researchers interview users.",
        "research_organisation": "Northwind builds banking apps.",
        "research_person": "Seems unhappy in the role, ask about pay.",
        "subject": "Informational interview request",
        "time_1": local(timezone.now() + timedelta(days=4)),
    }
    queued = QueuedEmail.objects.count()
    response = post(student_client, interview, message=drafted, send="1", **fields)
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == Interview.Status.DRAFT
    assert QueuedEmail.objects.count() == queued
    assert interview.research_person == "Seems unhappy in the role, ask about pay."
    page = page_of(student_client, interview)
    assert "We added a line from your research to your message. Nothing has been sent" in page
    # Read, and sent as it now stands: it goes.
    post(student_client, interview, message=interview.message, send="1", **fields)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.REQUESTED
