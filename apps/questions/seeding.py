"""Load the curated banks (data/curated_banks.json). Used by a data migration (so a fresh
production install has them) and by seed_demo; safe to run again: banks are matched on their
title. Each question has its text, why it is worth asking and the minutes it takes; a question
in an industry bank names its own theme, since those banks span several."""

import json
from pathlib import Path

CURATED_BANKS = json.loads(
    (Path(__file__).parent / "data" / "curated_banks.json").read_text("utf-8")
)


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
                text=entry["text"],
                why=entry["why"],
                minutes=entry["minutes"],
                theme=entry.get("theme", spec["theme"]),
                position=position,
            )
            for position, entry in enumerate(spec["questions"], start=1)
        )
        created += 1
    return created
