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
from ..spreadsheets import MAX_BYTES, SpreadsheetError, read_rows

ROWS_PER_PAGE = 200


def _imports_for(user):
    # Each member of staff sees their own uploads; an upload holds personal data.
    return BinderImport.objects.filter(uploaded_by=user)


@staff_required
def upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            form.add_error(
                "file",
                f"The file is {uploaded.size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files.",
            )
        else:
            content = uploaded.read()
            try:
                read_rows(uploaded.name, content)
            except SpreadsheetError as error:
                form.add_error("file", str(error))
            else:
                batch = BinderImport.objects.create(
                    uploaded_by=request.user, filename=uploaded.name[:255], content=content
                )
                return redirect("contacts:import_preview", pk=batch.pk)
    return render(request, "contacts/import_upload.html", {"form": form})


@staff_required
def preview(request, pk):
    batch = get_object_or_404(_imports_for(request.user), pk=pk)
    if batch.committed_at:
        return render(request, "contacts/import_done.html", {"batch": batch})
    try:
        table = read_rows(batch.filename, bytes(batch.content))
    except SpreadsheetError as error:
        messages.error(request, str(error))
        return redirect("contacts:import_upload")
    plan = import_plan(table)
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
