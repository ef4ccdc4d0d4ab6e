"""Question-bank and plan workflows. Each runs in one transaction."""

from collections.abc import Iterator
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet

from apps.accounts.models import User
from apps.core.spreadsheets import Schema, Table, neutralise_undo
from apps.core.text import whole_number

from .models import Plan, PlanItem, Question, QuestionBank, Theme

OWN_BANK_TITLE = "My questions"
MAX_PLAN_ITEMS = 60

# Rows kept in order by a ``position`` column: a bank's questions, a plan's items.
Positioned = TypeVar("Positioned", Question, PlanItem)


def _next_position(queryset: QuerySet[Positioned]) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


def _move(queryset: QuerySet[Positioned], item: Positioned, direction: str) -> None:
    """Swap ``item`` with its neighbour above or below, renumbering 1..n as it goes."""
    if direction not in ("up", "down"):
        raise ValidationError("Move a question up or down.")
    ordered = list(queryset.select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(ordered):
        return  # already first or last: nothing to do
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, other in enumerate(ordered, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])


# --- Banks -------------------------------------------------------------------------------


def question_add(
    *, bank: QuestionBank, text: str, theme: str, why: str = "", minutes: int = 2
) -> Question:
    with transaction.atomic():
        return Question.objects.create(
            bank=bank,
            text=" ".join(text.split()),
            theme=theme,
            why=why.strip(),
            minutes=minutes,
            position=_next_position(bank.questions.all()),
        )


def question_move(*, question: Question, direction: str) -> None:
    with transaction.atomic():
        _move(Question.objects.filter(bank_id=question.bank_id), question, direction)


def own_bank(student: User) -> QuestionBank:
    bank = QuestionBank.objects.filter(owner=student, title=OWN_BANK_TITLE).first()
    if bank is None:
        bank = QuestionBank.objects.create(
            owner=student,
            title=OWN_BANK_TITLE,
            description="Questions you copied or wrote yourself.",
        )
    return bank


def question_copy_to_own(*, question: Question, student: User) -> Question:
    with transaction.atomic():
        bank = own_bank(student)
        existing = bank.questions.filter(text=question.text).first()
        if existing is not None:
            return existing
        return question_add(
            bank=bank,
            text=question.text,
            theme=question.theme,
            why=question.why,
            minutes=question.minutes,
        )


def bank_duplicate(*, bank: QuestionBank) -> QuestionBank:
    with transaction.atomic():
        copy = QuestionBank.objects.create(
            title=f"{bank.title} (copy)"[:150],
            description=bank.description,
            theme=bank.theme,
            owner=bank.owner,
            published=False,
        )
        copy.industries.set(bank.industries.all())
        Question.objects.bulk_create(
            Question(
                bank=copy,
                text=q.text,
                theme=q.theme,
                why=q.why,
                minutes=q.minutes,
                position=q.position,
            )
            for q in bank.questions.all()
        )
    return copy


BANK_SCHEMA = Schema(
    fields={"text": "Question", "theme": "Theme", "minutes": "Minutes", "why": "Why ask it"},
    header_names={
        "text": ("question", "question text", "text"),
        "theme": ("theme", "topic"),
        "minutes": ("minutes", "estimated minutes", "time"),
        "why": ("why", "why ask it", "note", "notes"),
    },
    required=("text",),
    contents={"text": "the questions"},
    noun="questions",
)
EXPORT_HEADER = ["Question", "Theme", "Minutes", "Why ask it"]


def bank_rows(bank: QuestionBank) -> Iterator[list[str | int]]:
    for question in bank.questions.all():
        yield [question.text, question.get_theme_display(), question.minutes, question.why]


def _theme_from(text: str, default: str) -> str:
    if not text:
        return default
    wanted = " ".join(text.lower().replace("_", " ").split())
    for value, label in Theme.choices:
        if wanted in (value.replace("_", " "), label.lower()):
            return value
    raise ValidationError(f"“{text}” is not a theme; use one of: {', '.join(Theme.labels)}.")


def bank_import(*, bank: QuestionBank, table: Table) -> tuple[int, list[str]]:
    """Append an uploaded file's questions (read by the upload form's SpreadsheetField) to
    ``bank``: all of them, or none and every error."""
    default_theme = bank.theme or Theme.DAY_TO_DAY
    parsed, errors = [], []
    for number, row in table.rows:
        text = " ".join(neutralise_undo(row.get("text", "")).split())
        try:
            if not text:
                raise ValidationError("the question is empty.")
            if len(text) > 300:
                raise ValidationError("the question is longer than 300 characters.")
            theme = _theme_from(row.get("theme", ""), default_theme)
            raw_minutes = row.get("minutes", "") or "2"
            minutes = whole_number(raw_minutes)
            if minutes is None or not 1 <= minutes <= 10:
                raise ValidationError(
                    f"minutes must be a whole number from 1 to 10, not “{raw_minutes}”."
                )
            why = neutralise_undo(row.get("why", "")).strip()[:300]
        except ValidationError as error:
            errors.append(f"Row {number}: {error.messages[0]}")
            continue
        parsed.append((text, theme, minutes, why))
    if errors:
        return 0, errors
    with transaction.atomic():
        start = _next_position(bank.questions.all())
        Question.objects.bulk_create(
            Question(
                bank=bank, text=text, theme=theme, minutes=minutes, why=why, position=start + i
            )
            for i, (text, theme, minutes, why) in enumerate(parsed)
        )
    return len(parsed), []


# --- Plans -------------------------------------------------------------------------------


def _plan_has_room(plan: Plan) -> None:
    if plan.items.count() >= MAX_PLAN_ITEMS:
        raise ValidationError(
            f"A plan holds at most {MAX_PLAN_ITEMS} questions; a short conversation needs far fewer."
        )


def plan_add_question(*, plan: Plan, question: Question) -> PlanItem:
    with transaction.atomic():
        _plan_has_room(plan)
        return PlanItem.objects.create(
            plan=plan,
            text=question.text,
            theme=question.theme,
            minutes=question.minutes,
            source=question,
            position=_next_position(plan.items.all()),
        )


def plan_add_text(*, plan: Plan, text: str, theme: str = "", minutes: int = 2) -> PlanItem:
    with transaction.atomic():
        _plan_has_room(plan)
        return PlanItem.objects.create(
            plan=plan,
            text=" ".join(text.split()),
            theme=theme,
            minutes=minutes,
            position=_next_position(plan.items.all()),
        )


def plan_item_move(*, item: PlanItem, direction: str) -> None:
    with transaction.atomic():
        _move(PlanItem.objects.filter(plan_id=item.plan_id), item, direction)


def plan_item_remove(*, item: PlanItem) -> None:
    item.delete()
