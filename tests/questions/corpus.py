"""The coach measured on a labelled corpus of questions as students write them.

Two files under tests/questions/data/: coach_corpus.csv, the rows the rules were tuned on, and
coach_heldout.csv, written (and committed) before the rules were tuned and never tuned on, so
its figures show whether the rules generalise. Each row is a question, its labels (one or more
of closed, job_ask, website, closing, or "none") and, where the question needs it, the name of
the organisation the conversation is with.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from apps.questions import coach

DATA = Path(__file__).resolve().parent / "data"
SPLITS = {"tuned": DATA / "coach_corpus.csv", "held out": DATA / "coach_heldout.csv"}
KINDS = ("closed", "job_ask", "website", "closing")
THRESHOLD = 0.9


@dataclass(frozen=True)
class Row:
    question: str
    labels: frozenset[str]
    organisation: str


@dataclass(frozen=True)
class Figures:
    kind: str
    labelled: int
    recall: float
    precision: float
    missed: tuple[str, ...]
    wrongly_flagged: tuple[str, ...]


def rows(split: str) -> list[Row]:
    with SPLITS[split].open(newline="", encoding="utf-8") as handle:
        return [
            Row(
                question=line["question"],
                labels=frozenset(line["labels"].split()) - {"none"},
                organisation=line["organisation"] or "",
            )
            for line in csv.DictReader(handle)
        ]


def flags(row: Row) -> set[str]:
    """What the coach says of the question: the advice a student sees, and whether the plan
    review counts it as the closing question."""
    found = {advice.code for advice in coach.review_question(row.question, row.organisation)}
    if coach.is_closing(row.question, row.organisation):
        found.add("closing")
    return found


def measure(split: str) -> list[Figures]:
    """Recall and precision of each kind of advice on one split."""
    data = rows(split)
    said = {row: flags(row) for row in data}
    figures = []
    for kind in KINDS:
        flagged = {row for row in data if kind in said[row]}
        wanted = {row for row in data if kind in row.labels}
        hits = len(flagged & wanted)
        figures.append(
            Figures(
                kind=kind,
                labelled=len(wanted),
                recall=hits / len(wanted) if wanted else 1.0,
                precision=hits / len(flagged) if flagged else 1.0,
                missed=tuple(sorted(row.question for row in wanted - flagged)),
                wrongly_flagged=tuple(sorted(row.question for row in flagged - wanted)),
            )
        )
    return figures


def report() -> list[str]:
    """The figures as lines for the test run's summary."""
    lines = []
    for split in SPLITS:
        lines.append(f"coach on the {split} corpus ({len(rows(split))} questions):")
        for f in measure(split):
            lines.append(
                f"  {f.kind:<8} recall {f.recall:.3f}  precision {f.precision:.3f}"
                f"  ({f.labelled} labelled)"
            )
    return lines
