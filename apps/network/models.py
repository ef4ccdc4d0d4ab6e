"""The people a student knows: private to that student (staff see only counts)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from apps.contacts.models import normalise_name
from apps.core.models import UploadedTable


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
