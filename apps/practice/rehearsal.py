"""Rehearsing a plan: one question at a time, timed on the server so it works without
JavaScript, with the two gentle signals (halfway, one minute left)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.interviews.models import Interview

from .models import Rehearsal, RehearsalStep

HALFWAY, LAST_MINUTE, OVER = "halfway", "last_minute", "over"
SIGNAL_TEXT = {
    HALFWAY: "Halfway through the time you asked for.",
    LAST_MINUTE: "One minute left: time for your closing question.",
    OVER: "Time is up: in the real conversation, thank them and offer to let them go.",
}


def signals_reached(elapsed_seconds: int, length_minutes: int) -> list[str]:
    """Which signals a timer at ``elapsed_seconds`` has passed, in order."""
    total = length_minutes * 60
    reached = []
    if elapsed_seconds >= total / 2:
        reached.append(HALFWAY)
    if elapsed_seconds >= total - 60:
        reached.append(LAST_MINUTE)
    if elapsed_seconds >= total:
        reached.append(OVER)
    return reached


def rehearsal_start(*, interview: Interview) -> Rehearsal:
    plan = interview.plan
    items = list(plan.items.all()) if plan is not None else []
    if not items:
        raise ValidationError(
            "Add questions to your plan first: the rehearsal goes through them in order."
        )
    now = timezone.now()
    with transaction.atomic():
        rehearsal = Rehearsal.objects.create(
            interview=interview, length_minutes=interview.length_minutes, started_at=now
        )
        RehearsalStep.objects.bulk_create(
            RehearsalStep(
                rehearsal=rehearsal,
                item=item,
                position=n,
                question=item.text,
                planned_minutes=item.minutes,
                started_at=now if n == 0 else None,
            )
            for n, item in enumerate(items)
        )
    return rehearsal


def current_step(rehearsal: Rehearsal) -> RehearsalStep | None:
    return rehearsal.steps.filter(ended_at__isnull=True).order_by("position").first()


def rehearsal_next(*, rehearsal: Rehearsal, follow_up: str = "") -> RehearsalStep | None:
    """Close the current question (keeping the follow-up jotted for it) and open the next."""
    if rehearsal.finished_at:
        raise ValidationError("This rehearsal is finished; start a new one to practise again.")
    now = timezone.now()
    with transaction.atomic():
        step = current_step(rehearsal)
        if step is None:
            rehearsal.finished_at = now
            rehearsal.save(update_fields=["finished_at"])
            return None
        step.ended_at = now
        step.follow_up = follow_up.strip()[:300]
        step.save(update_fields=["ended_at", "follow_up"])
        following = current_step(rehearsal)
        if following is None:
            rehearsal.finished_at = now
            rehearsal.save(update_fields=["finished_at"])
            return None
        following.started_at = now
        following.save(update_fields=["started_at"])
        return following


@dataclass
class Summary:
    steps: list[RehearsalStep]
    total_seconds: int
    length_minutes: int

    @property
    def fits(self) -> bool:
        return self.total_seconds <= self.length_minutes * 60

    @property
    def over_planned(self) -> list[RehearsalStep]:
        """Questions that took noticeably longer than planned (a third more)."""
        return [s for s in self.steps if s.seconds > s.planned_minutes * 60 * 4 / 3]


def rehearsal_summary(rehearsal: Rehearsal) -> Summary:
    steps = list(rehearsal.steps.all())
    return Summary(
        steps=steps,
        total_seconds=sum(s.seconds for s in steps),
        length_minutes=rehearsal.length_minutes,
    )


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


FRIEND_PROMPTS = {
    "day_to_day": "Describe a real day, including the dull parts; mention one tool and one meeting you dread.",
    "path": "Tell a path with a detour or a lucky break; do not make it sound neat.",
    "skills": "Name one skill they did not expect to need, and one qualification that mattered less than they thought.",
    "advancement": "Give an example of someone who moved up and why; be a little guarded about office politics.",
    "future": "Sound uncertain about one change coming to the field, and confident about another.",
    "satisfactions": "Share a real frustration, then a moment that made it worth it.",
    "organisation": "Mention a challenge the organisation faces, but keep some details confidential.",
    "own_cv": "Give one concrete, slightly blunt suggestion about their CV.",
    "closing": "Suggest a colleague by name, and ask how they found you.",
}
INTERRUPTIONS = [
    "Give a very short answer to one question, to see whether they ask a follow-up.",
    "Talk for too long on one question, to see whether they steer back politely.",
    "Mention that you only have ten minutes left, halfway through.",
    "Ask them a question back: “So what are you hoping to do after graduating?”",
]
