from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.contacts import services
from apps.contacts.models import MonthlyLoad, month_start

from .factories import make_professional

pytestmark = pytest.mark.django_db


def names(response):
    return [p.full_name for p in response.context["page"].object_list]


def test_claims_stop_at_capacity_and_release_gives_a_place_back():
    pro = make_professional(monthly_capacity=2)
    services.capacity_claim(professional=pro)
    services.capacity_claim(professional=pro)
    with pytest.raises(ValidationError, match="as many students as they can see this month"):
        services.capacity_claim(professional=pro)
    assert MonthlyLoad.objects.get().requests == 2
    services.capacity_release(professional=pro, month=month_start())
    services.capacity_claim(professional=pro)
    assert MonthlyLoad.objects.get().requests == 2


def test_capacity_starts_afresh_each_month():
    pro = make_professional(monthly_capacity=1)
    start = timezone.make_aware(datetime(2026, 10, 31, 12))
    with time_machine.travel(start, tick=False):
        services.capacity_claim(professional=pro)
        with pytest.raises(ValidationError):
            services.capacity_claim(professional=pro)
    with time_machine.travel(start + timedelta(days=1), tick=False):
        services.capacity_claim(professional=pro)
    assert sorted(MonthlyLoad.objects.values_list("month", flat=True)) == [
        datetime(2026, 10, 1).date(),
        datetime(2026, 11, 1).date(),
    ]


def test_professionals_at_capacity_are_not_offered_as_available(student_client, staff_client):
    full = make_professional(full_name="Full Fran", monthly_capacity=1)
    make_professional(full_name="Free Fred", monthly_capacity=1)
    services.capacity_claim(professional=full)
    search = reverse("contacts:search")
    assert names(student_client.get(search)) == ["Free Fred"]  # not offered by default
    assert names(student_client.get(search, {"available": "on"})) == ["Free Fred"]
    researching = student_client.get(search, {"q": ""})  # the student unticked the box
    assert names(researching) == ["Free Fred", "Full Fran"]
    assert "fully booked this month" in researching.content.decode()
    profile = student_client.get(reverse("contacts:profile", args=[full.pk])).content.decode()
    assert "as many students as they can see this month" in profile

    staff_list = reverse("contacts:staff_list")
    assert names(staff_client.get(staff_list, {"load": "full"})) == ["Full Fran"]
    assert names(staff_client.get(staff_list, {"load": "room"})) == ["Free Fred"]
    page = staff_client.get(reverse("contacts:staff_detail", args=[full.pk])).content.decode()
    assert "asked 1 time this month (full: not offered to students)" in page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql", reason="real row locks"
)
def test_simultaneous_claims_never_exceed_capacity():
    import threading

    from django.db import connection

    pro = make_professional(monthly_capacity=1)
    barrier = threading.Barrier(10)
    outcomes = []

    def claim():
        try:
            barrier.wait()
            services.capacity_claim(professional=pro)
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full"] * 9 + ["ok"]
    assert MonthlyLoad.objects.get().requests == 1
