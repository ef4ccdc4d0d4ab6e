"""Question banks (curated by staff, or a student's own) and the plan for one interview."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class Theme(models.TextChoices):
    DAY_TO_DAY = "day_to_day", "The day-to-day work"
    PATH = "path", "The path into the role"
    SKILLS = "skills", "Skills and qualifications"
    ADVANCEMENT = "advancement", "What distinguishes people who advance"
    FUTURE = "future", "The future of the field"
    SATISFACTIONS = "satisfactions", "Satisfactions and frustrations"
    ORGANISATION = "organisation", "The organisation's challenges"
    OWN_CV = "own_cv", "Advice on my CV or profile"
    CLOSING = "closing", "Closing and further contacts"


class QuestionBankQuerySet(models.QuerySet):
    def curated(self):
        return self.filter(owner__isnull=True)

    def visible_to(self, user):
        """Published curated banks, and the user's own; staff see every curated bank."""
        if user.is_career_staff:
            return self.filter(owner__isnull=True)
        return self.filter(Q(owner__isnull=True, published=True) | Q(owner=user))


class QuestionBank(models.Model):
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    theme = models.CharField(
        max_length=20, choices=Theme.choices, blank=True, help_text="The bank's main theme, if any."
    )
    # The binder's taxonomy, referred to by label only: this app never imports contacts.
    industries = models.ManyToManyField("contacts.Industry", blank=True, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_banks",
        help_text="Empty for the career centre's curated banks; the student for a private one.",
    )
    published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionBankQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        indexes = [
            # Students browse published curated banks by theme.
            models.Index(fields=["owner", "published", "theme"], name="bank_browse_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_curated(self) -> bool:
        return self.owner_id is None


class Question(models.Model):
    bank = models.ForeignKey(QuestionBank, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=300)
    theme = models.CharField(max_length=20, choices=Theme.choices)
    why = models.CharField("why ask it", max_length=300, blank=True)
    minutes = models.PositiveSmallIntegerField(
        "estimated minutes", default=2, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class Plan(models.Model):
    """The ordered questions a student takes into one interview."""

    class Length(models.IntegerChoices):
        SHORT = 15, "15 minutes"
        USUAL = 20, "20 minutes"
        LONG = 30, "30 minutes"

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans"
    )
    title = models.CharField(max_length=150)
    length_minutes = models.PositiveSmallIntegerField(choices=Length.choices, default=Length.USUAL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self):
        return self.title


class PlanItem(models.Model):
    """One planned question: a copy of its text, so later edits to a bank never rewrite it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=300)
    theme = models.CharField(max_length=20, choices=Theme.choices, blank=True)
    minutes = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    source = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text
