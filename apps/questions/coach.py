"""The coach: reviews a question or a whole plan and returns advice. It never blocks saving.

The rules are data. To teach the coach something new, add a phrase or a pattern to the lists
just below (each with a test in tests/questions/test_coach.py): no other code changes.
"""

import re
from dataclasses import dataclass

# Openers of questions that invite a yes or no. Matched at the start, after "and", "so" etc.
CLOSED_OPENERS = [
    "do you",
    "do they",
    "does",
    "did you",
    "did",
    "is it",
    "is there",
    "is this",
    "is that",
    "are there",
    "are you",
    "are they",
    "can i",
    "can you",
    "could i",
    "would you",
    "would it",
    "will",
    "have you",
    "has",
    "had you",
    "should i",
    "was",
    "were",
    "may i",
    "shall",
    "is the",
    "am i",
    "do people",
    "would i",
]
# Openers that look closed but ask for a description: these win over CLOSED_OPENERS.
OPEN_OPENERS = [
    "what",
    "how",
    "why",
    "which",
    "where",
    "who",
    "when",
    "tell me",
    "could you describe",
    "could you tell me",
    "could you walk me",
    "could you explain",
    "could you talk",
    "would you describe",
    "would you tell me",
    "would you walk me",
    "in what",
    "describe",
    "talk me through",
    "walk me through",
    "if you",
    "looking back",
]
# Facts the organisation's website or a quick search already answers.
WEBSITE_PATTERNS = [
    r"\bwhen was (the|your|this)? ?(company|organi[sz]ation|firm|business|agency|charity)? ?(founded|established|started|set up)\b",
    r"\b(founded|established) in\b",
    r"\bheadquarter",
    r"\bhow many (employees|people work|staff|offices|countries|locations|branches)\b",
    r"\bwhat does (your|the|this) (company|organi[sz]ation|firm|business|agency|charity) do\b",
    r"\bwhat (products|services) (does|do) (your|the|this)\b",
    r"\b(list|range) of (products|services)\b",
    r"\bwhere is (your|the|this) (company|organi[sz]ation|firm|business)? ?(based|located)\b",
    r"\b(annual )?(revenue|turnover|share price)\b",
    r"\bwho (founded|owns) (the|your|this) (company|organi[sz]ation|firm)\b",
    r"\bwhat is (your|the) (company|organi[sz]ation)'?s? (mission|mission statement)\b",
]
# Asking for a job, an internship, or to pass on a CV: the etiquette forbids it.
JOB_ASK_PATTERNS = [
    r"\b(give|offer|get|find) me (a|an|some) (job|internship|placement|position|role|work)\b",
    r"\b(are|is) (you|your (team|company|firm|organi[sz]ation)|they) (hiring|recruiting)\b",
    r"\b(any|open|current) (jobs|vacancies|positions|openings|roles|internships|placements)\b",
    r"\bhire me\b",
    r"\b(pass|forward|send|give|hand) (on |along )?my (cv|resume|résumé)\b",
    r"\bmy (cv|resume|résumé) (on|along|to)\b",
    r"\brefer me (for|to)\b",
    r"\b(job|internship|placement|vacancy|position) (for|with) me\b",
    r"\b(internship|job|placement|vacancy|position|role)s? (that |which )?i (could|can|might) (apply|get|have)\b",
    r"\bcan i (apply|work) (for|with|at) (you|your)\b",
    r"\bput in a (good )?word for me\b",
    r"\bwork experience (with|at|for) you\b",
]
# A closing question asks whom else to talk to.
CLOSING_PATTERNS = [
    r"\bwho else\b",
    r"\banyone else\b",
    r"\bsomeone else\b",
    r"\bother people\b",
    r"\bwhom else\b",
    r"\banybody else\b",
]
LONG_QUESTION_WORDS = 40


@dataclass(frozen=True)
class Advice:
    code: str  # closed | website | job_ask | duplicate | long | over_time | no_closing | empty
    message: str
    suggestion: str = ""


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", (text or "").lower()).split())


