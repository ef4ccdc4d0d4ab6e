import itertools

from django.utils import timezone

from apps.contacts.models import Industry, Occupation, Organisation, Professional

_n = itertools.count(1)


def make_professional(**fields) -> Professional:
    n = next(_n)
    organisation = fields.pop("organisation", None)
    if isinstance(organisation, str):
        organisation, _ = Organisation.objects.get_or_create(name=organisation)
    industry = fields.pop("industry", None)
    if isinstance(industry, str):
        industry = Industry.objects.get(name=industry)
    occupation = fields.pop("occupation", None)
    if isinstance(occupation, str):
        occupation = Occupation.objects.get(name=occupation)
    fields.setdefault("full_name", f"Professional {n}")
    fields.setdefault("email", f"pro{n}@firm.example")
    fields.setdefault("phone", f"+44 20 7946 {n:04}")
    fields.setdefault("status", Professional.Status.ACTIVE)
    fields.setdefault("job_title", "Analyst")
    if fields["status"] == Professional.Status.ACTIVE:
        # Nobody is listed without consent (a database constraint): say how they agreed.
        fields.setdefault("consent_at", timezone.now())
        fields.setdefault("consent_method", Professional.ConsentMethod.PHONE)
    return Professional.objects.create(
        organisation=organisation, industry=industry, occupation=occupation, **fields
    )
