"""The log of approaches to the student's own people: logging one, removing one, and the
never-pester advice the log gives (``approach_rules.advice``, the one place the rules live)."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.interviews.approach_rules import Advice, Outcome, advice

from .models import Approach, Person

# What the student did that nobody answered yet: the approaches the advice is about. The other
# outcomes are the person's own answer (booked, call back, declined), always worth logging.
OWN_ATTEMPTS = frozenset({Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.EMAILED, Outcome.MESSAGED})


def approach_advice(*, approaches: Iterable[Approach], today: date) -> Advice:
    """The advice for the day ``today``, from the approaches logged up to and including it."""
    return advice([a.attempt for a in approaches if a.on <= today], today)


@transaction.atomic
def approach_log(
    *,
    person: Person,
    on: date,
    outcome: str,
    call_back_on: date | None = None,
    note: str = "",
) -> Approach:
    """Add what happened to the person's log. A day to call back belongs only to "asked to
    call back", and that outcome needs one (a database constraint holds the same rule)."""
    if outcome not in Outcome.values:
        raise ValidationError("Choose what happened.")
    if outcome == Outcome.CALL_BACK and call_back_on is None:
        raise ValidationError("Give the day they asked you to call back.")
    if outcome != Outcome.CALL_BACK:
        call_back_on = None
    return Approach.objects.create(
        person=person, on=on, outcome=outcome, call_back_on=call_back_on, note=note
    )


@transaction.atomic
def approach_remove(*, approach: Approach) -> None:
    """Remove a mistaken entry: the advice is worked out again from what is left."""
    approach.delete()
