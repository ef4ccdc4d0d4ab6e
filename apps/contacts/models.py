"""The networking binder: professionals, organisations, resources, and the taxonomy."""

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from apps.accounts.models import validate_time_zone
from apps.core.models import UploadedTable

CONSENT_VALID_DAYS = 365


def normalise_name(value: str) -> str:
    """Lower-case, accents and punctuation dropped, spaces folded: for matching duplicates."""
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


class Industry(models.Model):
    name = models.CharField(max_length=120, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "industries"

    def __str__(self):
        return self.name


class Occupation(models.Model):
    """An occupation group; seeded from the major groups of the US Standard Occupational
    Classification (SOC 2018), extendable by staff."""

    name = models.CharField(max_length=160, unique=True)
    code = models.CharField(max_length=10, blank=True, help_text="SOC code, if any")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    class Size(models.TextChoices):
        MICRO = "micro", "1–9 people"
        SMALL = "small", "10–49 people"
        MEDIUM = "medium", "50–249 people"
        LARGE = "large", "250+ people"

    name = models.CharField(max_length=200)
    website = models.URLField(blank=True)
    industry = models.ForeignKey(Industry, null=True, blank=True, on_delete=models.SET_NULL)
    size_band = models.CharField(max_length=10, choices=Size.choices, blank=True)
    location = models.CharField(max_length=120, blank=True)
    research_notes = models.TextField(
        blank=True, help_text="What a student should read or know before contacting people here."
    )
    # Added by the public volunteer form and not yet taken in by staff (an edit or an approved
    # volunteer takes it in): when the offer is turned down or never confirmed, it goes too,
    # unless something else uses it (services.volunteers).
    from_volunteer_form = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="organisation_name_ci_unique")]

    def __str__(self):
        return self.name


class Resource(models.Model):
    """A professional association or a company directory to research from."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", "Professional association"
        DIRECTORY = "directory", "Company directory"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = models.CharField(max_length=200)
    url = models.URLField("web address")
    notes = models.TextField(blank=True)
    industries = models.ManyToManyField(Industry, related_name="resources", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SearchableWords(SearchVector):
    """``search_text`` as PostgreSQL's ``simple`` tsvector: lower-cased words, no stemming
    (names, places and organisations are not English words). SQLite has no tsvector, so there
    the column stays empty and the search reads ``search_text`` (apps/contacts/search.py)."""

    def as_sqlite(self, compiler, connection, **extra_context):
        return "NULL", []


class WordIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere a plain index (without the operator class), since
    only PostgreSQL has GIN."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class ProfessionalQuerySet(models.QuerySet):
    def visible_to_students(self):
        """Everyone a student may read about: active people only (paused, pending, retired
        and do-not-contact people are not offered, and do-not-contact ones never shown)."""
        return self.filter(status=Professional.Status.ACTIVE)

    def consent_due(self, now):
        return self.filter(
            Q(consent_at__isnull=True) | Q(consent_at__lt=now - timedelta(days=CONSENT_VALID_DAYS))
        ).exclude(status__in=[Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED])

    def volunteers(self):
        """Pending offers made through the public form, on their own or on the invitation a
        student's suggestion sent them: staff approve both the same way."""
        return self.filter(
            status=Professional.Status.PENDING,
            source__in=[Professional.Source.VOLUNTEER, Professional.Source.SUGGESTED],
        )


