"""Read-only queries for the binder's list pages, filtered by a validated form's data."""

from django.db.models import Exists, F, IntegerField, OrderBy, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import MonthlyLoad, Professional, month_start
from .search import Professionals, professionals_matching

FORMAT_FIELD = Professional.FORMATS
STAFF_SORT: dict[str, list[str | OrderBy]] = {
    "name": ["full_name", "pk"],
    "organisation": [F("organisation__name").asc(nulls_last=True), "full_name", "pk"],
    "industry": [F("industry__name").asc(nulls_last=True), "full_name", "pk"],
    "-updated": ["-updated_at", "pk"],
    "status": ["status", "full_name", "pk"],
}


def with_load_this_month(queryset: Professionals) -> Professionals:
    """Annotate ``used_this_month``: requests sent this month (0 when none)."""
    used = MonthlyLoad.objects.filter(professional=OuterRef("pk"), month=month_start()).values(
        "requests"
    )[:1]
    return queryset.annotate(
        used_this_month=Coalesce(Subquery(used, output_field=IntegerField()), Value(0))
    )


def _common_filters(queryset: Professionals, data: dict) -> Professionals:
    queryset = professionals_matching(queryset, data.get("q", ""))
    if data.get("industry"):
        queryset = queryset.filter(industry=data["industry"])
    if data.get("occupation"):
        queryset = queryset.filter(occupation=data["occupation"])
    if data.get("location"):
        queryset = queryset.filter(location__icontains=data["location"].strip())
    if data.get("format"):
        queryset = queryset.filter(**{FORMAT_FIELD[data["format"]]: True})
    return queryset


def staff_professionals(data: dict) -> QuerySet[Professional]:
    queryset = Professional.objects.select_related("organisation", "industry", "occupation")
    queryset = _common_filters(queryset, data)
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if data.get("alumni") in ("yes", "no"):
        queryset = queryset.filter(is_alumni=data["alumni"] == "yes")
    if data.get("consent_due"):
        queryset = queryset.consent_due(timezone.now())
    queryset = with_load_this_month(queryset)
    if data.get("load") == "room":
        queryset = queryset.filter(used_this_month__lt=F("monthly_capacity"))
    elif data.get("load") == "full":
        queryset = queryset.filter(used_this_month__gte=F("monthly_capacity"))
    return queryset.order_by(*STAFF_SORT.get(data.get("sort") or "name", STAFF_SORT["name"]))


def student_professionals(data: dict) -> QuerySet[Professional]:
    """What students may browse: active professionals who take informational interviews."""
    queryset = (
        Professional.objects.visible_to_students()
        .filter(offers_interviews=True)
        .select_related("organisation", "industry", "occupation")
    )
    queryset = _common_filters(queryset, data)
    if data.get("alumni"):
        queryset = queryset.filter(is_alumni=True)
    if data.get("available"):
        used = MonthlyLoad.objects.filter(
            professional=OuterRef("pk"),
            month=month_start(),
            requests__gte=F("professional__monthly_capacity"),
        )
        queryset = queryset.exclude(Exists(used))
    return queryset.order_by("full_name", "pk")
