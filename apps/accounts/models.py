import hashlib
import zoneinfo
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a time zone we know; pick one from the list.")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        # Addresses are stored lower-case; people type them however they like.
        return self.get(email=(email or "").strip().lower())

    def _create(self, email: str, password: str | None, **fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=email.strip().lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("role", User.Role.STUDENT)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(role=User.Role.STAFF, is_staff=True, is_superuser=True)
        fields.setdefault("email_confirmed_at", timezone.now())
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: a student or a member of career-centre staff.

    Professionals in the binder do not sign in; they act through links in e-mails.
    """

    class Role(models.TextChoices):
        STUDENT = "student", "Student"
        STAFF = "staff", "Career-centre staff"

    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STUDENT)
    time_zone = models.CharField(
        max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone]
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        "admin site access", default=False, help_text="May use Django's admin site."
    )
    date_joined = models.DateTimeField(default=timezone.now)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(
        "left the centre",
        null=True,
        blank=True,
        help_text="When a student left (graduated or withdrew). Their private notes are cleared "
        "STUDENT_NOTES_RETENTION_DAYS later.",
    )
    notes_purged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=["student", "staff"]), name="user_role_valid"
            ),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_career_staff(self) -> bool:
        return self.is_active and (self.role == self.Role.STAFF or self.is_superuser)

    @property
    def is_student(self) -> bool:
        return self.is_active and self.role == self.Role.STUDENT and not self.is_superuser


class StudentProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="student_profile")
    programme = models.CharField(max_length=200, blank=True)
    graduation_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    career_interests = models.TextField(
        blank=True, help_text="The careers, industries or roles you are curious about."
    )
    linkedin_url = models.URLField("LinkedIn profile", blank=True)
    portfolio_url = models.URLField("portfolio or website", blank=True)

    def __str__(self):
        return f"Profile of {self.user}"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class StaffInvitationQuerySet(models.QuerySet["StaffInvitation"]):
    def open(self, now: datetime) -> "StaffInvitationQuerySet":
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class StaffInvitation(models.Model):
    """A member of staff asked another person to join as staff. The link is one-use."""

    email = models.EmailField("e-mail address")
    full_name = models.CharField(max_length=150)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    # Only a digest is stored: the database never holds a usable link.
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = StaffInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email}"
