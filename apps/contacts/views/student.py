"""Students browse the binder and read profiles: never an e-mail address or phone number."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from apps.core.access import student_required

from ..forms import StudentSearchForm
from ..models import Professional, Resource
from ..queries import student_professionals

PAGE_SIZE = 20


@student_required
def search(request):
    form = StudentSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    # Only what the result cards show: private fields are never even loaded.
    professionals = student_professionals(data).only(
        "full_name",
        "job_title",
        "location",
        "is_alumni",
        "talk_about",
        "accepts_in_person",
        "accepts_phone",
        "accepts_video",
        "accepts_email",
        "organisation__name",
        "industry__name",
        "occupation__name",
    )
    page = Paginator(professionals, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "searched": bool(data)}
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
    return render(
        request,
        "contacts/student_profile.html",
        {"professional": professional, "resources": resources},
    )
