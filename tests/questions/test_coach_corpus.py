"""The coach on a labelled corpus: recall and precision of every kind of advice, at least 0.9
on the rows the rules were tuned on, on a held-out set written before them, and on blind rounds
7 and 8 (each tuned on once measured).

The figures are printed in the run's summary (tests/conftest.py), so CI logs show them."""

import pytest

from .corpus import SPLITS, THRESHOLD, measure, rows


def test_the_corpus_is_large_and_covers_every_kind():
    everything = rows("tuned") + rows("held out")
    assert len(everything) >= 300
    for kind in ("closed", "job_ask", "website", "closing"):
        assert sum(kind in row.labels for row in everything) >= 30, kind
    assert sum(not row.labels for row in everything) >= 100
    questions = [row.question.lower() for row in everything]
    assert len(set(questions)) == len(questions), "a question appears twice"


@pytest.mark.parametrize("split", list(SPLITS))
def test_recall_and_precision_per_kind(split):
    failures = [
        f"{f.kind}: recall {f.recall:.2f} (missed {list(f.missed)}), "
        f"precision {f.precision:.2f} (wrongly flagged {list(f.wrongly_flagged)})"
        for f in measure(split)
        if f.recall < THRESHOLD or f.precision < THRESHOLD
    ]
    assert not failures, "\n".join(failures)
