from django.conf import settings
from django.db import models

from apps.interviews.models import Interview
from apps.questions.models import PlanItem


class Rehearsal(models.Model):
    """One practice run of an interview's plan against the clock. Nothing is sent to anyone."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="rehearsals")
    length_minutes = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"Rehearsal {self.pk} of interview {self.interview_id}"

    @property
    def total_seconds(self) -> int:
        end = self.finished_at
        return int((end - self.started_at).total_seconds()) if end else 0


class RehearsalStep(models.Model):
    rehearsal = models.ForeignKey(Rehearsal, on_delete=models.CASCADE, related_name="steps")
    item = models.ForeignKey(PlanItem, null=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveIntegerField()
    question = models.CharField(max_length=300)
    planned_minutes = models.PositiveSmallIntegerField(default=2)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    follow_up = models.CharField("the follow-up you would ask", max_length=300, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.question

    @property
    def seconds(self) -> int:
        if self.started_at and self.ended_at:
            return int((self.ended_at - self.started_at).total_seconds())
        return 0


class TermChoice(models.Model):
    """A student's decision about one recurring term: pin it, hide it, or word it their way."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=200, help_text="The term's normalised form.")
    pinned = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    label = models.CharField("your wording", max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["student", "key"], name="termchoice_one_per_key")
        ]

    def __str__(self):
        return self.key
