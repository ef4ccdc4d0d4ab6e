"""A student's plan for one conversation: questions in order, timed, coached, printable."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.access import student_required
from apps.core.text import whole_number

from .. import services
from ..access import bank_for_viewer, plan_for_user, plan_item_for_user, question_for_viewer
from ..coach import review_plan
from ..forms import PlanForm, PlanTextForm
from ..models import Plan, QuestionBank


def _organisation_of(plan) -> str:
    """The name of the organisation the plan's conversation is with, or "".

    The interview that uses the plan lives in the interviews app, above this one: it is read
    through the reverse relation and its ``organisation_name``, without importing that app."""
    interview = getattr(plan, "interview", None)
    return getattr(interview, "organisation_name", "") if interview is not None else ""


def _plan_context(plan, *, bank=None, text_form=None, plan_form=None):
    items = list(plan.items.all())
    review = review_plan(
        [(item.text, item.minutes) for item in items],
        plan.length_minutes,
        organisation=_organisation_of(plan),
    )
    banks = (
        QuestionBank.objects.visible_to(plan.student)
        .annotate(question_count=Count("questions"))
        .filter(question_count__gt=0)
    )
    return {
        "plan": plan,
        "items": list(zip(items, review.items, strict=True)),
        "review": review,
        "banks": banks,
        "bank": bank,
        "bank_questions": list(bank.questions.all()) if bank else [],
        "text_form": text_form or PlanTextForm(),
        "plan_form": plan_form or PlanForm(instance=plan),
    }


@student_required
def plan_list(request):
    plans = Plan.objects.filter(student=request.user).annotate(item_count=Count("items"))
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.student = request.user
        plan.save()
        messages.success(request, "Plan started. Add questions from the banks or write your own.")
        return redirect("questions:plan_detail", pk=plan.pk)
    return render(request, "questions/plan_list.html", {"plans": plans, "form": form})


@student_required
def plan_detail(request, pk):
    plan = plan_for_user(request.user, pk)
    bank = None
    wanted = whole_number(request.GET.get("bank", ""))
    if wanted is not None:
        bank = bank_for_viewer(request.user, wanted)
    return render(request, "questions/plan_detail.html", _plan_context(plan, bank=bank))


@student_required
@require_POST
def plan_edit(request, pk):
    plan = plan_for_user(request.user, pk)
    form = PlanForm(request.POST, instance=plan)
    if form.is_valid():
        form.save()
        messages.success(request, "Plan saved.")
        return redirect("questions:plan_detail", pk=pk)
    plan.refresh_from_db()
    return render(
        request, "questions/plan_detail.html", _plan_context(plan, plan_form=form), status=400
    )


@student_required
@require_POST
def plan_add_question(request, pk, question_pk):
    plan = plan_for_user(request.user, pk)
    question = question_for_viewer(request.user, question_pk)
    try:
        services.plan_add_question(plan=plan, question=question)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Added to your plan.")
    return redirect(f"{reverse('questions:plan_detail', args=[pk])}?bank={question.bank_id}")


@student_required
@require_POST
def plan_add_text(request, pk):
    plan = plan_for_user(request.user, pk)
    form = PlanTextForm(request.POST)
    if form.is_valid():
        try:
            services.plan_add_text(plan=plan, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "Added to your plan.")
            return redirect("questions:plan_detail", pk=pk)
    return render(
        request, "questions/plan_detail.html", _plan_context(plan, text_form=form), status=400
    )


@student_required
@require_POST
def plan_item_move(request, pk, item_pk, direction):
    item = plan_item_for_user(request.user, pk, item_pk)
    try:
        services.plan_item_move(item=item, direction=direction)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(f"{reverse('questions:plan_detail', args=[pk])}#item-{item.pk}")


@student_required
@require_POST
def plan_item_remove(request, pk, item_pk):
    item = plan_item_for_user(request.user, pk, item_pk)
    services.plan_item_remove(item=item)
    messages.success(request, "Removed from your plan.")
    return redirect("questions:plan_detail", pk=pk)


@student_required
def plan_print(request, pk):
    plan = plan_for_user(request.user, pk)
    return render(request, "questions/plan_print.html", _plan_context(plan))
