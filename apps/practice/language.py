"""Language insights: the words professionals used about their work, gathered across a
student's recorded interviews, so CVs and cover letters can speak them back.

Each recorded line is one term. Terms are grouped by a normal form: lower case, stop words
removed (the stop-words package), each word lemmatised (simplemma, which ships its data, so
nothing is downloaded at run time). "Stakeholder buy-in" and "stakeholders' buy-in" group.

The "their words" box is not the only place a student writes down what they heard: their
notes and the answers they recorded (or the professional wrote) hold the same vocabulary. From
those the page takes a phrase the student put in quotation marks, a term from any box that
comes up again in another conversation's answers or notes, and a phrase of two or three words
(no stop words) that recurs across at least two conversations.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from stop_words import get_stop_words

from apps.interviews.models import Interview

from .models import TermChoice


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(get_stop_words("en"))


def normalise_term(text: str) -> str:
    words = re.findall(r"[\w-]+", text.lower().replace("'s", "").replace("’s", ""))
    kept = [w for w in words if w not in _stop_words()] or words
    return " ".join(simplemma.lemmatize(word, lang="en") for word in kept)


@dataclass
class Source:
    interview_id: int
    professional: str
    organisation: str
    industry: str


@dataclass
class Term:
    key: str
    forms: Counter = field(default_factory=Counter)
    sources: list[Source] = field(default_factory=list)
    pinned: bool = False
    hidden: bool = False
    label: str = ""

    @property
    def text(self) -> str:
        """The student's own wording if they set one, else the form heard most often."""
        return self.label or self.forms.most_common(1)[0][0]

    @property
    def count(self) -> int:
        return len({s.interview_id for s in self.sources})

    @property
    def industries(self) -> list[str]:
        return sorted({s.industry for s in self.sources if s.industry})

    @property
    def organisations(self) -> list[str]:
        return sorted({s.organisation for s in self.sources if s.organisation})


# A phrase the student quoted in their notes or answers: "..." or “...”.
QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,80})[\"”]")
# Free-text phrases of this many words count when heard in this many conversations.
PHRASE_WORDS = (2, 3)  # single words count only when they are a term already
PHRASE_MIN_CONVERSATIONS = 2


def _words(text: str) -> list[tuple[str, str | None]]:
    """Each word as written with its lemma, or None for a stop word or a number."""
    words = re.findall(r"[\w-]+(?:['’]s)?", text)
    out: list[tuple[str, str | None]] = []
    for word in words:
        bare = re.sub(r"['’]s$", "", word.lower())
        keep = bare not in _stop_words() and not bare.isdigit() and len(bare) > 1
        out.append((word, simplemma.lemmatize(bare, lang="en") if keep else None))
    return out


def _phrases(text: str) -> dict[str, str]:
    """The runs of one to three content words in a free text: normal form to wording."""
    words = _words(text)
    found: dict[str, str] = {}
    for size in (1, *PHRASE_WORDS):
        for n in range(len(words) - size + 1):
            run = words[n : n + size]
            if all(lemma for _, lemma in run):
                found.setdefault(
                    " ".join(lemma for _, lemma in run if lemma),
                    " ".join(word for word, _ in run),
                )
    return found


def _free_text(interview: Interview) -> str:
    return "\n".join([interview.notes, *(a.text for a in interview.answers.all())])


def terms_for(student) -> list[Term]:
    """Every term the student recorded, most recurrent first; pinned ones lead."""
    interviews = list(
        Interview.objects.filter(student=student, status="completed")
        .select_related(
            "professional", "professional__organisation", "professional__industry", "person"
        )
        .prefetch_related("answers")
        .order_by("pk")
    )
    terms: dict[str, Term] = {}
    sourced: set[tuple[str, int]] = set()

    def hear(key: str, wording: str, source: Source) -> None:
        term = terms.setdefault(key, Term(key=key))
        term.forms[wording.strip()] += 1
        if (key, source.interview_id) not in sourced:
            term.sources.append(source)
            sourced.add((key, source.interview_id))

    sources, texts = {}, {}
    for interview in interviews:
        pro = interview.counterpart
        industry = getattr(pro, "industry", None)  # the student's own people have none
        sources[interview.pk] = Source(
            interview_id=interview.pk,
            professional=pro.full_name,
            organisation=str(pro.organisation or ""),
            industry=industry.name if industry else "",
        )
        texts[interview.pk] = _free_text(interview)
        quoted = [m.group(1) for m in QUOTED.finditer(texts[interview.pk])]
        for line in [*interview.language_terms(), *quoted]:
            key = normalise_term(line)
            if key:
                hear(key, line, sources[interview.pk])
    # Phrases of the free texts: a known term heard again, or a phrase that recurs.
    phrases = {pk: _phrases(text) for pk, text in texts.items()}
    heard_in = Counter(key for found in phrases.values() for key in found)
    known = set(terms)
    for pk, found in phrases.items():
        for key, wording in found.items():
            recurs = " " in key and heard_in[key] >= PHRASE_MIN_CONVERSATIONS
            if key in known or recurs:
                hear(key, wording, sources[pk])
    for choice in TermChoice.objects.filter(student=student, key__in=terms):
        term = terms[choice.key]
        term.pinned, term.hidden, term.label = choice.pinned, choice.hidden, choice.label
    return sorted(terms.values(), key=lambda t: (not t.pinned, -t.count, t.text.lower()))


def suggestions_by_industry(terms: list[Term]) -> dict[str, list[Term]]:
    """For each field, the visible terms heard in more than one conversation in it, and any
    the student pinned: the ones worth using in a CV or cover letter for that field."""
    suggestions: dict[str, list[Term]] = {}
    for term in terms:
        if term.hidden:
            continue
        per_industry = Counter(s.industry for s in term.sources if s.industry)
        for industry, count in per_industry.items():
            if count >= 2 or term.pinned:
                suggestions.setdefault(industry, []).append(term)
    return dict(sorted(suggestions.items()))


def term_choose(*, student, key: str, pinned=None, hidden=None, label=None) -> TermChoice:
    choice, _ = TermChoice.objects.get_or_create(student=student, key=key[:200])
    if pinned is not None:
        choice.pinned = pinned
    if hidden is not None:
        choice.hidden = hidden
    if label is not None:
        choice.label = " ".join(label.split())[:200]
    choice.save()
    return choice
