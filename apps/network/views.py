"""The student's own network. Every page is private to its student: anyone else, staff
included, gets 404 (``private_to_students`` and the ``of(user)`` scope)."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from apps.contacts import services as binder
from apps.contacts.models import SUGGESTION_LINK_DAYS
from apps.core.access import private_to_students
from apps.core.importing import import_commit_answer, import_preview_page
from apps.core.spreadsheets import Table

from .drafts import default_ring_day, drafts_for
from .forms import ApproachForm, PeopleSearchForm, PeopleUploadForm, PersonForm, RingDayForm
from .importing import people_import_commit, people_import_plan
from .models import Approach, PeopleImport, Person
from .services import approach_advice, approach_log, approach_remove

PER_PAGE = 25


def person_for_student(user, pk) -> Person:
    return get_object_or_404(Person.objects.of(user), pk=pk)


@private_to_students
def people(request):
    search = PeopleSearchForm(request.GET)
    found = Person.objects.of(request.user)
    query = ""
    if search.is_valid() and (words := search.cleaned_data["q"].strip()):
        query = words
        found = found.filter(
            Q(full_name__icontains=words)
            | Q(organisation__icontains=words)
            | Q(role__icontains=words)
        )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "search": search,
        "words": query,
        "query": urlencode({"q": query}) if query else "",
    }
    return render(request, "network/person_list.html", context)


@private_to_students
def person_add(request):
    form = PersonForm(request.POST or None, student=request.user)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        messages.success(request, f"{person.full_name} added to your people.")
        return redirect("network:person_detail", pk=person.pk)
    return render(request, "network/person_form.html", {"form": form, "title": "Add a person"})


def approach_for_student(user, person_pk, pk) -> Approach:
    return get_object_or_404(
        Approach.objects.of(user).select_related("person"), pk=pk, person_id=person_pk
    )


def _person_page(request, person, *, approaches, approach_form=None, status=200):
    """The person, the log of approaches with the advice it gives today, the form to log the
    next one, and the drafts for approaching them."""
    today = timezone.localdate()
    now = approach_advice(approaches=approaches, today=today)
    if approach_form is None:
        approach_form = ApproachForm(person=person, today=today, approaches=approaches)
    ring_form = RingDayForm(
        request.GET if "ring_on" in request.GET else None,
        today=today,
        initial={"ring_on": default_ring_day(today)},
    )
    ring_on = ring_form.cleaned_data["ring_on"] if ring_form.is_valid() else None
    conversations = list(person.interviews.order_by("-created_at")[:20])
    context = {
        "person": person,
        "conversations": conversations,
        "open_conversation": any(i.status in ("draft", "confirmed") for i in conversations),
        "approaches": approaches,
        "advice": now,
        "approach_form": approach_form,
        "ring_form": ring_form,
        "drafts": drafts_for(
            person,
            request.user,
            ring_on or default_ring_day(today),
            research=next((i for i in conversations if i.status == "draft"), None),
        ),
    }
    return render(request, "network/person_detail.html", context, status=status)


@private_to_students
def person_detail(request, pk):
    person = person_for_student(request.user, pk)
    return _person_page(request, person, approaches=list(person.approaches.all()))


@private_to_students
@require_POST
def approach_add(request, pk):
    person = person_for_student(request.user, pk)
    approaches = list(person.approaches.all())
    today = timezone.localdate()
    form = ApproachForm(request.POST, person=person, today=today, approaches=approaches)
    if not form.is_valid():
        return _person_page(request, person, approaches=approaches, approach_form=form, status=400)
    data = form.cleaned_data
    approach = approach_log(
        person=person,
        on=data["on"],
        outcome=data["outcome"],
        call_back_on=data["call_back_on"],
        note=data["note"],
    )
    messages.success(
        request,
        f"Logged: {approach.get_outcome_display()}, {date_format(approach.on, 'j F Y')}.",
    )
    return redirect(reverse("network:person_detail", args=[person.pk]) + "#approaches")


@private_to_students
def approach_delete(request, pk, approach_pk):
    approach = approach_for_student(request.user, pk, approach_pk)
    # Only the confirmation page's own form carries confirm=yes: anything else shows that page.
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        context = {"approach": approach, "person": approach.person}
        return render(request, "network/approach_delete.html", context)
    approach_remove(approach=approach)
    messages.success(request, "Removed from the log: the advice is worked out from what is left.")
    return redirect(reverse("network:person_detail", args=[pk]) + "#approaches")


@private_to_students
def person_edit(request, pk):
    person = person_for_student(request.user, pk)
    form = PersonForm(request.POST or None, instance=person, student=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("network:person_detail", pk=person.pk)
    context = {"form": form, "title": f"Edit {person.full_name}", "person": person}
    return render(request, "network/person_form.html", context)


@private_to_students
def person_delete(request, pk):
    person = person_for_student(request.user, pk)
    # Only the confirmation page's own form carries confirm=yes: anything else shows that page.
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        context = {"person": person, "conversations": person.interviews.count()}
        return render(request, "network/person_delete.html", context)
    person.delete()
    messages.success(request, f"{person.full_name} removed from your people.")
    return redirect("network:people")


@private_to_students
@require_http_methods(["GET", "POST"])
def person_suggest(request, pk):
    """Suggest one of the student's people for the binder: the page says what will happen,
    and only its own form (confirm=yes) sends the one invitation."""
    person = person_for_student(request.user, pk)
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        context = {"person": person, "link_days": SUGGESTION_LINK_DAYS}
        return render(request, "network/person_suggest.html", context)
    try:
        binder.suggestion_send(student=request.user, full_name=person.full_name, email=person.email)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("network:person_detail", pk=pk)
    messages.success(
        request,
        f"One invitation is on its way to {person.full_name}. If they join, an adviser "
        "reviews their offer; if not, nobody writes to them again about it.",
    )
    return redirect("network:person_detail", pk=pk)


def _imports_for(user):
    return PeopleImport.objects.filter(student=user)


@private_to_students
def import_upload(request):
    # Bound on every POST: a file the upload handler skipped (too large) leaves both empty.
    form = PeopleUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if form.is_bound and form.is_valid():
        table = form.cleaned_data["file"]
        batch = PeopleImport.objects.create(
            student=request.user, filename=table.filename, table=table.as_json()
        )
        return redirect("network:import_preview", pk=batch.pk)
    context = {"form": form, "how_known": Person.HowKnown.choices}
    return render(request, "network/import_upload.html", context)


@private_to_students
def import_preview(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    if batch.committed_at:
        return render(request, "network/import_done.html", {"batch": batch})
    plan = people_import_plan(student=request.user, table=Table.from_json(batch.table))
    return import_preview_page(request, "network/import_preview.html", batch=batch, plan=plan)


@private_to_students
@require_POST
def import_commit(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    return import_commit_answer(
        request,
        partial(people_import_commit, batch=batch),
        preview_url=reverse("network:import_preview", args=[pk]),
        done_url=reverse("network:people"),
    )
