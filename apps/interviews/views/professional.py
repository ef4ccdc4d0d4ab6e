"""The professional's side, through the signed link in the request e-mail (no account).

Opening the page changes nothing; every answer is a POST. A link from before the last change
(already answered, rescheduled) shows a clear page instead."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.core.timezones import in_zone, zone_named

from .. import services
from ..forms import (
    AcceptForm,
    CancelForm,
    CounterForm,
    DeclineForm,
    QuestionForm,
    ReportForm,
    WrittenAnswersForm,
)
from ..models import ProposedTime

REASONS = {
    "expired": "This link has expired: links work for 14 days.",
    "used": "This request has already been answered or changed since this e-mail was sent.",
    "invalid": "This link is not complete or not valid.",
}


def _invalid(request, why):
    return render(
        request,
        "interviews/link_invalid.html",
        {"reason": REASONS[why]},
        status=404 if why != "used" else 410,
    )


def _page(request, token, interview, *, forms=None, status=200):
    pro = interview.professional
    items = list(interview.plan.items.all()) if interview.plan_id else []
    forms = forms or {}
    context = {
        "token": token,
        "interview": interview,
        "professional": pro,
        "student": interview.student,
        "profile": getattr(interview.student, "student_profile", None),
        "zone": pro.time_zone,
        "times": [
            (slot, in_zone(slot.starts_at, pro.time_zone))
            for slot in interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT)
        ],
        "items": items,
        "accept_form": forms.get("accept")
        or AcceptForm(interview=interview, zone_name=pro.time_zone),
        "counter_form": forms.get("counter") or CounterForm(),
        "decline_form": forms.get("decline") or DeclineForm(),
        "cancel_form": forms.get("cancel") or CancelForm(),
        "answers_form": forms.get("answers") or WrittenAnswersForm(items=items),
        "report_form": forms.get("report") or ReportForm(),
        "question_form": forms.get("ask") or QuestionForm(),
        "reportable": interview.status in services.REPORTABLE,
    }
    return render(request, "interviews/respond.html", context, status=status)


def respond(request, token):
    interview, why = services.interview_for_token(token)
    if interview is None:
        return _invalid(request, why)
    with timezone.override(zone_named(interview.professional.time_zone)):
        return _page(request, token, interview)


ACTIONS = {
    "accept",
    "counter",
    "ask",
    "decline",
    "cancel",
    "answers",
    "report",
    "pause",
    "never",
}


@require_POST
def respond_action(request, token, action):
    if action not in ACTIONS:
        return _invalid(request, "invalid")
    with transaction.atomic():
        interview, why = services.interview_for_token(token, for_update=True)
        if interview is None:
            return _invalid(request, why)
        pro = interview.professional
        with timezone.override(zone_named(pro.time_zone)):
            try:
                done = _act(request, interview, action)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect("interviews:respond", token=token)
            if done is not True:
                return _page(request, token, interview, forms=done, status=400)
    return render(request, "interviews/respond_done.html", {"action": action, "professional": pro})


def _act(request, interview, action):
    """Carry out one answer. Returns True, or the forms to show again with their errors."""
    pro = interview.professional
    if action == "accept":
        form = AcceptForm(request.POST, interview=interview, zone_name=pro.time_zone)
        if not form.is_valid():
            return {"accept": form}
        services.request_accept(
            interview=interview,
            proposed_time_id=form.cleaned_data["proposed_time"].pk,
            where=form.cleaned_data["where"],
        )
    elif action == "counter":
        form = CounterForm(request.POST)
        if not form.is_valid():
            return {"counter": form}
        services.request_counter(
            interview=interview,
            starts_at=form.cleaned_data["starts_at"],
            note=form.cleaned_data["note"],
        )
    elif action == "ask":
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return {"ask": form}
        services.question_to_student(interview=interview, text=form.cleaned_data["question"])
    elif action == "decline":
        # A link acts only in the state it is for: a booked conversation is cancelled, never
        # declined (the service refuses, and says so).
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return {"decline": form}
        services.request_decline(
            interview=interview,
            reason=form.cleaned_data["reason"],
            again=form.cleaned_data["again"],
            again_after=form.cleaned_data["again_after"],
        )
    elif action == "cancel":
        form = CancelForm(request.POST)
        if not form.is_valid():
            return {"cancel": form}
        services.interview_cancel(
            interview=interview, by="professional", reason=form.cleaned_data["reason"]
        )
    elif action == "answers":
        items = list(interview.plan.items.all()) if interview.plan_id else []
        form = WrittenAnswersForm(request.POST, items=items)
        if not form.is_valid():
            return {"answers": form}
        services.written_answers_submit(interview=interview, answers=form.answers())
    elif action == "report":
        form = ReportForm(request.POST)
        if not form.is_valid():
            return {"report": form}
        services.report_file(
            interview=interview, kind=form.cleaned_data["kind"], text=form.cleaned_data["text"]
        )
    elif action == "pause":
        if pro.status == Professional.Status.ACTIVE:
            binder.professional_set_status(professional=pro, status=Professional.Status.PAUSED)
    elif action == "never":
        if request.POST.get("confirm") != "yes":
            raise ValidationError(
                "Nothing was changed: confirm on the next page that you never want to be "
                "contacted again."
            )
        binder.professional_set_status(professional=pro, status=Professional.Status.DO_NOT_CONTACT)
    return True
