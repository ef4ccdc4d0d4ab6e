from datetime import timedelta

from django import forms
from django.utils import timezone

from apps.contacts.models import Industry
from apps.core.fields import DateInput, DateTimeInput

from . import rules
from .models import Interview, ProfessionalReport, ProposedTime


def time_field(label, required=False):
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class ResearchForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["research_career", "research_organisation", "research_person"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
        help_texts = {
            "research_career": "What the work involves, how people enter it, what you still want to know.",
            "research_organisation": "What it does, recent news, what the website already tells you.",
            "research_person": "Their role and path so far (their listing, LinkedIn, articles).",
        }


class RequestForm(forms.ModelForm):
    """The request: format, length, up to five times in the student's own zone, the message."""

    time_1 = time_field("First proposed time")
    time_2 = time_field("Second proposed time")
    time_3 = time_field("Third proposed time")
    time_4 = time_field("Fourth proposed time")
    time_5 = time_field("Fifth proposed time")

    class Meta:
        model = Interview
        fields = ["format", "length_minutes", "accessibility_needs", "subject", "message"]
        widgets = {
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
            "message": forms.Textarea(attrs={"rows": 12}),
        }
        labels = {"length_minutes": "Length", "accessibility_needs": "Accessibility needs, if any"}
        help_texts = {
            "subject": "The subject of the e-mail they receive: say it is an informational "
            "interview request (and who referred you, if someone did)."
        }

    def __init__(self, *args, professional=None, sending=False, **kwargs):
        super().__init__(*args, **kwargs)
        # A draft may be saved before any time is chosen; only sending needs one.
        self.sending = sending
        if professional is not None:
            self.fields["format"].choices = [
                (v, label) for v, label in Interview.Format.choices if professional.accepts(v)
            ]

    def clean(self):
        cleaned = super().clean()
        times = [cleaned[f"time_{n}"] for n in range(1, 6) if cleaned.get(f"time_{n}")]
        needs_time = cleaned.get("format") and cleaned["format"] != Interview.Format.EMAIL
        if self.sending and needs_time and not times:
            self.add_error("time_1", "Propose at least one time (up to five).")
        cleaned["times"] = times
        return cleaned


class AcceptForm(forms.Form):
    proposed_time = forms.ModelChoiceField(
        queryset=ProposedTime.objects.none(),
        widget=forms.RadioSelect,
        label="The time that suits you",
        empty_label=None,
    )
    where = forms.CharField(
        label="Place, phone number or video link",
        max_length=300,
        required=False,
        help_text="Where to meet, the number to call, or the link to join.",
    )

    def __init__(self, *args, interview=None, zone_name="", **kwargs):
        super().__init__(*args, **kwargs)
        from apps.core.timezones import in_zone

        self.fields["proposed_time"].queryset = interview.proposed_times.filter(
            proposed_by=ProposedTime.By.STUDENT
        )
        self.fields["proposed_time"].label_from_instance = lambda slot: in_zone(
            slot.starts_at, zone_name
        )
        self.interview = interview
        if interview.format == Interview.Format.VIDEO:
            where = self.fields["where"]
            where.required = True
            where.error_messages["required"] = rules.why_video_link_missing(interview, "")

    def clean(self):
        cleaned = super().clean()
        missing = rules.why_video_link_missing(self.interview, cleaned.get("where", ""))
        if missing and "where" not in self.errors:
            self.add_error("where", missing)
        return cleaned


class CounterForm(forms.Form):
    starts_at = time_field("A time that suits you better", required=True)
    note = forms.CharField(
        label="Place, number or link, and any note", max_length=300, required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional, shared with the student)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeclineForm(ReasonForm):
    """A kind no, and when (if ever) this student may ask again."""

    again = forms.ChoiceField(
        label="May this student ask you again?",
        choices=Interview.Again.choices,
        initial=Interview.Again.NOT_NOW,
        required=False,  # left unchosen: "not for now"
        widget=forms.RadioSelect,
        help_text="“Not for now” lets them ask again in about six months.",
    )
    again_after = forms.DateField(
        label="Ask me again after",
        required=False,
        widget=DateInput(),
        help_text="Only with “Ask me again after a date”, for example when you are back from leave.",
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["again"] = cleaned.get("again") or Interview.Again.NOT_NOW
        after = cleaned.get("again_after")
        if cleaned.get("again") == Interview.Again.AFTER:
            if after is None:
                self.add_error("again_after", "Choose the date after which they may ask again.")
            elif after <= timezone.localdate():
                self.add_error("again_after", "Choose a date in the future.")
            elif after > timezone.localdate() + timedelta(days=730):
                self.add_error("again_after", "Choose a date within the next two years.")
        else:
            cleaned["again_after"] = None
        return cleaned


class CancelForm(forms.Form):
    """A booked conversation can only be cancelled, and the student is told why."""

    reason = forms.CharField(
        label="Reason (shared with the student)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say briefly why, so the student understands."},
    )


class QuestionForm(forms.Form):
    """A question for the student before answering their request."""

    question = forms.CharField(
        label="Your question",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: could we make it a phone call instead?",
    )


class ReportForm(forms.Form):
    """A no-show or a concern, for the career centre's staff only."""

    kind = forms.ChoiceField(
        label="What happened?",
        choices=ProfessionalReport.Kind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label="Details (seen by the career centre's staff, never by the student)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RescheduleForm(forms.Form):
    time_1 = time_field("New proposed time", required=True)
    time_2 = time_field("Another possible time")
    time_3 = time_field("Another possible time")

    def clean(self):
        cleaned = super().clean()
        cleaned["times"] = [cleaned[f"time_{n}"] for n in range(1, 4) if cleaned.get(f"time_{n}")]
        return cleaned


class BookingForm(forms.Form):
    """A conversation the student arranged with someone they know: when, how long, how, where."""

    starts_at = time_field("When (your time zone)", required=True)
    length_minutes = forms.TypedChoiceField(
        label="Length", choices=Interview.Length.choices, coerce=int, initial=Interview.Length.USUAL
    )
    format = forms.ChoiceField(
        label="Format", choices=Interview.Format.choices, initial=Interview.Format.VIDEO
    )
    where = forms.CharField(
        label="Place, phone number or video link",
        max_length=300,
        required=False,
        help_text="Where you meet, the number you call, or the link you join.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("format") == Interview.Format.VIDEO and not cleaned.get("where", "").strip():
            self.add_error("where", "Add the video link, so it is in your calendar and reminders.")
        return cleaned

    @classmethod
    def for_interview(cls, interview: Interview, data=None) -> "BookingForm":
        initial = {"length_minutes": interview.length_minutes, "format": interview.format}
        if interview.starts_at:
            initial |= {"starts_at": interview.starts_at, "where": interview.where}
        return cls(data, initial=initial)


class RecordForm(forms.ModelForm):
    """The record of a held interview. Answers, promises and referrals are extra fields."""

    PROMISE_ROWS = 3
    REFERRAL_ROWS = 2

    class Meta:
        model = Interview
        fields = ["notes", "language", "actual_minutes", "reflection", "next_steps"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "language": forms.Textarea(attrs={"rows": 3}),
            "reflection": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"actual_minutes": "How long it actually took (minutes)"}

    def __init__(self, *args, items=(), answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actual_minutes"].widget.attrs.update(min=1, max=240)
        self.items = list(items)
        answers = answers or {}
        for item in self.items:
            self.fields[f"answer_{item.pk}"] = forms.CharField(
                label=item.text,
                required=False,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=answers.get(item.pk, ""),
            )
        for n in range(1, self.PROMISE_ROWS + 1):
            self.fields[f"promise_{n}"] = forms.CharField(
                label=f"Promise {n}: what they offered to do", required=False, max_length=300
            )
            self.fields[f"promise_due_{n}"] = forms.DateField(
                label=f"Promise {n}: by when (optional)",
                required=False,
                widget=DateInput(),
            )
        for n in range(1, self.REFERRAL_ROWS + 1):
            self.fields[f"referral_name_{n}"] = forms.CharField(
                label=f"Person {n} they suggested: name", required=False, max_length=150
            )
            self.fields[f"referral_role_{n}"] = forms.CharField(
                label=f"Person {n}: role", required=False, max_length=150
            )
            self.fields[f"referral_org_{n}"] = forms.CharField(
                label=f"Person {n}: organisation", required=False, max_length=200
            )
            self.fields[f"referral_contact_{n}"] = forms.CharField(
                label=f"Person {n}: contact, if given", required=False, max_length=254
            )

    def clean_actual_minutes(self):
        minutes = self.cleaned_data["actual_minutes"]
        if minutes is not None and not 1 <= minutes <= 240:
            raise forms.ValidationError("Give the length in minutes, between 1 and 240.")
        return minutes

    def clean(self):
        cleaned = super().clean()
        for n in range(1, self.PROMISE_ROWS + 1):
            if cleaned.get(f"promise_due_{n}") and not cleaned.get(f"promise_{n}"):
                self.add_error(f"promise_{n}", "Say what they promised, or clear the date.")
        for n in range(1, self.REFERRAL_ROWS + 1):
            others = [cleaned.get(f"referral_{part}_{n}") for part in ("role", "org", "contact")]
            if any(others) and not cleaned.get(f"referral_name_{n}"):
                self.add_error(f"referral_name_{n}", "Give the person's name, or clear the row.")
        return cleaned

    def answers(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"answer_{item.pk}", "") for item in self.items}

    def promises(self):
        return [
            (self.cleaned_data[f"promise_{n}"], self.cleaned_data.get(f"promise_due_{n}"))
            for n in range(1, self.PROMISE_ROWS + 1)
            if self.cleaned_data.get(f"promise_{n}")
        ]

    def referrals(self):
        return [
            {
                "name": self.cleaned_data[f"referral_name_{n}"],
                "role": self.cleaned_data.get(f"referral_role_{n}", ""),
                "organisation": self.cleaned_data.get(f"referral_org_{n}", ""),
                "contact": self.cleaned_data.get(f"referral_contact_{n}", ""),
            }
            for n in range(1, self.REFERRAL_ROWS + 1)
            if self.cleaned_data.get(f"referral_name_{n}")
        ]


class WrittenAnswersForm(forms.Form):
    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"answer_{item.pk}"] = forms.CharField(
                label=item.text,
                required=False,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answers(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"answer_{item.pk}", "") for item in self.items}


class StaffFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any")] + Interview.Status.choices, required=False)
    industry = forms.ModelChoiceField(Industry.objects.all(), required=False, empty_label="Any")
    professional = forms.CharField(label="Professional's name", required=False, max_length=150)
    student = forms.CharField(label="Student's name or e-mail", required=False, max_length=150)
    date_from = forms.DateField(label="Updated from", required=False, widget=DateInput())
    date_to = forms.DateField(label="Updated until", required=False, widget=DateInput())
