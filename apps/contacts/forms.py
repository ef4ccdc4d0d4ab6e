from datetime import datetime, time

from django import forms
from django.utils import timezone

from apps.accounts.forms import TimeZoneField
from apps.core.fields import ChoicesByIdField, DateInput
from apps.core.suppression import is_suppressed
from apps.core.uploads import SpreadsheetField

from .models import Industry, Occupation, Organisation, Professional, Resource
from .services import SUPPRESSED_MESSAGE, Attestation
from .spreadsheets import BINDER

OFFER_FIELDS = ["offers_interviews", "offers_visits", "offers_cv_feedback", "offers_mentoring"]
FORMAT_FIELDS = list(Professional.FORMAT_FIELDS)
FORMAT_CHOICES = [
    ("in_person", "In person"),
    ("phone", "Phone"),
    ("video", "Video"),
    ("email", "E-mail questions"),
]
# The ways staff may attest someone agreed ("spreadsheet import" is not one, and a link is
# the professional's own click).
ATTESTED_METHODS = [
    (value, label)
    for value, label in Professional.ConsentMethod.choices
    if value not in ("import", "link")
]
YES_NO = [("", "Any"), ("yes", "Yes"), ("no", "No")]


def https_url(label, **kwargs):
    return forms.URLField(
        label=label, required=False, assume_scheme="https", max_length=200, **kwargs
    )


class AtLeastOneFormat:
    """A professional accepts at least one way of talking: the one rule, for every form that
    sets the formats."""

    formats_error = "Choose at least one way you are happy to talk."

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in Professional.FORMAT_FIELDS):
            self.add_error("accepts_phone", self.formats_error)
        return cleaned


