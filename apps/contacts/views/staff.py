"""Staff curate the binder: list, filter, export, create, edit, change status, volunteers and
duplicates. Organisations, resources, the taxonomy and the audit log are in catalogue.py."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.access import staff_required

from .. import services, spreadsheets
from ..filters import StaffFilterForm, kept_form
from ..forms import (
    MergeForm,
    ProfessionalForm,
    StatusForm,
)
from ..models import (
    AuditEntry,
    MonthlyLoad,
    Professional,
    Suggestion,
    month_start,
)
from ..queries import STAFF_SORT, staff_professionals
from ..search import results_page

PAGE_SIZE = 25
ROW_FIELDS = [
    "pk",
    "full_name",
    "is_alumni",
    "job_title",
    "organisation__name",
    "industry__name",
    "status",
    "monthly_capacity",
    "used_this_month",
    "consent_at",
]


def _filters(request) -> tuple[StaffFilterForm, dict]:
    form = StaffFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, data


@staff_required
def professional_list(request):
    form, data = _filters(request)
    matching = staff_professionals(data)
    # Only what the table shows, as named rows rather than model instances (the export wants
    # every column; this page does not): making three models per row was a sixth of the page.
    shown = matching.select_related(None).values_list(*ROW_FIELDS, named=True)
    # Counted without the rows' joins, which SQLite would otherwise walk for all 20,000 (7 ms).
    sort = data.get("sort") or "name"
    page = results_page(
        shown,
        data.get("q", ""),
        per_page=PAGE_SIZE,
        number=request.GET.get("page"),
        counted=matching,
        order=None if sort == "name" else STAFF_SORT.get(sort),
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        **kept_form(),
        "page": page,
        "query": query.urlencode(),
        "volunteers_waiting": Professional.objects.volunteers()
        .filter(email_confirmed_at__isnull=False)
        .count(),
    }
    return render(request, "contacts/staff_list.html", context)


EXPORT_COLUMNS = [
    ("Name", lambda p: p.full_name),
    ("Job title", lambda p: p.job_title),
    ("Organisation", lambda p: p.organisation.name if p.organisation else ""),
    ("Industry", lambda p: p.industry.name if p.industry else ""),
    ("Occupation", lambda p: p.occupation.name if p.occupation else ""),
    ("Location", lambda p: p.location),
    ("Time zone", lambda p: p.time_zone),
    ("Years in field", lambda p: p.years_in_field if p.years_in_field is not None else ""),
    ("Alumni", lambda p: "yes" if p.is_alumni else "no"),
    ("Alumni programme", lambda p: p.alumni_programme),
    ("Alumni year", lambda p: p.alumni_year or ""),
    ("Talk about", lambda p: p.talk_about),
    ("Offers", lambda p: ", ".join(p.offers)),
    ("Formats", lambda p: ", ".join(p.formats)),
    ("Monthly capacity", lambda p: p.monthly_capacity),
    ("Availability", lambda p: p.availability_notes),
    ("E-mail", lambda p: p.email),
    ("Phone", lambda p: p.phone),
    ("LinkedIn", lambda p: p.linkedin_url),
    ("Tags", lambda p: p.tags),
    ("Status", lambda p: p.get_status_display()),
    ("Consent date", lambda p: p.consent_at.date().isoformat() if p.consent_at else ""),
    ("Consent method", lambda p: p.get_consent_method_display() if p.consent_method else ""),
]


@staff_required
def professional_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _, data = _filters(request)
    professionals = staff_professionals(data).iterator(chunk_size=1000)
    header = [label for label, _ in EXPORT_COLUMNS]
    rows = ([value(p) for _, value in EXPORT_COLUMNS] for p in professionals)
    chosen = ", ".join(f"{k}={v}" for k, v in sorted(request.GET.items()) if v)
    services.audit(
        actor=request.user,
        action=AuditEntry.Action.EXPORTED,
        detail=f"{fmt.upper()}" + (f" filtered by {chosen}" if chosen else ", everyone"),
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = StreamingHttpResponse(
            spreadsheets.csv_stream(header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="binder-{stamp}.csv"'
        return response
    return FileResponse(
        io.BytesIO(spreadsheets.xlsx_bytes(header, rows)),
        as_attachment=True,
        filename=f"binder-{stamp}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@staff_required
def professional_create(request):
    form = ProfessionalForm(request.POST or None, initial={"status": Professional.Status.ACTIVE})
    if request.method == "POST" and form.is_valid():
        try:
            professional = services.professional_create(
                professional=form.save(commit=False),
                status=form.cleaned_data["status"],
                consent=form.attestation(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"{professional.full_name} is in the binder.")
            return redirect("contacts:staff_detail", pk=professional.pk)
    return render(
        request, "contacts/staff_form.html", {"form": form, "title": "Add a professional"}
    )


@staff_required
def professional_edit(request, pk):
    professional = get_object_or_404(Professional, pk=pk, erased_at__isnull=True)
    form = ProfessionalForm(request.POST or None, instance=professional)
    if request.method == "POST" and form.is_valid():
        try:
            services.professional_update(
                professional=form.save(commit=False),
                status=form.cleaned_data["status"],
                consent=form.attestation(),
                changed=form.changes(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, "Saved.")
            return redirect("contacts:staff_detail", pk=professional.pk)
    context = {
        "form": form,
        "title": f"Edit {professional.full_name}",
        "professional": professional,
    }
    return render(request, "contacts/staff_form.html", context)


@staff_required
@require_POST
def professional_invite(request, pk):
    """Ask a pending entry with no consent on record, once, by e-mail whether it may be listed."""
    professional = get_object_or_404(Professional, pk=pk, erased_at__isnull=True)
    with transaction.atomic():
        sent = services.invitation_send(professional=professional)
        if sent:
            services.audit(
                actor=request.user,
                action=AuditEntry.Action.CHANGED,
                professional=professional,
                detail="invited by e-mail to confirm the listing",
            )
    if sent:
        messages.success(
            request,
            f"{professional.full_name} is invited by e-mail to confirm, update or decline the "
            "listing. They stay unlisted until they agree.",
        )
    else:
        messages.error(
            request,
            "Nothing was sent: only a pending entry with an address, no consent on record and "
            "no invitation yet can be invited.",
        )
    return redirect("contacts:staff_detail", pk=pk)


@staff_required
def professional_detail(request, pk):
    professional = get_object_or_404(
        Professional.objects.select_related(
            "organisation",
            "industry",
            "occupation",
            "referred_by",
            "referred_by_student",
            "consent_recorded_by",
        ),
        pk=pk,
    )
    services.audit(actor=request.user, action=AuditEntry.Action.VIEWED, professional=professional)
    context = {
        "professional": professional,
        "audit": professional.audit.all()[:10],
        # The reverse manager reads each row's referred_by_id: deferring it cost a query a row.
        "referrals": professional.referrals.only("full_name", "job_title", "referred_by"),
        "merges": professional.merges.select_related("merged_by"),
        "status_form": StatusForm(initial={"status": professional.status}),
        "consent_due": professional.consent_is_due(),
        "used_this_month": MonthlyLoad.objects.filter(
            professional=professional, month=month_start()
        )
        .values_list("requests", flat=True)
        .first()
        or 0,
    }
    return render(request, "contacts/staff_detail.html", context)


ASK_FIRST = {Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED}


@staff_required
@require_POST
def professional_status(request, pk):
    professional = get_object_or_404(Professional, pk=pk, erased_at__isnull=True)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the statuses in the list.")
        return redirect("contacts:staff_detail", pk=pk)
    status = form.cleaned_data["status"]
    if (
        status in ASK_FIRST
        and status != professional.status
        and request.POST.get("confirm") != "yes"
    ):
        # Ending every conversation (and, for "never", for good) is shown before it is done.
        context = {
            "professional": professional,
            "status": status,
            "hidden": [("status", status)],
            "button": "Yes, never contact them again"
            if status == Professional.Status.DO_NOT_CONTACT
            else "Yes, retire them",
        }
        return render(request, "contacts/status_confirm.html", context)
    try:
        services.professional_set_status(professional=professional, status=status)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        services.audit(
            actor=request.user,
            action=AuditEntry.Action.STATUS,
            professional=professional,
            detail=professional.get_status_display(),
        )
        messages.success(
            request, f"{professional.full_name} is now {professional.get_status_display().lower()}."
        )
    return redirect("contacts:staff_detail", pk=pk)


@staff_required
def volunteer_list(request):
    volunteers = (
        Professional.objects.volunteers()
        .select_related("organisation", "industry", "occupation")
        .order_by("created_at")
    )
    context = {
        "volunteers": volunteers,
        # Invitations students' suggestions sent: a number only, nothing about anyone.
        "suggestions_waiting": Suggestion.objects.waiting(timezone.now()).count(),
    }
    return render(request, "contacts/volunteers.html", context)


def _confirmed(request) -> bool:
    """Only a confirmation page's own form carries this: a post from an old page, or a crafted
    one, gets the confirmation page and changes nothing."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


