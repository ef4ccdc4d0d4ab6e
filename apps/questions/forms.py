from django import forms

from apps.core.fields import ChoicesByIdField
from apps.core.uploads import SpreadsheetField

from .models import Plan, PlanItem, Question, QuestionBank, Theme
from .services import BANK_SCHEMA


class BankForm(forms.ModelForm):
    class Meta:
        model = QuestionBank
        fields = ["title", "description", "theme", "industries"]
        field_classes = {"industries": ChoicesByIdField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "industries": forms.CheckboxSelectMultiple,
        }

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Give the bank a title.")
        return title


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "theme", "why", "minutes"]
        labels = {"text": "Question"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "text": {
                "required": "Write the question first.",
                "max_length": "Keep a question under %(limit_value)d characters; split a long one in two.",
            }
        }

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError("Write the question first.")
        return text


class BrowseForm(forms.Form):
    theme = forms.ChoiceField(choices=[("", "Any theme")] + Theme.choices, required=False)
    industry = forms.ModelChoiceField(
        # Loaded apps resolve related_model to the Industry class; the stubs also allow the
        # unresolved "self" or string form, and leave objects off the base Model.
        queryset=QuestionBank.industries.field.related_model.objects.all(),  # type: ignore[union-attr]
        required=False,
        empty_label="Any industry",
    )


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "length_minutes"]
        labels = {"title": "What is this plan for?", "length_minutes": "Length of the conversation"}
        help_texts = {"title": "For example: “Talking to a UX researcher at a bank”."}


class PlanTextForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["text", "theme", "minutes"]
        labels = {"text": "Your own question", "minutes": "Estimated minutes"}
        error_messages = QuestionForm.Meta.error_messages

    clean_text = QuestionForm.clean_text


class BankUploadForm(forms.Form):
    file = SpreadsheetField(
        schema=BANK_SCHEMA,
        label="CSV file of questions",
        help_text="Columns: Question, Theme, Minutes, Why ask it. Up to 5 MB.",
    )
