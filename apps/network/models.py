"""The people a student knows: private to that student (staff see only counts)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from apps.contacts.models import normalise_name
from apps.core.models import UploadedTable
from apps.interviews.approach_rules import Attempt, Outcome


class PersonQuerySet(models.QuerySet):
    def of(self, student) -> "PersonQuerySet":
        """The one way to reach someone's people: only their own."""
        return self.filter(student=student)


class Person(models.Model):
    class HowKnown(models.TextChoices):
        FRIEND = "friend", "Friend"
        FAMILY = "family", "Family"
        ALUMNI = "alumni", "Alumni"
        COLLEAGUE = "colleague", "Colleague"
        EVENT = "event", "Met at an event"
        LINKEDIN = "linkedin", "LinkedIn"
        REFERRAL = "referral", "Referred by someone"

    class Source(models.TextChoices):
        MANUAL = "manual", "Added by hand"
        LINKEDIN = "linkedin", "LinkedIn export"
        CSV = "csv", "Spreadsheet"
        REFERRAL = "referral", "Referral after an interview"

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="people"
    )
    full_name = models.CharField("Name", max_length=200)
    role = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    how_known = models.CharField(
        "How I know them", max_length=20, choices=HowKnown.choices, blank=True
    )
    referred_by = models.CharField(
        "Referred by", max_length=200, blank=True, help_text="Who put you in touch, if anyone."
    )
    email = models.EmailField("E-mail", blank=True)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField("LinkedIn URL", max_length=300, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    connected_on = models.DateField("Connected on", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "pk"]
        constraints = [
            # An import matches on these: one person per profile and per address.
            models.UniqueConstraint(
                "student",
                "linkedin_url",
                condition=~Q(linkedin_url=""),
                name="network_person_one_per_linkedin_url",
            ),
            models.UniqueConstraint(
                "student",
                Lower("email"),
                condition=~Q(email=""),
                name="network_person_one_per_email",
            ),
        ]
        indexes = [
            # The list page: a student's people in name order.
            models.Index(fields=["student", "full_name"], name="network_person_list"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def job_title(self) -> str:
        """As a binder entry names it, so a page about either reads the same."""
        return self.role

    @property
    def name_key(self) -> tuple[str, str]:
        """Name and organisation as an import compares them."""
        return normalise_name(self.full_name), normalise_name(self.organisation)


class PeopleImport(UploadedTable):
    """A file a student uploaded to import into their own people."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )


class ApproachQuerySet(models.QuerySet):
    def of(self, student) -> "ApproachQuerySet":
        """The one way to reach someone's log of approaches: only their own people's."""
        return self.filter(person__student=student)


class Approach(models.Model):
    """One approach the student made to one of their people by their own channel, and what
    came of it. ``approach_rules.advice`` reads the log; nothing here is sent to anyone."""

    Outcome = Outcome

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="approaches")
    on = models.DateField("Date")
    outcome = models.CharField("What happened", max_length=20, choices=Outcome.choices)
    call_back_on = models.DateField(
        "Call back on",
        null=True,
        blank=True,
        help_text="Only when they asked you to call back: the day they gave.",
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApproachQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-created_at", "-pk"]
        constraints = [
            # The day to call back belongs to "asked to call back", and that outcome needs it.
            models.CheckConstraint(
                condition=(Q(outcome=Outcome.CALL_BACK) & Q(call_back_on__isnull=False))
                | (~Q(outcome=Outcome.CALL_BACK) & Q(call_back_on__isnull=True)),
                name="network_approach_call_back_on_only_for_call_back",
                violation_error_message="A day to call back goes with “asked to call back "
                "on a date”, and only with it.",
            ),
        ]
        indexes = [
            # The person's page: their log, newest first.
            models.Index(fields=["person", "-on"], name="network_approach_log"),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()} on {self.on:%Y-%m-%d}"

    @property
    def attempt(self) -> Attempt:
        return Attempt(on=self.on, outcome=self.outcome, call_back_on=self.call_back_on)
