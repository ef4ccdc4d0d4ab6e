"""Rehearsal and language insight pages: the student's own, 404 to anyone else."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.access import private_to_students
from apps.core.text import posted_text
from apps.interviews.models import Interview
from apps.questions.coach import review_question

from . import language, rehearsal
from .models import Rehearsal


def _interview(user, pk) -> Interview:
    return get_object_or_404(
        Interview.objects.filter(student=user).select_related(
            "professional", "professional__organisation", "person", "plan"
        ),
        pk=pk,
    )


def _rehearsal(user, pk, rehearsal_pk) -> Rehearsal:
    return get_object_or_404(
        Rehearsal.objects.filter(interview__student=user, interview_id=pk), pk=rehearsal_pk
    )


@private_to_students
def rehearse(request, pk):
    interview = _interview(request.user, pk)
    history = list(interview.rehearsals.filter(finished_at__isnull=False)[:10])
    running = interview.rehearsals.filter(finished_at__isnull=True).first()
    context = {"interview": interview, "history": history, "running": running}
    if running is not None:
        step = rehearsal.current_step(running)
        elapsed = int((timezone.now() - running.started_at).total_seconds())
        context.update(
            step=step,
            advice=review_question(step.question, interview.organisation_name) if step else [],
            elapsed=elapsed,
            left=running.length_minutes * 60 - elapsed,
            signals=[
                rehearsal.SIGNAL_TEXT[s]
                for s in rehearsal.signals_reached(elapsed, running.length_minutes)
            ],
            count=running.steps.count(),
        )
    return render(request, "practice/rehearse.html", context)


@private_to_students
@require_POST
def rehearsal_start(request, pk):
    interview = _interview(request.user, pk)
    interview.rehearsals.filter(
        finished_at__isnull=True
    ).delete()  # a new run replaces an abandoned one
    try:
        rehearsal.rehearsal_start(interview=interview)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("practice:rehearse", pk=pk)


@private_to_students
@require_POST
def rehearsal_next(request, pk, rehearsal_pk):
    run = _rehearsal(request.user, pk, rehearsal_pk)
    try:
        following = rehearsal.rehearsal_next(
            rehearsal=run, follow_up=posted_text(request, "follow_up", max_length=300)
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("practice:rehearse", pk=pk)
    if following is None:
        return redirect("practice:rehearsal_detail", pk=pk, rehearsal_pk=run.pk)
    return redirect("practice:rehearse", pk=pk)


@private_to_students
def rehearsal_detail(request, pk, rehearsal_pk):
    run = _rehearsal(request.user, pk, rehearsal_pk)
    summary = rehearsal.rehearsal_summary(run)
    rows = [(step, rehearsal.minutes_seconds(step.seconds)) for step in summary.steps]
    context = {
        "interview": run.interview,
        "run": run,
        "summary": summary,
        "rows": rows,
        "total": rehearsal.minutes_seconds(summary.total_seconds),
    }
    return render(request, "practice/rehearsal_detail.html", context)


@private_to_students
def friend_sheet(request, pk):
    interview = _interview(request.user, pk)
    items = list(interview.plan.items.all()) if interview.plan_id else []
    rows = [
        (
            item,
            rehearsal.FRIEND_PROMPTS.get(
                item.theme, "Answer as a busy but kind professional would."
            ),
        )
        for item in items
    ]
    context = {"interview": interview, "rows": rows, "interruptions": rehearsal.INTERRUPTIONS}
    return render(request, "practice/friend_sheet.html", context)


@private_to_students
def language_page(request):
    terms = language.terms_for(request.user)
    context = {
        "terms": [t for t in terms if not t.hidden],
        "hidden": [t for t in terms if t.hidden],
        "suggestions": language.suggestions_by_industry(terms),
    }
    return render(request, "practice/language.html", context)


@private_to_students
@require_POST
def term_update(request):
    key = request.POST.get("key", "").strip()
    known = {t.key for t in language.terms_for(request.user)}
    if key not in known:
        messages.error(request, "That term is not among your recorded words.")
        return redirect("practice:language")
    action = request.POST.get("action")
    changes = {
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
        "hide": {"hidden": True},
        "show": {"hidden": False},
        "edit": {"label": posted_text(request, "label", max_length=200)},
    }.get(action)
    if changes is None:
        messages.error(request, "Choose pin, hide or edit.")
        return redirect("practice:language")
    language.term_choose(student=request.user, key=key, **changes)
    messages.success(request, "Saved.")
    return redirect("practice:language")
