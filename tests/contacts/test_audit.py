"""The audit log of staff actions on professionals: viewed, changed, status, merged, imported,
exported, erased; readable by staff, with a constant number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.contacts import services
from apps.contacts.models import AuditEntry, Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db
AUDIT = reverse("contacts:audit")


def actions(professional=None):
    entries = AuditEntry.objects.order_by("pk")
    if professional is not None:
        entries = entries.filter(professional=professional)
    return [(e.actor_name, e.action) for e in entries]


def test_each_staff_action_on_a_professional_is_recorded(staff_client, staff):
    pro = make_professional(full_name="Zoe Adams", email="zoe@pro.example")
    staff_client.get(reverse("contacts:staff_detail", args=[pro.pk]))
    form = staff_client.get(reverse("contacts:staff_edit", args=[pro.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {"full_name": "Zoe Adams", "job_title": "Head of Research", "email": "zoe@pro.example"}
    )
    data["industry"] = data.get("industry") or ""
    response = staff_client.post(reverse("contacts:staff_edit", args=[pro.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    staff_client.post(reverse("contacts:staff_status", args=[pro.pk]), {"status": "paused"})
    staff_client.get(reverse("contacts:staff_export", args=["csv"]) + "?q=zoe")
    twin = make_professional(full_name="Zoe Adams", email="zoe.adams@pro.example")
    staff_client.post(
        reverse("contacts:merge"), {"first": pro.pk, "second": twin.pk, "confirm": "yes"}
    )

    me = staff.full_name
    assert actions(pro) == [
        (me, "viewed"),
        (me, "changed"),
        (me, "status"),
        (me, "merged"),
    ]
    changed = AuditEntry.objects.get(action="changed")
    assert "Job title" in changed.detail or "job title" in changed.detail.lower()
    exported = AuditEntry.objects.get(action="exported")
    assert exported.professional is None and "q=zoe" in exported.detail

    page = staff_client.get(AUDIT).content.decode()
    assert "Viewed contact details" in page and "Exported the binder" in page
    assert "Merged" in page and me in page
    only_status = staff_client.get(AUDIT, {"action": "status"}).context["page"].object_list
    assert [e.action for e in only_status] == ["status"]
    one = staff_client.get(AUDIT, {"professional": twin.pk}).context["page"].object_list
    assert all(e.professional_id == twin.pk for e in one)


def test_imports_are_recorded(staff_client):
    upload = SimpleUploadedFile(
        "binder.csv", b"Full name,Email,Status\nAda Lovelace,ada@pro.example,active\n"
    )
    response = staff_client.post(reverse("contacts:import_upload"), {"file": upload})
    batch_url = response["Location"]
    staff_client.post(batch_url + "commit/")
    entry = AuditEntry.objects.get(action="imported")
    assert "binder.csv" in entry.detail and "1 added" in entry.detail


def test_an_erasure_is_recorded_and_blanks_the_name_in_earlier_entries(staff_client):
    pro = make_professional(full_name="Rita Erased", email="rita@pro.example")
    staff_client.get(reverse("contacts:staff_detail", args=[pro.pk]))
    services.professional_erase(professional=pro)
    assert not AuditEntry.objects.filter(professional_name__icontains="Rita").exists()
    erased = AuditEntry.objects.get(action="erased")
    assert erased.actor_name == "The professional (by link)"
    assert "Rita" not in staff_client.get(AUDIT).content.decode()


def test_students_cannot_read_the_audit_log(student_client):
    assert student_client.get(AUDIT).status_code == 403
    assert Client().get(AUDIT).status_code == 302


def queries_for_audit(client, count):
    pro = make_professional()
    AuditEntry.objects.all().delete()
    for _ in range(count):
        services.audit(actor=None, action="viewed", professional=pro)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(AUDIT)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == count
    return len(queries)


def test_audit_log_query_count_does_not_grow(staff_client):
    small, large = queries_for_audit(staff_client, 5), queries_for_audit(staff_client, 50)
    assert small == large
    assert large <= 6
    assert Professional.objects.exists()
