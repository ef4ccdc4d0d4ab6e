"""Demo networking binder for `manage.py seed_demo`: invented people, safe to run again.

Everything here is made up: names, organisations, web sites (all under the reserved `.example`
top-level domain) and phone numbers (from ranges set aside for drama and fiction). The data is
planned from a fixed random seed first and only then written, so two runs give the same binder.
"""

import json
import random
import re
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from apps.core.suppression import suppress

from .models import Industry, Occupation, Organisation, Professional, Resource
from .taxonomy import INDUSTRIES, SOC_MAJOR_GROUPS

# Alumni years are worked out from this year, not from today, so the data never drifts.
REFERENCE_YEAR = 2026
PROFESSIONALS_PER_INDUSTRY = 11
EXTRA_PROFESSIONALS = 2  # given to two industries picked at random: 18 * 11 + 2 = 200
PAUSED, RETIRED, DO_NOT_CONTACT = 7, 4, 2
CONSENT_OVERDUE = 15
REFERRALS = 15

OCCUPATIONS = {code[:2]: name for code, name in SOC_MAJOR_GROUPS}

# The invented binder itself is data (apps/contacts/data/demo_binder.json): cities as
# [country, IANA time zone, telephone style]; name pools as [weight, given names, family names]
# that belong together; per industry its organisations, roles and resources; sentences, tags and
# availability notes to draw from; three people written twice; four volunteers waiting.
_DATA = json.loads((Path(__file__).parent / "data" / "demo_binder.json").read_text("utf-8"))
CITIES = _DATA["cities"]
NAME_POOLS = _DATA["name_pools"]
BINDER = _DATA["binder"]
ROLE_PLACES = _DATA["role_places"]
REMOTE_ROLES = set(_DATA["remote_roles"])
OFFER_SENTENCES = _DATA["offer_sentences"]
GENERAL_SENTENCES = _DATA["general_sentences"]
GENERAL_TAGS = _DATA["general_tags"]
AVAILABILITY = _DATA["availability"]
PERSONAL_DOMAINS = _DATA["personal_domains"]
STAFF_TERMS = _DATA["staff_terms"]
IMPORT_TERMS = _DATA["import_terms"]
DUPLICATES = _DATA["duplicates"]
VOLUNTEERS = _DATA["volunteers"]

UK_CITIES = [c for c, (country, _, _) in CITIES.items() if country == "UK"]
ABROAD_CITIES = [c for c in CITIES if c not in UK_CITIES]


_NOT_DECOMPOSED: dict[str, str | int | None] = {"ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae"}


def _ascii(value: str) -> str:
    """Lower-case ASCII letters and digits only, for addresses and profile slugs."""
    value = value.translate(str.maketrans(_NOT_DECOMPOSED))
    value = unicodedata.normalize("NFKD", value)
    value = "".join(c for c in value if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]", "", value)


def _place(city: str) -> str:
    country = CITIES[city][0]
    return city if city == country else f"{city}, {country}"


def _phone(city: str, n: int) -> str:
    """Numbers from ranges reserved for drama and fiction (Ofcom, NANP 555-01xx, ACMA)."""
    style = CITIES[city][2]
    if style == "london":
        return f"+44 20 7946 0{n % 1000:03d}"
    if style == "uk":
        return f"+44 7700 900{n % 1000:03d}"
    if style.isdigit():
        return f"+1 {style} 555 01{n % 100:02d}"
    if style == "sydney":
        return f"+61 2 5550 {n % 10000:04d}"
    if style == "melbourne":
        return f"+61 3 7010 {n % 10000:04d}"
    return ""


def _availability(rng: random.Random, city: str) -> str:
    country, tz, _ = CITIES[city]
    if country in ("UK", "Ireland"):
        return rng.choice(AVAILABILITY)
    if tz.startswith("America/"):
        return f"I am in {city}, so UK afternoons or early evenings work best."
    if tz.startswith(("Asia/", "Australia/", "Pacific/")):
        return f"I am in {city}, so UK mornings work best."
    return f"I am in {city}, close to UK hours; most weekdays are fine."


def _seniority_years(rng: random.Random, title: str) -> int:
    if re.search(r"Director|Head|Chief|Partner|Manager|Deputy|Lead", title):
        return rng.randint(8, 28)
    if re.search(r"Trainee|Assistant|Executive|Postdoctoral|Junior", title):
        return rng.randint(1, 4)
    return rng.randint(2, 18)


