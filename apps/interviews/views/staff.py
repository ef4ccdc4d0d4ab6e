"""Staff see every interview's status and dates (never the student's notes), stalled
requests, and the referrals waiting to be vetted into the binder."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.contacts.models import MonthlyLoad, month_start
from apps.core.access import staff_required
from apps.core.pagination import count_up_to_limit, limited_page

from .. import services
from ..forms import StaffFilterForm
from ..models import Interview, ProfessionalReport, Referral

# What staff may see of an interview: metadata only.
STAFF_FIELDS = [
    "status",
    "format",
    "length_minutes",
    "requested_at",
    "expires_at",
    "follow_up_sent_at",
    "answered_at",
    "starts_at",
    "ends_at",
    "recorded_at",
    "updated_at",
    "created_at",
    "student__full_name",
    "student__email",
    "professional__full_name",
    "professional__industry__name",
    "professional__monthly_capacity",
]


def _day_start(day):
    """Midnight at the start of ``day`` in the viewer's zone: a range on the indexed column,
    where ``__date`` would make the database cast every row's time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _matching(form: StaffFilterForm):
    # Conversations with a student's own people are theirs alone: staff see only counts of
    # them (insight), never whom they were with.
    interviews = Interview.objects.filter(professional__isnull=False)
    if not form.is_valid():
        return interviews
    data = form.cleaned_data
    if data["status"]:
        interviews = interviews.filter(status=data["status"])
    if data["industry"]:
        interviews = interviews.filter(professional__industry=data["industry"])
    if data["professional"]:
        interviews = interviews.filter(professional__full_name__icontains=data["professional"])
    if data["student"]:
        interviews = interviews.filter(
            Q(student__full_name__icontains=data["student"])
            | Q(student__email__icontains=data["student"])
        )
    if data["date_from"]:
        interviews = interviews.filter(updated_at__gte=_day_start(data["date_from"]))
    if data["date_to"]:
        interviews = interviews.filter(updated_at__lt=_day_start(data["date_to"] + timedelta(1)))
    return interviews


@staff_required
def interview_list(request):
    form = StaffFilterForm(request.GET or None)
    matching = _matching(form)
    used = MonthlyLoad.objects.filter(
        professional=OuterRef("professional"), month=month_start()
    ).values("requests")[:1]
    shown = (
        matching.select_related("student", "professional", "professional__industry")
        .only(*STAFF_FIELDS)
        .annotate(load_this_month=Coalesce(Subquery(used, output_field=IntegerField()), Value(0)))
        .order_by("-updated_at", "-pk")
    )
    # Counted without the rows' joins and the load subquery, and only up to the limit: a
    # year's interviews are not read page by page (interview_updated_idx serves the page).
    matches = count_up_to_limit(matching)
    page = limited_page(shown, request.GET.get("page"), per_page=30, matches=matches)
    query = request.GET.copy()
    query.pop("page", None)
    window = timezone.now() - timedelta(days=settings.INTERVIEW_FOLLOW_UP_AFTER_DAYS)
    stalled = (
        Interview.objects.filter(status="requested", requested_at__lt=window)
        .select_related("student", "professional")
        .only(*STAFF_FIELDS)
        .order_by("requested_at")[:20]
    )
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "stalled": stalled,
        "referrals_waiting": Referral.objects.filter(status=Referral.Status.WAITING).count(),
    }
    return render(request, "interviews/staff_list.html", context)


@staff_required
def reports(request):
    """What professionals reported through their links, the latest first: for staff only."""
    every = ProfessionalReport.objects.order_by("-created_at", "-pk")
    shown = every.select_related("interview__student", "interview__professional").only(
        "kind",
        "text",
        "created_at",
        "interview__status",
        "interview__format",
        "interview__starts_at",
        "interview__student__full_name",
        "interview__student__email",
        "interview__professional__full_name",
    )
    page = limited_page(
        shown, request.GET.get("page"), per_page=30, matches=count_up_to_limit(every)
    )
    return render(request, "interviews/staff_reports.html", {"page": page, "query": ""})


@staff_required
def referrals(request):
    waiting = (
        Referral.objects.filter(status=Referral.Status.WAITING)
        .select_related("interview__student", "interview__professional")
        .order_by("pk")
    )
    return render(request, "interviews/staff_referrals.html", {"referrals": waiting})


@staff_required
@require_POST
def referral_decide(request, pk, decision):
    referral = get_object_or_404(Referral, pk=pk)
    try:
        if decision == "add":
            professional = services.referral_add_to_binder(referral=referral, by=request.user)
            messages.success(
                request,
                f"{professional.full_name} is in the binder as pending, not shown to students. "
                + (
                    "We have e-mailed them once to ask whether they agree to be listed."
                    if professional.invited_at
                    else "There is no address to ask them: record their consent on their entry "
                    "once they agree."
                ),
            )
        elif decision == "dismiss":
            services.referral_dismiss(referral=referral)
            messages.success(request, f"{referral.name} will not be added.")
        else:
            messages.error(request, "Choose to add or dismiss the referral.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("interviews:staff_referrals")
