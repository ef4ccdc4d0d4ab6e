"""Students browse the binder and read profiles: never an e-mail address or phone number."""

from django.shortcuts import get_object_or_404, render

from apps.core.access import student_required

from ..filters import ResourceFilterForm, StudentSearchForm, kept_form
from ..models import MonthlyLoad, Professional, Resource, month_start
from ..queries import student_professionals, with_load_this_month
from ..search import results_page

PAGE_SIZE = 20
CARD_FIELDS = [
    "pk",
    "full_name",
    "job_title",
    "location",
    "is_alumni",
    "talk_about",
    *Professional.FORMAT_FIELDS,
    "organisation__name",
    "industry__name",
    "occupation__name",
    "monthly_capacity",
    "used_this_month",
]


@student_required
def search(request):
    # Until the student chooses otherwise, only people with room this month are offered.
    # Turning the page is not a new search: only the other parameters bind the form.
    searched = any(key != "page" for key in request.GET)
    form = StudentSearchForm(request.GET if searched else None, initial={"available": True})
    data = form.cleaned_data if form.is_valid() else {"available": True}
    # Only what the result cards show, as named rows: private fields are never even loaded,
    # and no model instances are made (four per card were a sixth of the page's time).
    matching = student_professionals(data)
    professionals = with_load_this_month(matching).values_list(*CARD_FIELDS, named=True)
    page = results_page(
        professionals,
        data.get("q", ""),
        per_page=PAGE_SIZE,
        number=request.GET.get("page"),
        counted=matching,
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        **kept_form(),
        "page": page,
        "query": query.urlencode(),
        "searched": searched,
    }
    return render(request, "contacts/student_search.html", context)


@student_required
def profile(request, pk):
    professional = get_object_or_404(
        Professional.objects.visible_to_students()
        .select_related("organisation", "industry", "occupation")
        .defer("email", "phone"),
        pk=pk,
    )
    resources = (
        Resource.objects.filter(industries=professional.industry_id).order_by("kind", "name")
        if professional.industry_id
        else Resource.objects.none()
    )
    used = (
        MonthlyLoad.objects.filter(professional=professional, month=month_start())
        .values_list("requests", flat=True)
        .first()
        or 0
    )
    context = {
        "professional": professional,
        "resources": resources,
        "fully_booked": used >= professional.monthly_capacity,
    }
    return render(request, "contacts/student_profile.html", context)


# Resources linked to no industry are useful whatever the student is exploring.
ACROSS_INDUSTRIES = "Across industries"


@student_required
def resources(request):
    """The binder's professional associations and company directories, grouped by industry,
    as a career centre's ring binder offers them; one industry or one kind on request."""
    form = ResourceFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    chosen = (
        Resource.objects.prefetch_related("industries")
        .only("kind", "name", "url", "notes")
        .order_by("name", "pk")
    )
    if data.get("kind"):
        chosen = chosen.filter(kind=data["kind"])
    industry = data.get("industry")
    if industry:
        chosen = chosen.filter(industries=industry)
    groups: dict[str, list[Resource]] = {}
    for resource in chosen:
        names = [i.name for i in resource.industries.all() if not industry or i.pk == industry]
        for name in names or [ACROSS_INDUSTRIES]:
            groups.setdefault(name, []).append(resource)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == ACROSS_INDUSTRIES, item[0]))
    return render(
        request,
        "contacts/student_resources.html",
        {"form": form, "groups": ordered, "filtered": bool(data.get("kind") or industry)},
    )