@staff_required
@require_http_methods(["GET", "POST"])
def volunteer_decide(request, pk, decision):
    if decision not in ("approve", "reject"):
        raise Http404
    professional = get_object_or_404(Professional.objects.volunteers(), pk=pk)
    if decision == "reject" and not _confirmed(request):
        return render(request, "contacts/volunteer_turn_down.html", {"volunteer": professional})
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name = professional.full_name
    try:
        if decision == "approve":
            services.volunteer_approve(professional=professional, by=request.user)
            messages.success(request, f"{name} is now active in the binder; we e-mailed them.")
        else:
            services.volunteer_reject(professional=professional, by=request.user)
            messages.success(request, f"The offer from {name} was turned down and removed.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("contacts:volunteers")


@staff_required
def duplicates(request):
    return render(request, "contacts/duplicates.html", {"groups": services.duplicates_find()})


@staff_required
@require_http_methods(["GET", "POST"])
def merge(request):
    """GET, or a POST without the confirmation, shows what the merge will do; the confirmation
    page's own POST merges."""
    form = MergeForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        messages.error(request, "Choose two entries to merge.")
        return redirect("contacts:duplicates")
    entries = Professional.objects.select_related("organisation").filter(
        pk__in=[form.cleaned_data["first"], form.cleaned_data["second"]], erased_at__isnull=True
    )
    if len(entries) != 2:
        messages.error(request, "One of those entries no longer exists; the list is refreshed.")
        return redirect("contacts:duplicates")
    if not _confirmed(request):
        return _merge_confirm(request, entries)
    try:
        kept = services.professionals_merge(first=entries[0], second=entries[1], by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("contacts:duplicates")
    messages.success(request, f"Merged into {kept.full_name} (the older entry).")
    return redirect("contacts:staff_detail", pk=kept.pk)


def _merge_confirm(request, entries):
    # The same order professionals_merge keeps by, so the page names the entry that will stay.
    kept, folded = sorted(entries, key=lambda p: (p.created_at, p.pk))
    context = {
        "kept": kept,
        "folded": folded,
        "entries": [("Kept", kept), ("Folded in", folded)],
        "hidden": [("first", kept.pk), ("second", folded.pk)],
    }
    return render(request, "contacts/merge_confirm.html", context)
