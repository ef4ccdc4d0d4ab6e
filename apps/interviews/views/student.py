"""The student's side: a workspace per interview, stage by stage, and the record afterwards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.contacts.models import Professional, Resource
from apps.core.access import private_to_students, student_required
from apps.core.text import posted_text
from apps.network.models import Person
from apps.questions.coach import review_plan

from .. import composer, rules, services
from ..calendar import event_ics, feed_ics
from ..forms import BookingForm, RecordForm, RequestForm, RescheduleForm, ResearchForm
from ..models import CalendarFeed, Interview, ProposedTime


def interview_for_student(user, pk) -> Interview:
    return get_object_or_404(
        Interview.objects.filter(student=user).select_related(
            "professional", "professional__organisation", "professional__industry", "person", "plan"
        ),
        pk=pk,
    )


@student_required
def interview_list(request):
    interviews = (
        Interview.objects.filter(student=request.user)
        .select_related("professional", "professional__organisation", "person")
        .order_by("-updated_at")
    )
    return render(request, "interviews/list.html", {"interviews": interviews})


@student_required
@require_POST
def start(request, professional_pk):
    professional = get_object_or_404(Professional.objects.visible_to_students(), pk=professional_pk)
    try:
        interview = services.interview_start(student=request.user, professional=professional)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("contacts:profile", pk=professional_pk)
    return redirect("interviews:detail", pk=interview.pk)


@private_to_students
@require_POST
def start_with_person(request, person_pk):
    person = get_object_or_404(Person.objects.of(request.user), pk=person_pk)
    interview = services.interview_start_with_person(student=request.user, person=person)
    return redirect("interviews:detail", pk=interview.pk)


@student_required
@require_POST
def booking(request, pk):
    interview = interview_for_student(request.user, pk)
    form = BookingForm(request.POST)
    # A draft's page posts its research notes with the booking (one form: nothing typed is
    # lost); a post without them leaves the saved notes as they are.
    research_form = _research_posted(request, interview)
    if request.POST.get("save") == "research":
        return research(request, pk)
    if form.is_valid() and (research_form is None or research_form.is_valid()):
        data = form.cleaned_data
        was_booked = interview.status == Interview.Status.CONFIRMED
        try:
            services.booking_record(
                interview=interview,
                starts_at=data["starts_at"],
                length_minutes=data["length_minutes"],
                format=data["format"],
                where=data["where"],
                research={
                    field: research_form.cleaned_data[field] for field in ResearchForm.Meta.fields
                }
                if research_form is not None
                else None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Booking moved: download the calendar file again."
                if was_booked
                else "Booked. The calendar file is below, and we will remind you to prepare.",
            )
            return redirect("interviews:detail", pk=pk)
    interview.refresh_from_db()
    return _workspace(
        request, interview, booking_form=form, research_form=research_form, status=400
    )


RESEARCH_FORM_ID = "research-form"  # the research form's id in detail.html


def _research_posted(request, interview) -> ResearchForm | None:
    """The research notes typed on the page, when the button pressed posted them (every button
    of the page's research form does, the confirmed stage's actions included); None when the
    post carried none, which leaves the saved notes as they are."""
    if not any(name in request.POST for name in ResearchForm.Meta.fields):
        return None
    return ResearchForm(request.POST, instance=interview)


def _keep_typed_research(request, interview):
    """Save the research notes an action's post carried before the action itself, so that
    moving, cancelling or closing a conversation never loses what the student typed. Returns
    the page with the notes' errors (and nothing done) when they cannot be saved."""
    form = _research_posted(request, interview)
    return None if form is None else _save_research(request, interview, form)


def _save_research(request, interview, form):
    """Save the research form's notes; the page with its errors when they cannot be saved."""
    if not form.is_valid():
        return _workspace(request, interview, research_form=form, status=400)
    services.research_save(
        interview=interview,
        career=form.cleaned_data["research_career"],
        organisation=form.cleaned_data["research_organisation"],
        person=form.cleaned_data["research_person"],
    )
    return None


