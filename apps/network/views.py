"""The student's own network. Every page is private to its student: anyone else, staff
included, gets 404 (``private_to_students`` and the ``of(user)`` scope)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from apps.contacts import services as binder
from apps.contacts.models import SUGGESTION_LINK_DAYS
from apps.core.access import private_to_students
from apps.core.spreadsheets import Table

from .forms import PeopleSearchForm, PeopleUploadForm, PersonForm
from .importing import people_import_commit, people_import_plan
from .models import PeopleImport, Person

PER_PAGE = 25
ROWS_PER_PAGE = 200


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


@private_to_students
def person_detail(request, pk):
    person = person_for_student(request.user, pk)
    return render(request, "network/person_detail.html", {"person": person})


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
        return render(request, "network/person_delete.html", {"person": person})
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
    rows = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batch": batch, "plan": plan, "rows": rows, "errors": list(plan.errors())}
    return render(request, "network/import_preview.html", context)


@private_to_students
@require_POST
def import_commit(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    try:
        counts = people_import_commit(batch=batch)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("network:import_preview", pk=pk)
    messages.success(
        request,
        f"Imported: {counts['create']} added, {counts['update']} updated, "
        f"{counts['skip']} unchanged.",
    )
    return redirect("network:people")
