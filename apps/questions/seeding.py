"""Load the curated banks in content.py. Used by a data migration (so a fresh production
install has them) and by seed_demo; safe to run again: banks are matched on their title."""

from .content import CURATED_BANKS


def load_curated_banks(QuestionBank, Question, Industry) -> int:
    """Create any curated bank that is missing; takes model classes so migrations can pass
    their historical models. Returns how many banks were created."""
    created = 0
    industries = {industry.name: industry for industry in Industry.objects.all()}
    for spec in CURATED_BANKS:
        if QuestionBank.objects.filter(owner__isnull=True, title=spec["title"]).exists():
            continue
        bank = QuestionBank.objects.create(
            title=spec["title"],
            description=spec["description"],
            theme=spec["theme"],
            published=True,
        )
        bank.industries.set([industries[name] for name in spec["industries"] if name in industries])
        Question.objects.bulk_create(
            Question(
                bank=bank,
                text=entry[0],
                why=entry[1],
                minutes=entry[2],
                theme=entry[3] if len(entry) > 3 else spec["theme"],
                position=position,
            )
            for position, entry in enumerate(spec["questions"], start=1)
        )
        created += 1
    return created