class Professional(models.Model):
    # The ways of talking a professional may accept (as an interview's format names them),
    # each a boolean field below: the one list of them.
    FORMATS = {
        "in_person": "accepts_in_person",
        "phone": "accepts_phone",
        "video": "accepts_video",
        "email": "accepts_email",
    }
    FORMAT_FIELDS = tuple(FORMATS.values())

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        RETIRED = "retired", "Retired"
        DO_NOT_CONTACT = "do_not_contact", "Do not contact"

    class Source(models.TextChoices):
        STAFF = "staff", "Added by staff"
        VOLUNTEER = "volunteer", "Volunteered"
        IMPORT = "import", "Imported"
        REFERRAL = "referral", "Referred"
        SUGGESTED = "suggested", "Suggested by a student"

    class ConsentMethod(models.TextChoices):
        FORM = "form", "Online form"
        EMAIL = "email", "E-mail"
        PHONE = "phone", "Phone"
        IMPORT = "import", "Spreadsheet import"
        IN_PERSON = "in_person", "In person"
        LINK = "link", "Confirmed by them through an e-mailed link"

    full_name = models.CharField("name", max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="professionals"
    )
    industry = models.ForeignKey(
        Industry, null=True, blank=True, on_delete=models.SET_NULL, related_name="professionals"
    )
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="professionals"
    )
    location = models.CharField(max_length=120, blank=True)
    time_zone = models.CharField(
        max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone]
    )
    years_in_field = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(70)]
    )
    is_alumni = models.BooleanField("alumni of the institution", default=False)
    alumni_programme = models.CharField(max_length=200, blank=True)
    alumni_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1940), MaxValueValidator(2100)]
    )
    talk_about = models.TextField("what I can talk about", blank=True)
    # What they are willing to do.
    offers_interviews = models.BooleanField("informational interviews", default=True)
    offers_visits = models.BooleanField("workplace visits", default=False)
    offers_cv_feedback = models.BooleanField("CV feedback", default=False)
    offers_mentoring = models.BooleanField("mentoring", default=False)
    # The formats they accept.
    accepts_in_person = models.BooleanField("in person", default=False)
    accepts_phone = models.BooleanField("phone", default=True)
    accepts_video = models.BooleanField("video", default=True)
    accepts_email = models.BooleanField("e-mail questions", default=False)
    monthly_capacity = models.PositiveSmallIntegerField(
        "students a month", default=2, validators=[MinValueValidator(0), MaxValueValidator(20)]
    )
    availability_notes = models.TextField(blank=True)
    # Private: never shown to students until an interview is confirmed.
    email = models.EmailField("e-mail address", blank=True)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField("LinkedIn profile", blank=True)
    tags = models.CharField(max_length=300, blank=True, help_text="Comma-separated")
    referred_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    referred_by_student = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.STAFF)
    # Consent record.
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_method = models.CharField(max_length=10, choices=ConsentMethod.choices, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_terms = models.TextField("what was agreed", blank=True)
    reconsent_requested_at = models.DateTimeField(null=True, blank=True)
    # An imported or referred entry is asked once whether it may be listed.
    invited_at = models.DateTimeField(null=True, blank=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Bumped to invalidate every management link already sent.
    link_version = models.PositiveIntegerField(default=1)
    erased_at = models.DateTimeField(null=True, blank=True)
    # Maintained by save(): the words a student can search for, in one indexed column.
    search_text = models.TextField(blank=True, editable=False)
    # Kept by the database from search_text, for PostgreSQL's word index.
    search_vector = models.GeneratedField(
        expression=SearchableWords("search_text", config="simple"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfessionalQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "pk"]
        constraints = [
            # One binder entry per address; blank addresses (erased, or phone-only) are allowed.
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="professional_email_ci_unique"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["pending", "active", "paused", "retired", "do_not_contact"]
                ),
                name="professional_status_valid",
            ),
            # Consent before visibility: nobody is active without a consent record that says
            # when and how it was given.
            models.CheckConstraint(
                condition=~Q(status="active")
                | (
                    Q(consent_at__isnull=False)
                    & ~Q(consent_method="")
                    & ~Q(consent_method="import")  # dated the day of an import: nobody gave it
                ),
                name="professional_active_has_consent",
            ),
        ]
        indexes = [
            # The student search filters by status first, then sorts by name.
            models.Index(fields=["status", "full_name"], name="prof_status_name_idx"),
            # The staff binder's first page: everyone by name, 25 at a time, without sorting
            # the whole binder (found by the load benchmark: 9 ms of 20,000 rows sorted each time).
            models.Index(fields=["full_name", "id"], name="prof_name_idx"),
            # The search: every word a professional can be found by (PostgreSQL).
            WordIndex(fields=["search_vector"], name="prof_search_vector_idx"),
            # Trigrams of the same words: the search also asks for each term as a substring,
            # which PostgreSQL estimates from a sample of rows (so it can tell a rare word
            # from a common one, as it cannot for a tsvector prefix) and finds in this index.
            WordIndex(
                fields=["search_text"], opclasses=["gin_trgm_ops"], name="prof_search_trgm_idx"
            ),
            # Staff filters.
            models.Index(fields=["industry", "status"], name="prof_industry_status_idx"),
            models.Index(fields=["occupation", "status"], name="prof_occupation_status_idx"),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = (self.email or "").strip().lower()
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "updated_at"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        parts = [
            self.full_name,
            self.job_title,
            self.organisation.name if self.organisation_id and self.organisation else "",
            self.industry.name if self.industry_id and self.industry else "",
            self.occupation.name if self.occupation_id and self.occupation else "",
            self.location,
            self.talk_about,
            self.tags,
        ]
        return " ".join(p for p in parts if p).lower()

    @property
    def formats(self) -> list[str]:
        return self.format_labels(self)

    def accepts(self, format: str) -> bool:
        """Whether they take conversations in ``format`` (an interview's format value)."""
        return format in self.FORMATS and getattr(self, self.FORMATS[format])

    @classmethod
    def format_labels(cls, row: Any) -> list[str]:
        """The formats ``row`` (a professional, or a named row with the FORMAT_FIELDS) accepts."""
        return [cls._label(f) for f in cls.FORMAT_FIELDS if getattr(row, f)]

    @property
    def offers(self) -> list[str]:
        fields = ["offers_interviews", "offers_visits", "offers_cv_feedback", "offers_mentoring"]
        return [self._label(f) for f in fields if getattr(self, f)]

    @classmethod
    def _label(cls, name: str) -> str:
        """The verbose name of the boolean field ``name`` ("in person", "mentoring")."""
        field = cls._meta.get_field(name)
        assert isinstance(field, models.Field)  # a column, not a relation
        return str(field.verbose_name)

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    def has_consent(self) -> bool:
        """A consent someone can stand behind: when and how it was given (the rule the
        database constraint professional_active_has_consent keeps for active entries)."""
        return bool(
            self.consent_at
            and self.consent_method
            and self.consent_method != self.ConsentMethod.IMPORT
        )

    def consent_is_due(self, now=None) -> bool:
        now = now or timezone.now()
        return self.consent_at is None or self.consent_at < now - timedelta(days=CONSENT_VALID_DAYS)


def month_start(when: datetime | None = None) -> date:
    """The first day of the month ``when`` falls in, in the site's time zone: capacity is
    counted per calendar month."""
    day = timezone.localdate(when or timezone.now(), timezone.get_default_timezone())
    return day.replace(day=1)


class MonthlyLoad(models.Model):
    """How many requests a professional has been sent in one month, against their capacity.

    The interviews app claims a place here (with the professional's row locked) when a
    request goes out, and gives it back when a request is withdrawn or expires unanswered.
    """

    professional = models.ForeignKey(Professional, on_delete=models.CASCADE, related_name="loads")
    month = models.DateField(help_text="First day of the month.")
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["professional", "month"], name="load_one_per_month"),
        ]

    def __str__(self):
        return f"{self.professional_id} in {self.month:%Y-%m}: {self.requests}"


