"""Before a time is confirmed, a professional with a question can reach the student, without
any e-mail that carries their own signed links replying to the student; and no e-mail promises
a way of answering that does not exist (issue 21)."""

import email
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from apps.interviews import services
from apps.interviews.models import Interview

from .helpers import delivered_to, sent_interview

pytestmark = pytest.mark.django_db


def reply_to(message) -> str | None:
    """The Reply-To header of a delivered message, as it went out (the stored MIME)."""
    return email.message_from_bytes(message.message().as_bytes())["Reply-To"]


def test_the_request_and_its_follow_up_give_the_students_address_and_no_reply_to(
    student, run_worker
):
    # A reply would quote the e-mail and hand the professional's signed links (to answer for
    # them, to pause or erase their listing) to the student: so the address is named for a
    # new e-mail, and a reply goes to the career centre.
    interview = sent_interview(student)
    pro = interview.professional
    run_worker()
    (request,) = delivered_to(pro.email)
    assert "/respond/" in request.body
    assert reply_to(request) is None
    assert (
        f"Ask {student.full_name} on that page, or write to {student.email} in a new e-mail"
        in request.body
    )
    later = timezone.now() + timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS + 1)
    with time_machine.travel(later, tick=False):
        services.request_follow_up(interview=Interview.objects.get(pk=interview.pk))
        run_worker()
    follow_up = delivered_to(pro.email)[-1]
    assert "only reminder" in follow_up.body and "/respond/" in follow_up.body
    assert reply_to(follow_up) is None
    assert (
        f"Ask {student.full_name} on that page, or write to {student.email} in a new e-mail"
        in follow_up.body
    )


def test_no_e_mail_with_a_professionals_link_replies_to_the_student(student, run_worker):
    from apps.core.models import QueuedEmail

    interview = sent_interview(student)
    services.request_withdraw(interview=interview)
    run_worker()
    with_links = [
        m for m in QueuedEmail.objects.all() if "/respond/" in m.body or "/listing/" in m.body
    ]
    assert with_links
    for message in with_links:
        header = email.message_from_string(message.message)["Reply-To"] or ""
        assert student.email not in header, message.subject


def test_mail_after_the_request_does_not_reply_to_the_student(student, run_worker):
    interview = sent_interview(student)
    services.request_withdraw(interview=interview)
    run_worker()
    withdrawn = delivered_to(interview.professional.email)[-1]
    assert reply_to(withdrawn) is None
    assert "Write to" not in withdrawn.body


def test_no_e_mail_promises_a_reply_on_the_interview_page():
    templates = Path(settings.BASE_DIR) / "templates" / "emails"
    promising = [
        path.name
        for path in templates.iterdir()
        if "reply on the interview page" in path.read_text().lower()
        or "reply on your interview page" in path.read_text().lower()
    ]
    assert promising == []
