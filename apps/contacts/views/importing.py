"""Staff import the binder from a spreadsheet: upload, read the preview, commit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from apps.core.access import staff_required

from ..forms import ImportUploadForm
from ..importing import import_batch_commit, import_plan
from ..models import BinderImport
from ..spreadsheets import Table

ROWS_PER_PAGE = 200


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
    rows = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"batch": batch, "plan": plan, "rows": rows, "errors": list(plan.errors())}
    return render(request, "contacts/import_preview.html", context)


@staff_required
@require_POST
def commit(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    try:
        counts = import_batch_commit(batch=batch, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("contacts:import_preview", pk=pk)
    messages.success(
        request,
        f"Imported: {counts['create']} added, {counts['update']} updated, "
        f"{counts['skip']} unchanged.",
    )
    return redirect("contacts:staff_list")