def _drafted(interview, research) -> str:
    """The message the app drafts for this request, from the given research notes."""
    return composer.draft_message(
        student=interview.student,
        professional=interview.professional,
        length_minutes=interview.length_minutes,
        format_label=interview.get_format_display(),
        research_organisation=research.get("research_organisation", ""),
        research_person=research.get("research_person", ""),
    )


def _notes(interview) -> dict[str, str]:
    return {field: getattr(interview, field) for field in ResearchForm.Meta.fields}


def _same_text(a: str, b: str) -> bool:
    return a.split() == b.split()  # a browser sends a textarea's line breaks as CRLF


def _request_stage(request, interview, request_form) -> dict:
    """The draft's request form (times and a message drafted for them) and what stands in its way."""
    pro = interview.professional
    if request_form is None:
        initial = {}
        slots = list(interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT))
        for n, slot in enumerate(slots[:5], start=1):
            initial[f"time_{n}"] = slot.starts_at
        if not interview.message:
            initial["message"] = _drafted(interview, _notes(interview))
        if not interview.subject:
            initial["subject"] = composer.draft_subject(student=request.user, professional=pro)
        request_form = RequestForm(instance=interview, initial=initial, professional=pro)
    return {
        "request_form": request_form,
        "missing": services.missing_before_request(
            interview, drafted_message=request_form["message"].value() or ""
        ),
        "message_warnings": composer.review_message(
            request_form["message"].value() or "",
            length_minutes=interview.length_minutes,
            organisation=interview.organisation_name,
        ),
        "request_blocked": rules.why_cannot_request(
            student=request.user, professional=pro, exclude=interview
        ),
        "referrer": composer.referrer_of(pro, request.user),
    }


def _workspace(
    request,
    interview,
    *,
    research_form=None,
    request_form=None,
    reschedule_form=None,
    booking_form=None,
    status=200,
):
    pro = interview.counterpart
    items = list(interview.plan.items.all()) if interview.plan_id else []
    plan_review = review_plan(
        [(i.text, i.minutes) for i in items],
        interview.length_minutes,
        organisation=interview.organisation_name,
    )
    context = {
        "interview": interview,
        "professional": pro,
        "items": items,
        "plan_review": plan_review,
        "research_form": research_form or ResearchForm(instance=interview),
        "reschedule_form": reschedule_form or RescheduleForm(),
        "follow_up_blocked": rules.why_cannot_follow_up(interview)
        if interview.status == "requested"
        else "",
        "record_blocked": rules.why_cannot_record(interview)
        if interview.status == "confirmed"
        else "",
        "student_times": interview.proposed_times.filter(proposed_by=ProposedTime.By.STUDENT),
        "their_times": interview.proposed_times.filter(proposed_by=ProposedTime.By.PROFESSIONAL),
        "resources": Resource.objects.filter(industries=pro.industry_id).order_by("kind", "name")
        if getattr(pro, "industry_id", None)
        else [],
        "show_contact": interview.status in ("confirmed", "completed"),
        # After a decline or an expiry: when, if ever, this student may ask them again.
        "ask_again_wait": rules.why_wait_to_ask_again(student=request.user, professional=pro)
        if interview.status in ("declined", "expired") and not interview.own_network
        else "",
    }
    if interview.own_network:
        # Arranged by the student: the drafts and the log of approaches are on the person's
        # page; here they record the booking (and move it).
        if interview.status in (Interview.Status.DRAFT, Interview.Status.CONFIRMED):
            context["booking_form"] = booking_form or BookingForm.for_interview(interview)
        if interview.status == Interview.Status.DRAFT:
            context["page_form_action"] = reverse("interviews:booking", args=[interview.pk])
    elif interview.status == Interview.Status.DRAFT:
        # The request stage is shown only while the plan is a draft: the drafted message, its
        # coaching and the rules are not worked out for a page that does not show them (the load
        # benchmark found them a fifth of a held interview's page).
        context.update(_request_stage(request, interview, request_form))
        context["page_form_action"] = reverse("interviews:request_save", args=[interview.pk])
    if interview.status == Interview.Status.CONFIRMED:
        # The confirmed stage's actions post the research form (see detail.html), so their
        # fields belong to it too.
        for name in ("reschedule_form", "booking_form"):
            if name in context:
                for field in context[name].fields.values():
                    field.widget.attrs["form"] = RESEARCH_FORM_ID
    return render(request, "interviews/detail.html", context, status=status)


