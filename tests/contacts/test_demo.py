"""The demo binder: enough varied data for every binder screen, and the same after a re-run."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from apps.contacts.demo import seed
from apps.contacts.models import Industry, Organisation, Professional, Resource, normalise_name
from apps.contacts.taxonomy import INDUSTRIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary():
    return seed()


def _counts() -> dict[str, int]:
    return {
        "professionals": Professional.objects.count(),
        "organisations": Organisation.objects.count(),
        "resources": Resource.objects.count(),
        "resource industries": Resource.industries.through.objects.count(),
        "industries": Industry.objects.count(),
        "referrals": Professional.objects.filter(referred_by__isnull=False).count(),
        "volunteers": Professional.objects.volunteers().count(),
        **{
            f"status {status}": n
            for status, n in Counter(Professional.objects.values_list("status", flat=True)).items()
        },
    }


def _snapshot() -> list[tuple]:
    return list(
        Professional.objects.order_by("email", "full_name").values_list(
            "email",
            "full_name",
            "organisation__name",
            "industry__name",
            "occupation__name",
            "status",
            "source",
            "referred_by__email",
            "search_text",
        )
    )


def test_seed_fills_the_binder(summary):
    assert summary and all(isinstance(line, str) for line in summary)
    assert Professional.objects.count() >= 190
    active = Professional.objects.filter(status=Professional.Status.ACTIVE)
    assert Industry.objects.filter(professionals__in=active).distinct().count() >= 12
    for name in INDUSTRIES:
        industry = Industry.objects.get(name=name)
        assert industry.professionals.exists(), name
        kinds = set(industry.resources.values_list("kind", flat=True))
        assert {Resource.Kind.ASSOCIATION, Resource.Kind.DIRECTORY} <= kinds, name


def test_seeding_again_changes_nothing(summary):
    counts, snapshot = _counts(), _snapshot()
    emails = set(Professional.objects.values_list("email", flat=True))

    seed()
    assert _counts() == counts
    # Later, too: which records exist must not depend on the date.
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        seed()

    assert _counts() == counts
    assert set(Professional.objects.values_list("email", flat=True)) == emails
    assert _snapshot() == snapshot


def test_statuses_and_volunteers(summary):
    assert Professional.objects.filter(status=Professional.Status.DO_NOT_CONTACT).exists()
    volunteers = Professional.objects.volunteers()
    assert volunteers.count() == 4
    for volunteer in volunteers:
        assert volunteer.email_confirmed_at is not None
        assert volunteer.consent_at is None and volunteer.consent_method == ""


def test_likely_duplicates_for_staff_to_resolve(summary):
    people = Professional.objects.all()
    groups = Counter((normalise_name(p.full_name), p.organisation_id) for p in people)
    pairs = [key for key, n in groups.items() if n >= 2]
    assert len(pairs) >= 3
    for name, organisation_id in pairs:
        same = [
            p
            for p in people
            if p.organisation_id == organisation_id and normalise_name(p.full_name) == name
        ]
        # Written differently, and not sharing an address (the database would refuse that).
        assert len({p.full_name for p in same}) == len(same)
        assert len({p.email.lower() for p in same}) == len(same)


def test_consent_due_and_warm_contacts(summary):
    now = timezone.now()
    overdue = Professional.objects.consent_due(now).filter(consent_at__isnull=False)
    assert overdue.count() >= 10
    assert Professional.objects.filter(referred_by__isnull=False).count() >= 10


def test_search_text_carries_the_organisation(summary):
    for professional in Professional.objects.select_related("organisation"):
        assert professional.organisation is not None, professional.full_name
        assert professional.organisation.name.lower() in professional.search_text


def test_every_record_is_valid_and_invented(summary):
    for professional in Professional.objects.all():
        professional.full_clean()
        assert not professional.email or professional.email.endswith(".example")
        assert 1 <= professional.monthly_capacity <= 4
        if professional.linkedin_url:
            assert professional.linkedin_url.startswith("https://www.linkedin.com/in/")
    for organisation in Organisation.objects.all():
        organisation.full_clean()
        assert ".example/" in organisation.website
    for resource in Resource.objects.all():
        resource.full_clean()
        assert ".example/" in resource.url
