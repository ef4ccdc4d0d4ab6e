"""Language insights: the words professionals used about their work, gathered across a
student's recorded interviews, so CVs and cover letters can speak them back.

Each recorded line is one term. Terms are grouped by a normal form: lower case, stop words
removed (the stop-words package), each word lemmatised (simplemma, which ships its data, so
nothing is downloaded at run time). "Stakeholder buy-in" and "stakeholders' buy-in" group.
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


def terms_for(student) -> list[Term]:
    """Every term the student recorded, most recurrent first; pinned ones lead."""
    interviews = (
        Interview.objects.filter(student=student, status="completed")
        .exclude(language="")
        .select_related(
            "professional", "professional__organisation", "professional__industry", "person"
        )
        .order_by("pk")
    )
    terms: dict[str, Term] = {}
    for interview in interviews:
        pro = interview.counterpart
        industry = getattr(pro, "industry", None)  # the student's own people have none
        source = Source(
            interview_id=interview.pk,
            professional=pro.full_name,
            organisation=str(pro.organisation or ""),
            industry=industry.name if industry else "",
        )
        seen = set()
        for line in interview.language_terms():
            key = normalise_term(line)
            if not key:
                continue
            term = terms.setdefault(key, Term(key=key))
            term.forms[line.strip()] += 1
            if key not in seen:
                term.sources.append(source)
                seen.add(key)
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
