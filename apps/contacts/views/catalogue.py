"""Staff keep the binder's surroundings: organisations, associations and directories, the
taxonomy of industries and occupations, and the audit log of every staff action."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from apps.core.access import staff_required
from apps.core.text import whole_number

from .. import services
from ..forms import OrganisationForm, ResourceForm, TaxonomyForm
from ..models import AuditEntry, Industry, Occupation, Organisation, Professional, Resource


def _simple_edit(request, *, form_class, instance, template_context, success_url, noun, save=None):
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        if save is None:
            form.save()
        else:
            save(form)
        messages.success(request, f"{noun} saved.")
        return redirect(success_url)
    return render(request, "contacts/simple_form.html", {"form": form, **template_context})


@staff_required
def organisation_list(request):
    organisations = Organisation.objects.select_related("industry").order_by("name")
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(request, "contacts/organisations.html", {"page": page})


@staff_required
def organisation_edit(request, pk=None):
    instance = get_object_or_404(Organisation, pk=pk) if pk else None
    title = f"Edit {instance.name}" if instance else "Add an organisation"
    return _simple_edit(
        request,
        form_class=OrganisationForm,
        instance=instance,
        template_context={"title": title},
        success_url="contacts:organisations",
        noun="Organisation",
        save=lambda form: services.organisation_save(form.save(commit=False)),
    )


@staff_required
def resource_list(request):
    resources = Resource.objects.prefetch_related("industries").order_by("kind", "name")
    return render(request, "contacts/resources.html", {"resources": resources})


@staff_required
def resource_edit(request, pk=None):
    instance = get_object_or_404(Resource, pk=pk) if pk else None
    title = f"Edit {instance.name}" if instance else "Add an association or directory"
    return _simple_edit(
        request,
        form_class=ResourceForm,
        instance=instance,
        template_context={"title": title},
        success_url="contacts:resources",
        noun="Resource",
    )


@staff_required
def taxonomy(request):
    form = TaxonomyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        model = Industry if form.cleaned_data["kind"] == "industry" else Occupation
        model.objects.create(name=form.cleaned_data["name"])
        messages.success(request, f"“{form.cleaned_data['name']}” added.")
        return redirect("contacts:taxonomy")
    context = {
        "form": form,
        "industries": Industry.objects.all(),
        "occupations": Occupation.objects.all(),
    }
    return render(request, "contacts/taxonomy.html", context)


@staff_required
def audit_log(request):
    """Every staff action on the binder, newest first; one professional's with ?professional=."""
    entries = AuditEntry.objects.select_related("professional").only(
        "at", "actor_name", "action", "detail", "professional_name", "professional__erased_at"
    )
    professional = None
    wanted = whole_number(request.GET.get("professional", ""))
    if wanted is not None:
        professional = Professional.objects.filter(pk=wanted).first()
        entries = entries.filter(professional_id=wanted)
    action = request.GET.get("action", "")
    if action in AuditEntry.Action.values:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "professional": professional,
        "actions": AuditEntry.Action.choices,
        "action": action,
    }
    return render(request, "contacts/audit.html", context)