class ProfessionalForm(AtLeastOneFormat, forms.ModelForm):
    """Staff create and edit binder entries with this."""

    formats_error = "Choose at least one way they are happy to talk."

    time_zone = TimeZoneField(label="Time zone", help_text="")
    linkedin_url = https_url("LinkedIn profile")
    consent_method = forms.ChoiceField(
        label="Consent given by",
        required=False,
        choices=[("", "---------"), *ATTESTED_METHODS],
        help_text="How they agreed to be listed and contacted by students.",
    )
    consent_given_on = forms.DateField(
        label="Consent given on",
        required=False,
        widget=DateInput(),
        help_text="The day they agreed, for example the date of the phone call.",
    )

    class Meta:
        model = Professional
        fields = [
            "full_name",
            "job_title",
            "organisation",
            "industry",
            "occupation",
            "location",
            "time_zone",
            "years_in_field",
            "is_alumni",
            "alumni_programme",
            "alumni_year",
            "talk_about",
            *OFFER_FIELDS,
            *FORMAT_FIELDS,
            "monthly_capacity",
            "availability_notes",
            "email",
            "phone",
            "linkedin_url",
            "tags",
            "referred_by",
            "status",
            # consent_method is not written by the form: staff attest (method and date) and
            # consent_record writes it, so an edit can never blank a consent on record.
            "consent_terms",
        ]
        widgets = {
            "talk_about": forms.Textarea(attrs={"rows": 3}),
            "availability_notes": forms.Textarea(attrs={"rows": 2}),
            "consent_terms": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "email": "Private: students see it only once an interview is confirmed.",
            "phone": "Private, like the e-mail address.",
            "referred_by": "Another professional who introduced this person (a warm contact).",
            "consent_terms": "What they agreed to, in their words or yours.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        referrers = Professional.objects.filter(erased_at__isnull=True).only("full_name")
        if self.instance.pk:
            referrers = referrers.exclude(pk=self.instance.pk)
        self.fields["referred_by"].queryset = referrers
        if self.instance.status == Professional.Status.DO_NOT_CONTACT:
            self.fields["status"].disabled = True
            self.fields["status"].help_text = "They asked never to be contacted again."

    def clean_status(self):
        status = self.cleaned_data["status"]
        ending = {Professional.Status.DO_NOT_CONTACT, Professional.Status.RETIRED}
        if self.instance.pk and status in ending and status != self.instance.status:
            # Ending every conversation is shown before it is done, on the entry's own page.
            raise forms.ValidationError(
                "To mark them retired or do not contact, use “Change status” on their page: "
                "it shows first which requests and meetings that ends."
            )
        return status

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email and email != self.instance.email and is_suppressed(email):
            raise forms.ValidationError(SUPPRESSED_MESSAGE)
        if email:
            clash = Professional.objects.filter(email=email).exclude(pk=self.instance.pk).first()
            if clash is not None:
                raise forms.ValidationError(
                    f"{clash.full_name} already has this address in the binder. Edit that "
                    "entry, or merge the two from the duplicates page."
                )
        return email

    def _get_validation_exclusions(self):
        # clean_email names the entry that holds the address, more helpfully than the constraint.
        return super()._get_validation_exclusions() | {"email"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_alumni") is False and (
            cleaned.get("alumni_programme") or cleaned.get("alumni_year")
        ):
            self.add_error(
                "is_alumni", "Tick this if they are alumni, or clear the programme and year."
            )
        self._clean_consent(cleaned)
        return cleaned

    def clean_consent_given_on(self):
        day = self.cleaned_data["consent_given_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("Consent cannot have been given in the future.")
        return day

    def attestation(self) -> Attestation | None:
        """The consent staff attested in this form, if they gave or changed one."""
        data = self.cleaned_data
        if not (data.get("consent_method") and data.get("consent_given_on")):
            return None
        if not {"consent_method", "consent_given_on", "consent_terms"} & set(self.changed_data):
            return None
        given_at = timezone.make_aware(datetime.combine(data["consent_given_on"], time(12)))
        return Attestation(
            method=data["consent_method"],
            terms=data["consent_terms"],
            given_at=min(given_at, timezone.now()),
        )

    def changes(self) -> list[tuple[str, str]]:
        """Each changed field and its label, for the audit trail."""
        return [(name, str(self[name].label)) for name in self.changed_data]

    def _clean_consent(self, cleaned) -> None:
        """A staff attestation names how and when the person agreed; nobody becomes active
        without one (or one already on record)."""
        method, given_on = cleaned.get("consent_method"), cleaned.get("consent_given_on")
        attesting = "consent_method" in self.changed_data or "consent_given_on" in self.changed_data
        if attesting and method and not given_on:
            self.add_error("consent_given_on", "Say on which day they agreed.")
        if attesting and given_on and not method:
            self.add_error("consent_method", "Say how they agreed.")
        on_record = self.instance.has_consent()
        if cleaned.get("status") == Professional.Status.ACTIVE and not on_record:
            if not (method and given_on):
                self.add_error(
                    "status",
                    "Nobody is shown to students without their consent. Say how and when "
                    "they agreed (for example: phone, 3 March), or leave them pending.",
                )


# The attestation's date sits between how they agreed and what they agreed to.
ProfessionalForm.field_order = [
    name
    for field in ProfessionalForm.Meta.fields
    for name in ([field, "consent_method", "consent_given_on"] if field == "status" else [field])
]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Professional.Status.choices)


class OrganisationForm(forms.ModelForm):
    website = https_url("Website")

    class Meta:
        model = Organisation
        fields = ["name", "website", "industry", "size_band", "location", "research_notes"]
        widgets = {"research_notes": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("An organisation with this name is already in the binder.")
        return name


class ResourceForm(forms.ModelForm):
    url = forms.URLField(label="Web address", assume_scheme="https", max_length=200)

    class Meta:
        model = Resource
        fields = ["kind", "name", "url", "industries", "notes"]
        field_classes = {"industries": ChoicesByIdField}
        widgets = {
            "industries": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class TaxonomyForm(forms.Form):
    kind = forms.ChoiceField(choices=[("industry", "Industry"), ("occupation", "Occupation")])
    name = forms.CharField(max_length=120)

    def clean(self):
        cleaned = super().clean()
        name = " ".join(cleaned.get("name", "").split())
        model = Industry if cleaned.get("kind") == "industry" else Occupation
        if name and model.objects.filter(name__iexact=name).exists():
            self.add_error("name", f"“{name}” is already in the list.")
        cleaned["name"] = name
        return cleaned


class VolunteerForm(AtLeastOneFormat, forms.ModelForm):
    """The public offer to talk to students. Its spam trap is SpamTrapForm, beside it."""

    time_zone = TimeZoneField(label="Your time zone", help_text="")
    linkedin_url = https_url("LinkedIn profile (optional)")
    organisation_name = forms.CharField(label="Organisation", max_length=200, required=False)
    agree = forms.BooleanField(
        label="I agree to be listed in the career centre's binder and to be contacted by "
        "students about short informational conversations. I can pause or leave at any time.",
    )

    class Meta:
        model = Professional
        fields = [
            "full_name",
            "email",
            "job_title",
            "organisation_name",
            "industry",
            "occupation",
            "location",
            "time_zone",
            "is_alumni",
            "alumni_programme",
            "alumni_year",
            "talk_about",
            *OFFER_FIELDS,
            *FORMAT_FIELDS,
            "monthly_capacity",
            "availability_notes",
            "linkedin_url",
        ]
        labels = {"full_name": "Your name", "email": "Your e-mail address"}
        widgets = {
            "talk_about": forms.Textarea(attrs={"rows": 3}),
            "availability_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["job_title"].required = True

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def _get_validation_exclusions(self):
        # An address already in the binder is not an error to show a stranger (the service
        # sends that person their listing link instead), so the model's constraint is not
        # checked here.
        return super()._get_validation_exclusions() | {"email"}

    def save(self, commit=False):
        """The unsaved volunteer: volunteer_submit decides what to store (no side effects)."""
        professional = super().save(commit=False)
        professional.consent_terms = self.fields["agree"].label
        return professional


class SpamTrapForm(forms.Form):
    """A field only robots fill in (they fill every field they find). The page renders it off
    the screen inside an aria-hidden wrapper, out of the tab order and away from autofill, so
    no person, keyboard or screen reader ever meets it."""

    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def caught(self) -> bool:
        """Whether a robot filled the trap (read only after is_valid())."""
        return bool(self.is_valid() and self.cleaned_data["website"].strip())


class EmailOnlyForm(forms.Form):
    email = forms.EmailField(label="Your e-mail address")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class ListingForm(AtLeastOneFormat, forms.ModelForm):
    """What a professional may correct about themselves through their link."""

    time_zone = TimeZoneField(label="Your time zone", help_text="")
    linkedin_url = https_url("LinkedIn profile")

    class Meta:
        model = Professional
        fields = [
            "full_name",
            "job_title",
            "location",
            "time_zone",
            "talk_about",
            *OFFER_FIELDS,
            *FORMAT_FIELDS,
            "monthly_capacity",
            "availability_notes",
            "phone",
            "linkedin_url",
        ]
        labels = {"full_name": "Your name"}
        widgets = {
            "talk_about": forms.Textarea(attrs={"rows": 3}),
            "availability_notes": forms.Textarea(attrs={"rows": 2}),
        }


class ImportUploadForm(forms.Form):
    file = SpreadsheetField(
        schema=BINDER,
        label="Spreadsheet (CSV or Excel .xlsx)",
        help_text="One professional a row, with a header row. Up to 5 MB.",
    )


class MergeForm(forms.Form):
    first = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    second = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
