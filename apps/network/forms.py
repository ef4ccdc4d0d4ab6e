from django import forms

from apps.core.uploads import SpreadsheetField

from .importing import PEOPLE
from .models import Person


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
