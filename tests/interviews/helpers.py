import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from apps.interviews import services
from apps.interviews.models import Interview
from apps.questions.models import PlanItem

from ..contacts.factories import make_professional


def ready_interview(
    student, professional=None, *, times=1, start_in=timedelta(days=3), length=20, format="video"
):
    """A draft with research, three planned questions, a message and proposed times."""
    professional = professional or make_professional(
        full_name="Priya Raman",
        job_title="UX Researcher",
        time_zone="America/New_York",
        monthly_capacity=3,
    )
    interview = services.interview_start(student=student, professional=professional)
    services.research_save(interview=interview, career="c", organisation="o", person="p")
    for n, text in enumerate(
        ["How did you start?", "What is a typical week?", "Who else should I talk to?"]
    ):
        PlanItem.objects.create(plan=interview.plan, text=text, position=n, minutes=3)
    base = (timezone.now() + start_in).replace(minute=0, second=0, microsecond=0)
    services.request_prepare(
        interview=interview,
        format=format,
        length_minutes=length,
        accessibility_needs="",
        message="Dear Priya, I am a student who would love to learn about your path into UX research.",
        times=[base + timedelta(hours=2 * n) for n in range(times)] if format != "email" else [],
    )
    return Interview.objects.get(pk=interview.pk)


def sent_interview(student, professional=None, **kwargs):
    interview = ready_interview(student, professional, **kwargs)
    services.request_send(interview=interview)
    return Interview.objects.get(pk=interview.pk)


def link_in(body, prefix):
    return re.search(rf"http://testserver({prefix}\S+/)", body).group(1)


def delivered_to(address):
    return [m for m in mail.outbox if address in m.to]


def calendar_files(message) -> list[bytes]:
    """The text/calendar attachments of a delivered (queued, then sent) message."""
    import email

    parsed = email.message_from_bytes(message.message().as_bytes())
    return [
        part.get_payload(decode=True)
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
    ]
