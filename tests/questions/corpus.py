"""The coach measured on a labelled corpus of questions as students write them.

Two files under tests/questions/data/: coach_corpus.csv, the rows the rules were tuned on, and
coach_heldout.csv, written (and committed) before the rules were written and never tuned on.
Each row is a question, its labels (one or more of closed, job_ask, website, closing, or
"none") and, where the question needs it, the name of the organisation the conversation is
with.

Labelling: "closed" is a question that starts with an auxiliary verb and invites a yes or no;
a polite request ("Could you…", "Would you be able to…", "Would you mind telling me…") and a
closing question are not closed, whatever their form. A job ask is a request for a job, a
place, a referral, a visa or for a CV to be passed on; a question about how hiring works in
the field is not.

How well the rules generalise was measured blind five more times: a fresh set of 80-97
questions written after the last change, committed, measured, and only then tuned on and added
to coach_corpus.csv (the commits say so). Recall on those blind sets, in order (precision was
at least 0.96 throughout): job_ask 0.50, 0.54, 0.75, 0.58, 0.75; closing 0.67, 0.70, 0.90,
0.80, 1.00; website 0.93, 1.00, 1.00, 0.90, 1.00; closed 1.00, 0.97, 1.00, 1.00, 1.00. Job asks
take the most ways of saying, and are the kind to watch.

Round 7 (coach_blind_7.csv, 132 questions, kept as its own split "blind 7"): written and
committed before any rule change, with job asks and closings worded away from the patterns.
Blind, the rules then had job_ask recall 0.425 (precision 0.944), closing recall 0.407 (precision
1.00), website recall 0.875, closed recall 1.00 but precision 0.837 (closings the coach did not
see as closings were called closed). The rules memorised sentences, so they were rewritten as
constructions (a chance, room or space for the student; taking on, considering, hiring someone
like them; sending, passing, flagging their CV, details or profile; on your radar, vouch for me,
if a role comes up let me know; closings as recommend/suggest/point me/connect me/know of +
people, alumni, peers, mentors). After that, 1.00 on every kind of blind 7, which is now a
tuned split and says nothing more about fresh questions; the tuned and held-out splits stayed at
1.00.

Round 8 (coach_blind_8.csv, 68 questions, its own split "blind 8"): written and committed after
that rewrite, measured before anything was looked at. It is the honest figure for the
construction rules, and it was poor: job_ask recall 0.125 (precision 0.75: "How did you get
onto your graduate scheme?" was flagged), closing recall 0.47 (precision 1.00), website 1.00,
closed recall 1.00, precision 0.83 (missed closings again, and "Would you be prepared to…").
The round-8 job asks were more indirect than round 7's ("Are you short-staffed enough to need a
junior?", "Is your team growing, and could I be part of that?", "Could you tip me off when
applications open?"), so the rewrite had generalised to round 7's kind of wording and not much
further. Then tuned on (more constructions: the student as the one who starts or joins, their
need for a junior, a way onto the team, passing anything to whoever recruits, being told when
hiring opens; closings as any introduction or connection, contacts shared, people who might
answer questions), and 1.00 on every split. One round-8 row repeated a tuned row and was
replaced by a fresh closed question after the measurement. Expect the next blind round to
find job asks missed again: rules of this kind do not reach wordings nobody has written yet.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from apps.questions import coach

DATA = Path(__file__).resolve().parent / "data"
SPLITS = {
    "tuned": DATA / "coach_corpus.csv",
    "held out": DATA / "coach_heldout.csv",
    "blind 7": DATA / "coach_blind_7.csv",
    "blind 8": DATA / "coach_blind_8.csv",
}
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