def _opening(text: str) -> str:
    words = _normalised(text)
    for filler in ("and ", "so ", "but ", "also ", "then ", "ok ", "okay ", "well "):
        if words.startswith(filler):
            words = words[len(filler) :]
    return words


def _starts_with(words: str, openers: list[str]) -> bool:
    return any(words == opener or words.startswith(opener + " ") for opener in openers)


def _matches(text: str, patterns: list[str]) -> bool:
    lowered = (text or "").lower()
    return any(re.search(pattern, lowered) for pattern in patterns)


def is_closing(text: str) -> bool:
    return _matches(text, CLOSING_PATTERNS)


def is_job_ask(text: str) -> bool:
    """Whether the text asks for a job, an internship or to pass on a CV: the one test of it."""
    return _matches(text, JOB_ASK_PATTERNS)


def review_question(text: str) -> list[Advice]:
    """Advice on one question: closed, website-answerable, a job ask, too long."""
    advice = []
    if not (text or "").strip():
        return [Advice("empty", "Write the question first.")]
    words = _opening(text)
    if _starts_with(words, CLOSED_OPENERS) and not _starts_with(words, OPEN_OPENERS):
        advice.append(
            Advice(
                "closed",
                "This invites a yes or no, and the conversation stops there.",
                "Start with What, How or Tell me about: “Do you enjoy…?” becomes "
                "“What do you enjoy most about…?”",
            )
        )
    if _matches(text, WEBSITE_PATTERNS):
        advice.append(
            Advice(
                "website",
                "The organisation's website or a quick search answers this.",
                "Look it up first, then ask what only they can tell you: “What is it like to "
                "work on … here?”",
            )
        )
    if is_job_ask(text):
        advice.append(
            Advice(
                "job_ask",
                "This asks for a job, an internship or to pass on your CV; an informational "
                "interview is for learning, and asking breaks its etiquette.",
                "Ask how people get in instead: “How did people you have seen join this field "
                "get their first role?”",
            )
        )
    if len(_normalised(text).split()) > LONG_QUESTION_WORDS:
        advice.append(
            Advice(
                "long",
                "A long question is hard to follow in conversation.",
                "Keep one idea per question; split it in two.",
            )
        )
    return advice


@dataclass
class PlanReview:
    items: list[list[Advice]]  # advice for each item, in order
    plan: list[Advice]  # advice for the plan as a whole
    total_minutes: int
    length_minutes: int

    @property
    def fits(self) -> bool:
        return self.total_minutes <= self.length_minutes


def review_plan(items: list[tuple[str, int]], length_minutes: int) -> PlanReview:
    """Advice for each (text, minutes) item and for the plan: duplicates, time, closing."""
    per_item = []
    seen: dict[str, int] = {}
    for number, (text, _minutes) in enumerate(items, start=1):
        advice = review_question(text)
        key = _normalised(text)
        if key and key in seen:
            advice.append(
                Advice(
                    "duplicate",
                    f"The same question is already number {seen[key]} in this plan.",
                    "Remove one of them.",
                )
            )
        seen.setdefault(key, number)
        per_item.append(advice)
    total = sum(minutes for _text, minutes in items)
    plan_advice = []
    if total > length_minutes:
        plan_advice.append(
            Advice(
                "over_time",
                f"These questions need about {total} minutes, more than the {length_minutes} "
                "you asked for.",
                "Keep the questions that matter most to you and drop the rest: finishing on "
                "time respects their generosity.",
            )
        )
    if items and not any(is_closing(text) for text, _ in items):
        plan_advice.append(
            Advice(
                "no_closing",
                "The plan has no closing question asking whom else you could talk to.",
                "End with: “Who else would you suggest I talk to, and may I mention your name?”",
            )
        )
    return PlanReview(
        items=per_item, plan=plan_advice, total_minutes=total, length_minutes=length_minutes
    )