@student_required
def detail(request, pk):
    return _workspace(request, interview_for_student(request.user, pk))


@student_required
@require_POST
def research(request, pk):
    interview = interview_for_student(request.user, pk)
    if refused := _save_research(
        request, interview, ResearchForm(request.POST, instance=interview)
    ):
        return refused
    messages.success(request, "Research notes saved.")
    return redirect("interviews:detail", pk=pk)


@student_required
@require_POST
def request_save(request, pk):
    interview = interview_for_student(request.user, pk)
    # The draft as shown, from the notes saved before this post (the forms below change them).
    # (Only a binder request has one: the path refuses someone the student knows, below.)
    shown_draft = _drafted(interview, _notes(interview)) if interview.professional else None
    form = RequestForm(
        request.POST,
        instance=interview,
        professional=interview.professional,
        sending="send" in request.POST,
    )
    # The page's one form carries the research notes too (Save research, Save draft and Send
    # all save them); a post without them leaves the saved notes as they are.
    research_form = _research_posted(request, interview)
    with_research = research_form is not None
    research_ok = research_form is None or research_form.is_valid()
    if form.is_valid() and research_ok:
        data = form.cleaned_data
        # A message drafted again here is shown to the student before it goes: nothing is
        # sent that they have not read.
        redrafted = False
        if (
            research_form is not None
            and shown_draft is not None
            and _same_text(data["message"], shown_draft)
        ):
            # The student left the drafted message as it was: draft it again from the notes
            # they have just typed, so it carries their homework.
            again = _drafted(interview, research_form.cleaned_data)
            redrafted = not _same_text(again, data["message"])
            data["message"] = again
        try:
            services.request_prepare(
                interview=interview,
                format=data["format"],
                length_minutes=data["length_minutes"],
                accessibility_needs=data["accessibility_needs"],
                message=data["message"],
                times=data["times"],
                subject=data["subject"],
                research=research_form.cleaned_data if research_form is not None else None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if "send" in request.POST and redrafted:
                messages.info(
                    request,
                    "We added a line from your research to your message. Nothing has been "
                    "sent: read it below, then send the request.",
                )
                return redirect("interviews:detail", pk=pk)
            if "send" in request.POST:
                return send(request, pk)
            messages.success(
                request,
                "Research notes and request saved as a draft. Nothing has been sent yet."
                if with_research
                else "Request saved as a draft. Nothing has been sent yet.",
            )
            return redirect("interviews:detail", pk=pk)
    interview.refresh_from_db()
    return _workspace(
        request, interview, request_form=form, research_form=research_form, status=400
    )


def send(request, pk):
    interview = interview_for_student(request.user, pk)
    try:
        services.request_send(interview=interview)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        interview.refresh_from_db()
        name = interview.counterpart.full_name
        if services.in_line(interview):
            messages.info(
                request,
                f"{name} has already had as many new requests this week as we send anyone, so "
                "yours waits in line and goes to them as soon as there is room. Your place is "
                "kept; we will e-mail you when they answer.",
            )
        else:
            messages.success(
                request,
                f"Your request is on its way to {name}. We will e-mail you when they answer.",
            )
    return redirect("interviews:detail", pk=pk)


def _simple_action(request, pk, action, success):
    interview = interview_for_student(request.user, pk)
    if refused := _keep_typed_research(request, interview):
        return refused
    try:
        action(interview)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, success)
    return redirect("interviews:detail", pk=pk)


@student_required
@require_POST
def request_send(request, pk):
    return send(request, pk)


@student_required
@require_POST
def follow_up(request, pk):
    return _simple_action(
        request,
        pk,
        lambda i: services.request_follow_up(interview=i),
        "Your polite follow-up is on its way. That is the only one: if there is still no answer, "
        "the request closes by itself.",
    )


