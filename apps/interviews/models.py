"""One informational interview: research, the request, booking, and the record afterwards."""

import uuid
from datetime import timedelta
from typing import cast

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.contacts.models import Professional
from apps.network.models import Person
from apps.questions.models import Plan, PlanItem


def counterpart_fields(counterpart: "Professional | Person") -> dict[str, object]:
    """The column that names ``counterpart`` on the rows that have the pair (an interview, a
    contact, a reminder): a binder entry or one of a student's own people. The one place the
    pair is chosen, for a filter and for a new row alike."""
    if isinstance(counterpart, Person):
        return {"person": counterpart}
    return {"professional": counterpart}


class InterviewQuerySet(models.QuerySet["Interview"]):
    OPEN = ("requested", "confirmed")

    def open(self) -> "InterviewQuerySet":
        """Requests awaiting an answer, and confirmed interviews still ahead."""
        return self.filter(status__in=self.OPEN)

    def for_student(self, user):
        return self.filter(student=user)

    def overlapping(self, starts_at, ends_at):
        return self.filter(status="confirmed", starts_at__lt=ends_at, ends_at__gt=starts_at)

    def due_to_expire(self, now):
        return self.filter(status="requested", expires_at__lte=now)


class Interview(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Preparing"
        REQUESTED = "requested", "Requested"
        CONFIRMED = "confirmed", "Confirmed"
        COMPLETED = "completed", "Held"
        NO_SHOW = "no_show", "Did not take place"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired without an answer"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CANCELLED = "cancelled", "Cancelled"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        EMAIL = "email", "E-mail questions"

    class Length(models.IntegerChoices):
        SHORT = 15, "15 minutes"
        USUAL = 20, "20 minutes"
        LONG = 30, "30 minutes"

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews"
    )
    # The other person is exactly one of: a binder entry, or someone from the student's own
    # network (``counterpart``; a check constraint holds it). The request, its answers and the
    # product's e-mails to them are the binder's; for their own people the student writes
    # from their own mailbox and records the booking themselves (services.booking_record).
    # PROTECT: a student's interview is never deleted with a binder entry (a merge moves it).
    professional = models.ForeignKey(
        Professional,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interviews",
    )
    # CASCADE: the student's own records of their own person go when they remove that person
    # (the removal page says how many interviews go with them).
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interviews",
    )
    plan = models.OneToOneField(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="interview"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)

    # 1. Research: the student's own notes.
    research_career = models.TextField("the career", blank=True)
    research_organisation = models.TextField("the organisation", blank=True)
    research_person = models.TextField("the person", blank=True)

    # 3. The request.
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.VIDEO)
    length_minutes = models.PositiveSmallIntegerField(choices=Length.choices, default=Length.USUAL)
    accessibility_needs = models.TextField(blank=True)
    # The request e-mail's subject line, as the student edits it ("" reads the default).
    subject = models.CharField("subject line", max_length=150, blank=True)
    message = models.TextField("introduction message", blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    # Questions the professional sent the student from their answer page before answering
    # (services.question_to_student holds the cap).
    questions_asked = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Again(models.TextChoices):
        AFTER = "after", "Ask me again after a date"
        NOT_NOW = "not_now", "Not for now"
        NEVER = "never", "Please do not ask me again"

    # What the professional said about being asked again (a decline), and from which day this
    # student may ask them again (a decline or an expiry); see rules.why_cannot_request.
    ask_again = models.CharField(max_length=8, choices=Again.choices, blank=True)
    ask_again_on = models.DateField(null=True, blank=True)
    # When the request e-mail went to the professional: at once, or later when their week
    # had room (a request waiting in line has none yet).
    delivered_at = models.DateTimeField(null=True, blank=True)
    # The month whose capacity this request took a place in (given back if it ends unanswered).
    capacity_month = models.DateField(null=True, blank=True)

    # 4. Confirmed.
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    where = models.CharField("place or link", max_length=300, blank=True)
    calendar_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    calendar_sequence = models.PositiveIntegerField(default=0)
    cancelled_by = models.CharField(max_length=12, blank=True)
    cancel_reason = models.TextField(blank=True)

    # 5. The record: private to the student.
    notes = models.TextField(blank=True)
    language = models.TextField(
        "words and phrases they used",
        blank=True,
        help_text="One a line: the way they talk about the work.",
    )
    actual_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    reflection = models.TextField("is this career for me?", blank=True)
    next_steps = models.TextField(blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)

    # Bumped at every state change: links sent for an earlier state stop working.
    link_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "draft",
                        "requested",
                        "confirmed",
                        "completed",
                        "no_show",
                        "declined",
                        "expired",
                        "withdrawn",
                        "cancelled",
                    ]
                ),
                name="interview_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="interview_ends_after_start",
            ),
            # One open request or interview per student and professional.
            models.UniqueConstraint(
                fields=["student", "professional"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="interview_one_open_per_pair",
            ),
            models.UniqueConstraint(
                fields=["student", "person"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="interview_one_open_per_person",
            ),
            # Exactly one counterpart: a binder entry or one of the student's own people.
            models.CheckConstraint(
                condition=(Q(professional__isnull=False) & Q(person__isnull=True))
                | (Q(professional__isnull=True) & Q(person__isnull=False)),
                name="interview_one_counterpart",
            ),
            # (PostgreSQL also gets exclusion constraints against overlapping confirmed
            # interviews, per professional and per student: migration 0002.)
        ]
        indexes = [
            # The worker's expiry query.
            models.Index(fields=["status", "expires_at"], name="interview_status_expiry_idx"),
            # The staff's stalled-requests list: waiting ones, oldest request first.
            models.Index(fields=["status", "requested_at"], name="interview_waiting_idx"),
            # Staff insight's held-with-no-thank-you list: held interviews, oldest record first
            # (its first rows read in this order instead of sorting every held interview).
            models.Index(fields=["status", "recorded_at"], name="interview_held_idx"),
            # Staff insight's never-asked professionals: the anti-join reads who was ever asked
            # from this small index alone instead of hashing every request row.
            models.Index(
                fields=["professional"],
                condition=Q(requested_at__isnull=False),
                name="interview_asked_idx",
            ),
            # The staff's interview list, most recently changed first (a page of 30 read
            # straight from the index instead of sorting every interview).
            models.Index(fields=["-updated_at", "-id"], name="interview_updated_idx"),
            # Overlap checks for one professional's or one student's confirmed interviews.
            models.Index(
                fields=["professional", "status", "starts_at"], name="interview_pro_time_idx"
            ),
            models.Index(
                fields=["student", "status", "starts_at"], name="interview_student_time_idx"
            ),
            # Staff insight's requests-in-a-period queries (demand by field, requests per week,
            # answer rates): answered from the index alone, without reading the wide rows.
            models.Index(
                fields=["requested_at", "professional", "answered_at"],
                name="interview_requested_idx",
            ),
        ]

    def __str__(self):
        return f"{self.student} → {self.counterpart} ({self.status})"

    @property
    def counterpart(self) -> Professional | Person:
        """The person the conversation is with: the binder entry or the student's own contact
        (both have ``full_name``, ``role``, ``email`` and ``organisation_name``)."""
        # One of the two is set (interview_one_counterpart).
        return self.professional or cast(Person, self.person)

    @property
    def organisation_name(self) -> str:
        """The name of the organisation the counterpart works for, or "" (the coach reads a
        question about it by name as a question about "your organisation")."""
        if self.professional is not None:
            organisation = self.professional.organisation
            return organisation.name if organisation else ""
        return self.person.organisation if self.person else ""

    @property
    def own_network(self) -> bool:
        """With someone the student knows: no request through the product, no e-mail from it
        to them; the student approaches, books and thanks them from their own channels."""
        return self.person_id is not None

    @property
    def is_open(self) -> bool:
        return self.status in InterviewQuerySet.OPEN

    @property
    def end_of_meeting(self):
        return self.ends_at or (
            self.starts_at + timedelta(minutes=self.length_minutes) if self.starts_at else None
        )

    def language_terms(self) -> list[str]:
        return [line.strip() for line in self.language.splitlines() if line.strip()]


class ProposedTime(models.Model):
    class By(models.TextChoices):
        STUDENT = "student", "The student"
        PROFESSIONAL = "professional", "The professional"

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="proposed_times"
    )
    starts_at = models.DateTimeField()
    proposed_by = models.CharField(max_length=12, choices=By.choices, default=By.STUDENT)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    """What was said to one planned question: noted by the student, or written by the
    professional when the format is e-mail questions."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(PlanItem, null=True, on_delete=models.SET_NULL, related_name="+")
    question = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    written_by_professional = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "item"], name="answer_one_per_item"),
        ]

    def __str__(self):
        return self.question


class Promise(models.Model):
    """Something the professional offered to do (send an article, introduce someone)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="promises")
    text = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text


class Referral(models.Model):
    """A further person the professional suggested, waiting for staff to vet into the binder."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for staff"
        ADDED = "added", "Added to the binder"
        DISMISSED = "dismissed", "Not added"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="referrals")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    contact = models.CharField("e-mail or other contact, if given", max_length=254, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    professional = models.ForeignKey(
        Professional, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class ProfessionalReport(models.Model):
    """What a professional told staff through their link: the student did not come, or a
    concern about how the student behaved. Serious and private: staff see it, the student and
    other students never do."""

    class Kind(models.TextChoices):
        NO_SHOW = "no_show", "The student did not come"
        CONCERN = "concern", "A concern about the student"

    # The report belongs to the conversation it is about: closing the student's account
    # removes the conversation and, with it, what was said about them.
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # The staff list: the latest reports first.
        indexes = [models.Index(fields=["-created_at"], name="report_latest_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.interview_id})"


class CalendarFeed(models.Model):
    """A student's private calendar subscription address."""

    student = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Feed of {self.student}"
