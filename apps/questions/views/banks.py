"""Question banks: students browse curated banks and keep their own; staff curate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.access import staff_required, student_required
from apps.core.spreadsheets import csv_stream

from .. import services
from ..access import bank_for_editor, bank_for_viewer, question_for_editor, question_for_viewer
from ..coach import review_question
from ..forms import BankForm, BankUploadForm, BrowseForm, QuestionForm
from ..models import QuestionBank


@login_required
def browse(request):
    form = BrowseForm(request.GET or None)
    banks = (
        QuestionBank.objects.visible_to(request.user)
        .filter(owner__isnull=True)
        .annotate(question_count=Count("questions"))
        .prefetch_related("industries")
    )
    if form.is_valid():
        if form.cleaned_data["theme"]:
            banks = banks.filter(theme=form.cleaned_data["theme"])
        if form.cleaned_data["industry"]:
            banks = banks.filter(industries=form.cleaned_data["industry"])
    own = (
        QuestionBank.objects.filter(owner=request.user).annotate(question_count=Count("questions"))
        if request.user.is_student
        else QuestionBank.objects.none()
    )
    return render(request, "questions/browse.html", {"form": form, "banks": banks, "own": own})


def _can_edit(user, bank) -> bool:
    return (bank.is_curated and user.is_career_staff) or bank.owner_id == user.pk


@login_required
def bank_detail(request, pk):
    bank = bank_for_viewer(request.user, pk)
    questions = [(q, review_question(q.text)) for q in bank.questions.all()]
    can_edit = _can_edit(request.user, bank)
    context = {
        "bank": bank,
        "questions": questions,
        "can_edit": can_edit,
        "form": QuestionForm(initial={"theme": bank.theme or None}) if can_edit else None,
        "upload_form": BankUploadForm() if can_edit else None,
    }
    return render(request, "questions/bank_detail.html", context)


@login_required
def bank_create(request):
    if not (request.user.is_career_staff or request.user.is_student):
        raise Http404
    form = BankForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bank = form.save(commit=False)
        bank.owner = None if request.user.is_career_staff else request.user
        bank.save()
        form.save_m2m()
        messages.success(request, "Bank created. Add its questions below.")
        return redirect("questions:bank_detail", pk=bank.pk)
    return render(request, "questions/form.html", {"form": form, "title": "New question bank"})


@login_required
def bank_edit(request, pk):
    bank = bank_for_editor(request.user, pk)
    form = BankForm(request.POST or None, instance=bank)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("questions:bank_detail", pk=bank.pk)
    return render(request, "questions/form.html", {"form": form, "title": f"Edit “{bank.title}”"})


@staff_required
@require_POST
def bank_publish(request, pk):
    bank = bank_for_editor(request.user, pk)
    bank.published = not bank.published
    bank.save(update_fields=["published"])
    state = "published: students can see it" if bank.published else "unpublished: only staff see it"
    messages.success(request, f"“{bank.title}” is {state}.")
    return redirect("questions:bank_detail", pk=bank.pk)


@staff_required
@require_POST
def bank_duplicate(request, pk):
    copy = services.bank_duplicate(bank=bank_for_editor(request.user, pk))
    messages.success(request, "Copied. The copy is unpublished until you publish it.")
    return redirect("questions:bank_detail", pk=copy.pk)


@login_required
def bank_export(request, pk):
    bank = bank_for_editor(request.user, pk)
    response = StreamingHttpResponse(
        csv_stream(services.EXPORT_HEADER, services.bank_rows(bank)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="question-bank-{bank.pk}.csv"'
    return response


@login_required
@require_POST
def bank_import(request, pk):
    bank = bank_for_editor(request.user, pk)
    form = BankUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Nothing was imported. " + " ".join(form.errors["file"]))
        return redirect("questions:bank_detail", pk=pk)
    added, errors = services.bank_import(bank=bank, table=form.cleaned_data["file"])
    if errors:
        messages.error(request, "Nothing was imported. " + " ".join(errors[:20]))
    else:
        messages.success(request, f"{added} question{'s' if added != 1 else ''} added.")
    return redirect("questions:bank_detail", pk=pk)


@login_required
@require_POST
def question_add(request, pk):
    bank = bank_for_editor(request.user, pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        services.question_add(bank=bank, **form.cleaned_data)
        messages.success(request, "Question added.")
        return redirect("questions:bank_detail", pk=pk)
    questions = [(q, review_question(q.text)) for q in bank.questions.all()]
    context = {
        "bank": bank,
        "questions": questions,
        "can_edit": True,
        "form": form,
        "upload_form": BankUploadForm(),
    }
    return render(request, "questions/bank_detail.html", context, status=400)


@login_required
def question_edit(request, pk):
    question = question_for_editor(request.user, pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Question saved.")
        return redirect("questions:bank_detail", pk=question.bank_id)
    advice = review_question(form["text"].value() or "")
    return render(
        request,
        "questions/question_form.html",
        {"form": form, "question": question, "advice": advice},
    )


@login_required
@require_POST
def question_delete(request, pk):
    question = question_for_editor(request.user, pk)
    question.delete()
    messages.success(request, "Question removed from the bank. Plans that used it keep their copy.")
    return redirect("questions:bank_detail", pk=question.bank_id)


@login_required
@require_POST
def question_move(request, pk, direction):
    question = question_for_editor(request.user, pk)
    try:
        services.question_move(question=question, direction=direction)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(
        f"{reverse('questions:bank_detail', args=[question.bank_id])}#question-{question.pk}"
    )


@student_required
@require_POST
def question_copy(request, pk):
    question = question_for_viewer(request.user, pk)
    copy = services.question_copy_to_own(question=question, student=request.user)
    messages.success(request, f"Copied to “{copy.bank.title}”, where you can reword it.")
    return redirect("questions:bank_detail", pk=question.bank_id)