@student_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    # Only the confirmation page's own form carries confirm=yes: anything else shows that page.
    if request.POST.get("confirm") != "yes":
        interview = interview_for_student(request.user, pk)
        context = {"interview": interview, "professional": interview.counterpart}
        return render(request, "interviews/withdraw_confirm.html", context)
    return _simple_action(
        request, pk, lambda i: services.request_withdraw(interview=i), "Request withdrawn."
    )


@student_required
@require_POST
def accept_time(request, pk, slot_pk):
    return _simple_action(
        request,
        pk,
        lambda i: services.counter_accept(interview=i, proposed_time_id=slot_pk),
        "Confirmed! The calendar file is in your e-mail and below.",
    )


@student_required
@require_POST
def cancel(request, pk):
    reason = posted_text(request, "reason", max_length=1000)
    return _simple_action(
        request,
        pk,
        lambda i: services.interview_cancel(interview=i, by="student", reason=reason),
        "Cancelled, and they have been told. Thank you for letting them know in good time.",
    )


@student_required
@require_POST
def reschedule(request, pk):
    interview = interview_for_student(request.user, pk)
    if refused := _keep_typed_research(request, interview):
        return refused
    form = RescheduleForm(request.POST)
    if form.is_valid():
        try:
            services.interview_reschedule(interview=interview, times=form.cleaned_data["times"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "New times sent. The interview is on hold until they choose one."
            )
            return redirect("interviews:detail", pk=pk)
    return _workspace(request, interview, reschedule_form=form, status=400)


@student_required
@require_POST
def no_show(request, pk):
    return _simple_action(
        request,
        pk,
        lambda i: services.mark_no_show(interview=i),
        "Noted: the interview did not take place.",
    )


@student_required
def record(request, pk):
    interview = interview_for_student(request.user, pk)
    blocked = rules.why_cannot_record(interview)
    if blocked:
        messages.error(request, blocked)
        return redirect("interviews:detail", pk=pk)
    items = list(interview.plan.items.all()) if interview.plan_id else []
    answers = dict(interview.answers.values_list("item_id", "text"))
    form = RecordForm(request.POST or None, instance=interview, items=items, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_save(
                interview=interview,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                language=form.cleaned_data["language"],
                actual_minutes=form.cleaned_data["actual_minutes"],
                reflection=form.cleaned_data["reflection"],
                next_steps=form.cleaned_data["next_steps"],
                promises=form.promises(),
                referrals=form.referrals(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Saved. Now send your thank-you note while it is fresh.")
            return redirect("interviews:detail", pk=pk)
    context = {
        "interview": interview,
        "form": form,
        "promises": interview.promises.all(),
        "referrals": interview.referrals.all(),
    }
    return render(request, "interviews/record.html", context, status=400 if form.errors else 200)


@student_required
def ics(request, pk):
    interview = interview_for_student(request.user, pk)
    if interview.starts_at is None or interview.status not in (
        "confirmed",
        "completed",
        "cancelled",
    ):
        raise Http404
    event = services.calendar_event(interview, cancelled=interview.status == "cancelled")
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


@student_required
def calendar_settings(request):
    if request.method == "POST":
        services.calendar_feed_for(request.user, regenerate=True)
        messages.success(request, "A new address is ready; the old one no longer works.")
        return redirect("interviews:calendar")
    feed = services.calendar_feed_for(request.user)
    url = request.build_absolute_uri(reverse("interviews:feed", args=[feed.token]))
    return render(request, "interviews/calendar.html", {"feed_url": url})


def feed(request, token):
    """The private feed a calendar application subscribes to: no sign-in, the token is the key."""
    subscription = get_object_or_404(CalendarFeed.objects.select_related("student"), token=token)
    interviews = (
        Interview.objects.filter(student=subscription.student, starts_at__isnull=False)
        .filter(status__in=["confirmed", "completed", "cancelled"])
        .select_related("student", "professional", "person")
    )
    events = [services.calendar_event(i, cancelled=i.status == "cancelled") for i in interviews]
    response = HttpResponse(
        feed_ics(events, name="Informational interviews"),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