class _Names:
    """Draws unique, culturally coherent names and e-mail addresses."""

    def __init__(self, rng: random.Random, reserved: list[str]):
        self.rng = rng
        self.pools = [(w, first.split(), last.split()) for w, first, last in NAME_POOLS]
        self.used = {_ascii(name) for name in reserved}
        self.emails: set[str] = set()

    def name(self) -> str:
        while True:
            _, firsts, lasts = self.rng.choices(self.pools, [p[0] for p in self.pools])[0]
            name = f"{self.rng.choice(firsts)} {self.rng.choice(lasts).replace('_', ' ')}"
            if _ascii(name) not in self.used:
                self.used.add(_ascii(name))
                return name

    def email(self, full_name: str, domain: str) -> str:
        first, *rest = full_name.split(" ")
        last = _ascii("".join(rest))
        for local in (f"{_ascii(first)}.{last}", f"{_ascii(first)[0]}.{last}"):
            if f"{local}@{domain}" not in self.emails:
                break
        else:
            local = f"{_ascii(first)}.{last}{len(self.emails)}"
        self.emails.add(f"{local}@{domain}")
        return f"{local}@{domain}"


def _plan_professionals(rng: random.Random) -> list[dict]:
    """Every professional as a plain dict, before anything touches the database."""
    names = _Names(rng, [d[0] for d in DUPLICATES] + [v["full_name"] for v in VOLUNTEERS])
    for v in VOLUNTEERS:
        names.emails.add(_volunteer_email(v))
    extra = set(rng.sample(INDUSTRIES, EXTRA_PROFESSIONALS))
    total = PROFESSIONALS_PER_INDUSTRY * len(INDUSTRIES) + EXTRA_PROFESSIONALS
    alumni = set(rng.sample(range(total), total // 3))
    people: list[dict[str, Any]] = []
    for industry in INDUSTRIES:
        data = BINDER[industry]
        orgs = list(data["organisations"])
        rng.shuffle(orgs)
        uses = dict.fromkeys((role[0] for role in data["roles"]), 0)
        for i in range(PROFESSIONALS_PER_INDUSTRY + (industry in extra)):
            org_name, domain, _, org_city, _ = orgs[i % len(orgs)]
            fitting = [
                role
                for role in data["roles"]
                if org_name.startswith(tuple(ROLE_PLACES.get(role[0], org_name).split("|")))
            ]
            fewest = min(uses[role[0]] for role in fitting)
            title, soc, sentence = rng.choice([r for r in fitting if uses[r[0]] == fewest])
            uses[title] += 1
            remote = title in REMOTE_ROLES and rng.random() < 0.45
            if remote:
                city = rng.choice(UK_CITIES if rng.random() < 0.6 else ABROAD_CITIES)
            else:
                city = org_city
            years = _seniority_years(rng, title)
            person = {
                "full_name": names.name(),
                "job_title": title,
                "organisation": org_name,
                "domain": domain + ".example",
                "industry": industry,
                "occupation": OCCUPATIONS[soc],
                "location": _place(city),
                "time_zone": CITIES[city][1],
                "city": city,
                "years_in_field": years,
                "is_alumni": False,
                "alumni_programme": "",
                "alumni_year": None,
                "offers_interviews": rng.random() < 0.95,
                "offers_visits": not remote and rng.random() < 0.3,
                "offers_cv_feedback": rng.random() < 0.45,
                "offers_mentoring": rng.random() < 0.25,
                "accepts_in_person": CITIES[city][0] == "UK" and rng.random() < 0.5,
                "accepts_phone": rng.random() < 0.7,
                "accepts_video": rng.random() < 0.9,
                "accepts_email": rng.random() < 0.4,
                "monthly_capacity": rng.choices([1, 2, 3, 4], [20, 50, 20, 10])[0],
                "availability_notes": _availability(rng, city),
                "phone": "" if rng.random() < 0.2 else _phone(city, len(people)),
                "linkedin_url": "",
                "tags": "",
                "referred_by": None,
                "status": Professional.Status.ACTIVE,
                "source": (
                    Professional.Source.IMPORT if rng.random() < 0.25 else Professional.Source.STAFF
                ),
                "consent_days_ago": rng.randint(3, 340),
            }
            if not any(person[f] for f in ("offers_interviews", "offers_cv_feedback")):
                person["offers_interviews"] = True
            if not any(person[f] for f in ("accepts_phone", "accepts_video", "accepts_email")):
                person["accepts_video"] = True
            if len(people) in alumni:
                person["is_alumni"] = True
                person["alumni_programme"] = rng.choice(data["programmes"])
                person["alumni_year"] = max(
                    1975, min(REFERENCE_YEAR - 1, REFERENCE_YEAR - years - rng.randint(0, 2))
                )
            talk = [sentence]
            if rng.random() < 0.5:
                talk.append(rng.choice(data["sentences"]))
            offered = [f for f in OFFER_SENTENCES if person[f]]
            if len(talk) < 3 and offered and rng.random() < 0.6:
                talk.append(OFFER_SENTENCES[rng.choice(offered)])
            elif len(talk) < 3 and rng.random() < 0.2:
                talk.append(rng.choice(GENERAL_SENTENCES))
            person["talk_about"] = " ".join(talk)
            tags = rng.sample(data["tags"], rng.randint(2, 3))
            if rng.random() < 0.25:
                tags.append(rng.choice(GENERAL_TAGS))
            if person["is_alumni"]:
                tags.append("alumni")
            person["tags"] = ", ".join(tags)
            people.append(person)

    active = list(range(len(people)))
    rng.shuffle(active)
    for status, count in (
        (Professional.Status.DO_NOT_CONTACT, DO_NOT_CONTACT),
        (Professional.Status.RETIRED, RETIRED),
        (Professional.Status.PAUSED, PAUSED),
    ):
        for index in [active.pop() for _ in range(count)]:
            people[index]["status"] = status
            people[index]["consent_days_ago"] = rng.randint(90, 700)
            people[index]["availability_notes"] = {
                Professional.Status.DO_NOT_CONTACT: "Asked not to be contacted again. Keep this "
                "entry so a later import does not add them back.",
                Professional.Status.RETIRED: "Has left the field; kept for our records.",
                Professional.Status.PAUSED: "Taking a break from student calls for a few months.",
            }[status]
    for index in active[:CONSENT_OVERDUE]:
        people[index]["consent_days_ago"] = rng.randint(400, 800)

    # The originals of the duplicate pairs: active people, renamed and re-addressed.
    originals = active[-len(DUPLICATES) :]
    for (name, _, _), index in zip(DUPLICATES, originals, strict=True):
        people[index]["full_name"] = name
    for person in people:
        personal = rng.random() < 0.15
        domain = rng.choice(PERSONAL_DOMAINS) if personal else person["domain"]
        person["email"] = names.email(person["full_name"], domain)
    for person in people:
        if rng.random() < 0.4:
            slug = "-".join(_ascii(part) for part in person["full_name"].split())
            person["linkedin_url"] = (
                f"https://www.linkedin.com/in/{slug}-{rng.randrange(16**4):04x}"
            )

    # Warm contacts: someone earlier in the binder, in the same industry, referred them.
    active_set = set(active)
    candidates = [
        i
        for i in sorted(active_set)
        if any(j in active_set and people[j]["industry"] == people[i]["industry"] for j in range(i))
    ]
    for index in rng.sample(candidates, REFERRALS):
        earlier = [
            j
            for j in range(index)
            if j in active_set and people[j]["industry"] == people[index]["industry"]
        ]
        people[index]["referred_by"] = people[rng.choice(earlier)]["email"]

    dupes: list[dict[str, Any]] = []
    for (name, variant, address), index in zip(DUPLICATES, originals, strict=True):
        original = people[index]
        first, last = name.split(" ", 1)
        first, last = _ascii(first), _ascii(last)
        email = {
            "blank": "",
            "personal": f"{first}{last}@{PERSONAL_DOMAINS[0]}",
            "initial": f"{first[0]}{last}@{original['domain']}",
        }[address]
        dupes.append(
            {
                **original,
                "full_name": variant,
                "email": email,
                "phone": "",
                "linkedin_url": "",
                "talk_about": "",
                "tags": "",
                "availability_notes": "",
                "referred_by": None,
                "source": Professional.Source.IMPORT,
                "consent_days_ago": 300 + 60 * len(dupes),
            }
        )
    return people + dupes


def _volunteer_email(volunteer: dict) -> str:
    first, *rest = volunteer["full_name"].split(" ")
    domain = next(
        org[1]
        for org in BINDER[volunteer["industry"]]["organisations"]
        if org[0] == volunteer["organisation"]
    )
    return f"{_ascii(first)}.{_ascii(''.join(rest))}@{domain}.example"


def _taxonomy() -> tuple[dict, dict]:
    """The industries and occupations by name; the data migration made them, but a staff member
    may have deleted one since, so any that are missing are made again."""
    industries = Industry.objects.in_bulk(INDUSTRIES, field_name="name")
    for name in INDUSTRIES:
        if name not in industries:
            industries[name] = Industry.objects.create(name=name)
    occupations = Occupation.objects.in_bulk(OCCUPATIONS.values(), field_name="name")
    for code, name in SOC_MAJOR_GROUPS:
        if name not in occupations:
            occupations[name] = Occupation.objects.create(name=name, code=code)
    return industries, occupations


def seed() -> list[str]:
    rng = random.Random(2026)
    today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    industries, occupations = _taxonomy()

    organisations = {}
    for industry, data in BINDER.items():
        for name, domain, size, city, notes in data["organisations"]:
            organisations[name], _ = Organisation.objects.update_or_create(
                name=name,
                defaults={
                    "website": f"https://www.{domain}.example/",
                    "industry": industries[industry],
                    "size_band": size,
                    "location": _place(city),
                    "research_notes": notes,
                },
            )
        for kind in (Resource.Kind.ASSOCIATION, Resource.Kind.DIRECTORY):
            name, domain, notes = data[kind.value]
            resource, _ = Resource.objects.update_or_create(
                name=name,
                defaults={"kind": kind, "url": f"https://www.{domain}.example/", "notes": notes},
            )
            resource.industries.set([industries[industry]])

    saved: dict[str, Professional] = {}
    for person in _plan_professionals(rng):
        # Everyone listed said yes in a way someone can name (an import carried the date and
        # the way it was given); "spreadsheet import" is not a way of giving consent.
        method = rng.choice(
            [
                Professional.ConsentMethod.FORM,
                Professional.ConsentMethod.FORM,
                Professional.ConsentMethod.EMAIL,
                Professional.ConsentMethod.PHONE,
                Professional.ConsentMethod.IN_PERSON,
            ]
        )
        fields = {
            key: person[key]
            for key in (
                "full_name", "job_title", "location", "time_zone", "years_in_field",
                "is_alumni", "alumni_programme", "alumni_year", "talk_about",
                "offers_interviews", "offers_visits", "offers_cv_feedback", "offers_mentoring",
                "accepts_in_person", "accepts_phone", "accepts_video", "accepts_email",
                "monthly_capacity", "availability_notes", "phone", "linkedin_url", "tags",
                "status", "source",
            )
        }  # fmt: skip
        fields.update(
            organisation=organisations[person["organisation"]],
            industry=industries[person["industry"]],
            occupation=occupations[person["occupation"]],
            referred_by=saved.get(person["referred_by"]),
            consent_at=today - timedelta(days=person["consent_days_ago"]),
            consent_method=method,
            consent_terms=(
                IMPORT_TERMS if person["source"] == Professional.Source.IMPORT else STAFF_TERMS
            ),
        )
        # Keyed on the address; the one duplicate without an address on name and organisation.
        key = {"email": person["email"]}
        if not person["email"]:
            key.update(full_name=fields.pop("full_name"), organisation=fields.pop("organisation"))
        saved[person["email"]], _ = Professional.objects.update_or_create(**key, defaults=fields)
        if fields["status"] == Professional.Status.DO_NOT_CONTACT and person["email"]:
            suppress(person["email"], reason="never")  # as "never" through the product does

    for n, volunteer in enumerate(VOLUNTEERS):
        Professional.objects.update_or_create(
            email=_volunteer_email(volunteer),
            defaults={
                "full_name": volunteer["full_name"],
                "job_title": volunteer["job_title"],
                "organisation": organisations[volunteer["organisation"]],
                "industry": industries[volunteer["industry"]],
                "occupation": occupations[OCCUPATIONS[volunteer["occupation"]]],
                "location": _place(volunteer["city"]),
                "time_zone": CITIES[volunteer["city"]][1],
                "years_in_field": volunteer["years_in_field"],
                "talk_about": volunteer["talk_about"],
                "tags": volunteer["tags"],
                "availability_notes": volunteer["availability_notes"],
                "offers_interviews": True,
                "offers_cv_feedback": n % 2 == 0,
                "accepts_video": True,
                "accepts_phone": n != 1,
                "monthly_capacity": 2,
                "status": Professional.Status.PENDING,
                "source": Professional.Source.VOLUNTEER,
                "email_confirmed_at": today - timedelta(days=2 + 3 * n),
                "consent_at": None,
                "consent_method": "",
                "consent_terms": "",
            },
        )

    now = timezone.now()
    people = Professional.objects.all()
    return [
        f"Binder: {people.count()} professionals in "
        f"{Industry.objects.filter(professionals__isnull=False).distinct().count()} industries, "
        f"{Organisation.objects.count()} organisations, {Resource.objects.count()} resources",
        f"Binder to-do: {people.volunteers().count()} volunteers to review, "
        f"{len(DUPLICATES)} likely duplicates, {people.consent_due(now).count()} consents due",
    ]
