from datetime import timedelta

from django import forms

from apps.core.fields import DateInput
from apps.core.uploads import SpreadsheetField
from apps.interviews.approach_rules import Outcome

from .importing import PEOPLE
from .models import Approach, Person
from .services import OWN_ATTEMPTS, approach_advice

MAX_PAST = timedelta(days=2 * 366)
MAX_CALL_BACK = timedelta(days=366)
MAX_RING_AHEAD = timedelta(weeks=8)


class PersonForm(forms.ModelForm):
    """A person the student knows. The student is set by the view; an address or profile
    already on another of their people is refused here, before the database would."""

    linkedin_url = forms.URLField(
        label="LinkedIn URL", required=False, assume_scheme="https", max_length=300
    )

    class Meta:
        model = Person
        fields = [
            "full_name",
            "role",
            "organisation",
            "how_known",
            "referred_by",
            "email",
            "phone",
            "linkedin_url",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, student, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.student = student

    def _others(self):
        return Person.objects.of(self.instance.student).exclude(pk=self.instance.pk)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if email and self._others().filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone in your people already has this address.")
        return email

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"]
        if url and self._others().filter(linkedin_url=url).exists():
            raise forms.ValidationError("Someone in your people already has this profile.")
        return url


class PeopleUploadForm(forms.Form):
    file = SpreadsheetField(
        schema=PEOPLE,
        label="LinkedIn's Connections.csv, or a spreadsheet (CSV or Excel .xlsx)",
        help_text="One person a row, under a header row. Up to 5 MB.",
    )


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label="Search your people", max_length=100, required=False)


class ApproachForm(forms.ModelForm):
    """One approach and what came of it. An approach of the student's own (a call nobody
    answered, a message) on a day the advice was against one is not taken silently: the form
    says why and asks the student to confirm it really happened, so the log stays true."""

    anyway = forms.BooleanField(
        label="It really happened: log it even though the advice was against it",
        required=False,
    )

    class Meta:
        model = Approach
        fields = ["on", "outcome", "call_back_on", "note"]
        widgets = {
            "on": DateInput(),
            "outcome": forms.RadioSelect,
            "call_back_on": DateInput(),
        }
        help_texts = {"note": "Optional: who you spoke to, what they said."}

    def __init__(self, *args, person, today, approaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.today = today
        self.approaches = list(approaches)
        self.fields["on"].initial = today
        self.fields["outcome"].choices = Outcome.choices
        # The confirmation is offered only while it can matter: after a refusal, or when the
        # advice today is against another approach.
        if not self.is_bound and approach_advice(approaches=self.approaches, today=today).may_try:
            del self.fields["anyway"]

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise forms.ValidationError("Log an approach once it has happened: not a future day.")
        if on < self.today - MAX_PAST:
            raise forms.ValidationError("That is more than two years ago: check the year.")
        return on

    def clean(self):
        data = super().clean()
        on, outcome, call_back_on = data.get("on"), data.get("outcome"), data.get("call_back_on")
        if outcome == Outcome.CALL_BACK:
            if call_back_on is None:
                self.add_error("call_back_on", "Give the day they asked you to call back.")
            elif on and not on <= call_back_on <= on + MAX_CALL_BACK:
                self.add_error(
                    "call_back_on", "The day to call back is on or after the call, within a year."
                )
        elif call_back_on is not None:
            self.add_error(
                "call_back_on",
                "A day to call back goes only with \u201casked to call back on a date\u201d: "
                "clear it, or choose that outcome.",
            )
        if on and outcome in OWN_ATTEMPTS and not data.get("anyway"):
            earlier = [a for a in self.approaches if a.on <= on]
            then = approach_advice(approaches=earlier, today=on)
            if not then.may_try:
                raise forms.ValidationError(
                    f"Nothing was logged. We advised against another approach that day: "
                    f"{then.reason} If it really happened, tick the box below to log it."
                )
        return data


class RingDayForm(forms.Form):
    """The day the student will ring, for the e-mail that goes first."""

    ring_on = forms.DateField(label="The day you will ring", widget=DateInput())

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_ring_on(self):
        day = self.cleaned_data["ring_on"]
        if not self.today <= day <= self.today + MAX_RING_AHEAD:
            raise forms.ValidationError("Choose a day from today to eight weeks ahead.")
        return day
