"""Withdrawing a request (or dropping a draft) asks first, on a page that says what will happen;
only the POST from that page (confirm=yes) acts."""

import pytest
from django.urls import reverse

from apps.core.models import QueuedEmail
from apps.interviews import services
from apps.interviews.models import Interview

from ..conftest import client_for
from .helpers import ready_interview, sent_interview

LINK = "https://meet.example.com/booked"  # a video call is accepted with its link

pytestmark = pytest.mark.django_db


def url(interview):
    return reverse("interviews:withdraw", args=[interview.pk])


def state():
    return (
        list(Interview.objects.order_by("pk").values_list("pk", "status")),
        QueuedEmail.objects.count(),
    )


def test_withdraw_shows_what_will_happen_and_changes_nothing(student, student_client):
    interview = sent_interview(student)
    before = state()
    response = student_client.get(url(interview))
    page = response.content.decode()
    assert response.status_code == 200 and page.count("<h1") == 1
    assert "Withdraw your request to Priya Raman?" in page
    assert "We send Priya Raman a short e-mail saying you have withdrawn it" in page
    assert "Reminders about this request stop." in page and "This cannot be undone." in page
    assert '<button class="btn btn-danger" type="submit">Yes, withdraw my request</button>' in page
    assert '<input type="hidden" name="confirm" value="yes">' in page
    back = reverse("interviews:detail", args=[interview.pk])
    assert f'href="{back}">No, keep my request</a>' in page
    assert state() == before


def test_drop_a_draft_says_nothing_is_sent_and_changes_nothing(student, student_client):
    draft = ready_interview(student)
    before = state()
    page = student_client.get(url(draft)).content.decode()
    assert "Drop your plan to talk to Priya Raman?" in page
    assert "Priya Raman never hears about it" in page
    assert '<button class="btn btn-danger" type="submit">Yes, drop this plan</button>' in page
    assert state() == before


@pytest.mark.parametrize("data", [{}, {"confirm": "no"}, {"withdraw": "yes"}])
def test_a_post_without_the_confirmation_changes_nothing_and_asks(student, student_client, data):
    interview = sent_interview(student)
    before = state()
    response = student_client.post(url(interview), data)
    assert response.status_code == 200 and "Yes, withdraw my request" in response.content.decode()
    assert state() == before


def test_a_confirmed_withdrawal_closes_the_request_and_tells_the_professional(
    student, student_client
):
    interview = sent_interview(student)
    response = student_client.post(url(interview), {"confirm": "yes"}, follow=True)
    assert "Request withdrawn." in response.content.decode()
    interview.refresh_from_db()
    assert interview.status == "withdrawn"
    told = QueuedEmail.objects.filter(recipients=[interview.professional.email])
    assert told.filter(subject__icontains="withdrawn").exists()


def test_a_confirmed_drop_closes_the_draft_without_mail(student, student_client):
    draft = ready_interview(student)
    before = QueuedEmail.objects.count()
    student_client.post(url(draft), {"confirm": "yes"})
    draft.refresh_from_db()
    assert draft.status == "withdrawn" and QueuedEmail.objects.count() == before


def test_another_student_gets_404_and_staff_are_refused(student, other_student, staff):
    interview = sent_interview(student)
    before = state()
    for user, status in [(other_student, 404), (staff, 403), (None, 302)]:
        client = client_for(user)
        assert client.get(url(interview)).status_code == status
        assert client.post(url(interview)).status_code == status
        assert client.post(url(interview), {"confirm": "yes"}).status_code == status
    assert state() == before


def test_an_answered_request_has_nothing_to_withdraw(student, student_client):
    interview = sent_interview(student)
    services.request_accept(
        where=LINK, interview=interview, proposed_time_id=interview.proposed_times.first().pk
    )
    before = state()
    page = student_client.get(url(interview)).content.decode()
    assert "Nothing to withdraw" in page and "btn-danger" not in page
    response = student_client.post(url(interview), {"confirm": "yes"}, follow=True)
    assert (
        "Only a request that has not been answered can be withdrawn." in response.content.decode()
    )
    assert state() == before


def test_the_workspace_links_to_the_step_instead_of_posting(student, student_client):
    interview, draft = sent_interview(student), ready_interview(student)
    for shown, label in [(interview, "Withdraw the request…"), (draft, "Drop this plan…")]:
        page = student_client.get(reverse("interviews:detail", args=[shown.pk])).content.decode()
        assert f'action="{url(shown)}"' not in page
        assert f'href="{url(shown)}">{label}</a>' in page
