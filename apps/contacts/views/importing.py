"""Staff import the binder from a spreadsheet: upload, read the preview, commit."""

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.access import staff_required
from apps.core.importing import import_commit_answer, import_preview_page

from ..forms import ImportUploadForm
from ..importing import import_batch_commit, import_plan
from ..models import BinderImport
from ..spreadsheets import Table


def _imports_for(user):
    # Each member of staff sees their own uploads; an upload holds personal data.
    return BinderImport.objects.filter(uploaded_by=user)


@staff_required
def upload(request):
    # Bound on every POST: a file the upload handler skipped (too large) leaves both empty.
    form = ImportUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if form.is_bound and form.is_valid():
        table = form.cleaned_data["file"]
        batch = BinderImport.objects.create(
            uploaded_by=request.user, filename=table.filename, table=table.as_json()
        )
        return redirect("contacts:import_preview", pk=batch.pk)
    return render(request, "contacts/import_upload.html", {"form": form})


@staff_required
def preview(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    if batch.committed_at:
        return render(request, "contacts/import_done.html", {"batch": batch})
    if not batch.table:
        messages.error(request, "That upload is no longer kept; upload the file again.")
        return redirect("contacts:import_upload")
    plan = import_plan(Table.from_json(batch.table))
    return import_preview_page(request, "contacts/import_preview.html", batch=batch, plan=plan)


@staff_required
@require_POST
def commit(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    return import_commit_answer(
        request,
        partial(import_batch_commit, batch=batch, by=request.user),
        preview_url=reverse("contacts:import_preview", args=[pk]),
        done_url=reverse("contacts:staff_list"),
    )