class MergeRecord(models.Model):
    """What a merge of two binder entries did, so staff can see it later."""

    kept = models.ForeignKey(Professional, on_delete=models.CASCADE, related_name="merges")
    merged_name = models.CharField(max_length=150)
    merged_email = models.CharField(max_length=254, blank=True)
    moved = models.JSONField(default=dict, help_text="What was moved to the kept entry.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self):
        return f"{self.merged_name} merged into {self.kept_id}"


class BinderImport(UploadedTable):
    """A spreadsheet a member of staff uploaded to import into the binder."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )


# How long the link in a suggestion's invitation works.
SUGGESTION_LINK_DAYS = 30


class SuggestionQuerySet(models.QuerySet):
    def waiting(self, now: datetime) -> "SuggestionQuerySet":
        """Invitations not answered yet whose link still works: all staff may know of them is
        how many there are."""
        return self.filter(
            answered_at__isnull=True, suggested_at__gte=now - timedelta(days=SUGGESTION_LINK_DAYS)
        )


class Suggestion(models.Model):
    """A student suggested someone they know for the binder, and that address was sent its one
    invitation to join (``services.suggestion_send``, the only path). Until the person answers,
    the binder keeps neither their name nor their address: only a keyed digest of the address
    (as ``apps.core.suppression`` does), so a second invitation is refused by the database and
    staff can count suggestions but read nothing about them."""

    address_digest = models.CharField(max_length=64, editable=False)
    # Kept when the student's account goes: the address still had its one invitation.
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    suggested_at = models.DateTimeField(default=timezone.now)
    # The queued e-mail; null once the mail queue has let it go.
    invitation = models.ForeignKey(
        "core.QueuedEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-suggested_at", "-pk"]
        constraints = [
            # One invitation per address, whoever suggests it and however many at once.
            models.UniqueConstraint(fields=["address_digest"], name="suggestion_one_per_address"),
        ]
        indexes = [
            # A student's suggestions of the last day (the daily limit).
            models.Index(fields=["suggested_by", "suggested_at"], name="suggestion_student_idx"),
        ]

    def __str__(self):
        return f"Suggestion {self.pk} of {self.suggested_at:%Y-%m-%d}"


class AuditEntry(models.Model):
    """One staff action on the binder: who looked at someone's contact details, changed,
    merged, imported, exported or erased. Kept when the account or the entry goes (names are
    copied), except that an erasure blanks the professional's name here too."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed contact details"
        CREATED = "created", "Added"
        CHANGED = "changed", "Changed"
        STATUS = "status", "Changed status"
        MERGED = "merged", "Merged"
        IMPORTED = "imported", "Imported a spreadsheet"
        EXPORTED = "exported", "Exported the binder"
        ERASED = "erased", "Erased"
        DELETED = "deleted", "Deleted"

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=Action.choices)
    professional = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit"
    )
    professional_name = models.CharField(max_length=150, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["-at", "-id"], name="audit_recent_idx"),
            models.Index(fields=["professional", "-at"], name="audit_professional_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.professional_name}"
