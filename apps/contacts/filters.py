"""The binder's filter forms (staff list, student search) and the taxonomy lists their
selects offer, kept in Django's cache."""

import uuid

from django import forms
from django.core.cache import cache
from django.db.models import CharField, Value

from .forms import FORMAT_CHOICES, YES_NO
from .models import Industry, Occupation, Professional, Resource

# The filter selects' lists are kept in each process's cache for at most this long. A change
# made through this process (adding a name, the admin) is seen at once; another server sees it
# within the minute. A name withdrawn meanwhile and then chosen is refused by the form's check.
TAXONOMY_KEY = "contacts:taxonomy-choices"
TAXONOMY_SECONDS = 60


def taxonomy_choices() -> dict[str, list[tuple[int, str]]]:
    """Industries and occupations, each by name, as (pk, name) pairs.

    A filter form's two selects offer the same small lists on every list page; read there as two
    model querysets they were a tenth of the student search's time (found by the load
    benchmark). They are read in one query, and then kept (see TAXONOMY_SECONDS)."""
    found = cache.get(TAXONOMY_KEY)
    if found is not None:
        return found

    def named(model, kind):
        return (
            model.objects.order_by()
            .annotate(kind=Value(kind, output_field=CharField()))
            .values_list("kind", "pk", "name")
        )

    found = {"industry": [], "occupation": []}
    rows = named(Industry, "industry").union(named(Occupation, "occupation"), all=True)
    for kind, pk, name in rows.order_by("kind", "name"):
        found[kind].append((pk, name))
    cache.set(TAXONOMY_KEY, found, TAXONOMY_SECONDS)
    return found


def forget_taxonomy_choices(**kwargs) -> None:
    cache.delete_many([TAXONOMY_KEY, TAXONOMY_VERSION_KEY])


# The list pages keep their rendered filter form ({% cache %}) under this version and the
# query string; a change to the taxonomy starts a new version, so no stale list is shown.
TAXONOMY_VERSION_KEY = "contacts:taxonomy-version"


def kept_form() -> dict:
    """What a list page's template needs to keep its rendered filter form: how long, and the
    taxonomy's version for the key (with the query string)."""
    version = cache.get_or_set(TAXONOMY_VERSION_KEY, lambda: uuid.uuid4().hex, TAXONOMY_SECONDS)
    return {"form_seconds": TAXONOMY_SECONDS, "form_version": version}


class TaxonomyFilters:
    """The industry and occupation selects offer the taxonomy read by ``taxonomy_choices``;
    a chosen value is still checked against the database when the form is cleaned."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, choices in taxonomy_choices().items():
            field = self.fields[kind]
            field.choices = [("", field.empty_label), *choices]


class StaffFilterForm(TaxonomyFilters, forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    industry = forms.ModelChoiceField(Industry.objects.all(), required=False, empty_label="Any")
    occupation = forms.ModelChoiceField(Occupation.objects.all(), required=False, empty_label="Any")
    status = forms.ChoiceField(choices=[("", "Any")] + Professional.Status.choices, required=False)
    location = forms.CharField(required=False, max_length=120)
    alumni = forms.ChoiceField(choices=YES_NO, required=False)
    format = forms.ChoiceField(choices=[("", "Any")] + FORMAT_CHOICES, required=False)
    load = forms.ChoiceField(
        label="Capacity this month",
        required=False,
        choices=[("", "Any"), ("room", "Has room"), ("full", "At or over capacity")],
    )
    consent_due = forms.BooleanField(label="Consent over a year old", required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[
            ("name", "Name"),
            ("organisation", "Organisation"),
            ("industry", "Industry"),
            ("-updated", "Recently changed"),
            ("status", "Status"),
        ],
    )


class StudentSearchForm(TaxonomyFilters, forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="A career, a job title, an organisation or a topic, e.g. “UX research”.",
    )
    industry = forms.ModelChoiceField(Industry.objects.all(), required=False, empty_label="Any")
    occupation = forms.ModelChoiceField(Occupation.objects.all(), required=False, empty_label="Any")
    location = forms.CharField(required=False, max_length=120)
    format = forms.ChoiceField(choices=[("", "Any")] + FORMAT_CHOICES, required=False)
    alumni = forms.BooleanField(label="Alumni only", required=False)
    available = forms.BooleanField(
        label="Available this month",
        required=False,
        help_text="Untick to include people already fully booked this month (to research them).",
    )


class ResourceFilterForm(forms.Form):
    """The student's associations and directories page: one industry, one kind, or all."""

    industry = forms.TypedChoiceField(
        label="Industry", required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Associations and directories"), *Resource.Kind.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [
            ("", "Every industry"),
            *taxonomy_choices()["industry"],
        ]
