import zoneinfo
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from apps.core.mail import email_send

from .models import StudentProfile, User

# The regions of the IANA names ("Europe/London"); every other name (UTC, the old aliases)
# is offered under "Other zones" at the end.
TIME_ZONE_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
OTHER_ZONES = "Other zones"


@lru_cache(maxsize=1)
def time_zone_choices():
    """Every zone, grouped by region (Django renders each group as an <optgroup>), so a person
    looks under Europe for London rather than down a flat list of six hundred names."""
    groups: dict[str, list[tuple[str, str]]] = {
        region: [] for region in (*TIME_ZONE_REGIONS, OTHER_ZONES)
    }
    for name in sorted(zoneinfo.available_timezones()):
        region, _, place = name.partition("/")
        if region in TIME_ZONE_REGIONS and place:
            groups[region].append((name, place.replace("_", " ").replace("/", " / ")))
        else:
            groups[OTHER_ZONES].append((name, name.replace("_", " ")))
    return [(region, zones) for region, zones in groups.items() if zones]


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Your time zone")
        kwargs.setdefault("initial", settings.TIME_ZONE)
        kwargs.setdefault("help_text", "Times in the app are shown in this zone.")
        super().__init__(choices=time_zone_choices, **kwargs)


WRONG_PASSWORD = "That is not your password."
CHECKS_PAUSED = (
    "Too many wrong passwords: checks of this account's password are paused for a while. "
    "Nothing was changed; wait and try again, or reset your password by e-mail meanwhile."
)


@sensitive_variables("password")
def password_recheck(*, request: HttpRequest, user: User, password: str) -> None:
    """The one check for a signed-in person who types their password again (to change it, to
    delete the account): every such form goes through it.

    It is a sign-in attempt as far as django-axes is concerned (authenticate() with the
    request), so each wrong password counts with the sign-in failures for this account and this
    address, under the same AXES_FAILURE_LIMIT and cool-off: someone at an open session gets no
    more guesses than someone at the sign-in page. During the pause even the right password is
    refused, and AxesMiddleware answers with the pause page (views.locked_out)."""
    checked = authenticate(request, username=user.get_username(), password=password)
    if getattr(request, "axes_locked_out", False):
        raise forms.ValidationError(CHECKS_PAUSED, code="paused")
    if checked is None or checked.pk != user.pk:
        raise forms.ValidationError(WRONG_PASSWORD, code="password_incorrect")


class SetPasswordFields(forms.Form):
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def password_user(self) -> User:
        """A stand-in user, so the similarity check can compare the password with the name."""
        return User(
            email=self.cleaned_data.get("email", ""),
            full_name=self.cleaned_data.get("full_name", ""),
        )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ; type the same one twice.")
        elif first:
            try:
                password_validation.validate_password(first, self.password_user())
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class RegistrationForm(SetPasswordFields):
    full_name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Institutional e-mail address",
        help_text="We send a link to confirm it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    programme = forms.CharField(label="Programme of study", max_length=200, required=False)
    graduation_year = forms.IntegerField(
        label="Graduation year", required=False, min_value=1950, max_value=2100
    )
    time_zone = TimeZoneField()
    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "programme",
        "graduation_year",
        "time_zone",
    ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_full_name(self):
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise forms.ValidationError("Tell us your name.")
        return name


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="E-mail address",
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That e-mail address and password do not match an active account. "
        "Check both, or reset your password.",
        "unconfirmed": "Confirm your e-mail address first: follow the link we sent you, "
        "or ask for a new one.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            email = self.cleaned_data.get("username")
            password = self.cleaned_data.get("password")
            waiting = User.objects.filter(
                email=email, is_active=False, email_confirmed_at__isnull=True
            ).first()
            if waiting is not None and password and waiting.check_password(password):
                raise forms.ValidationError(
                    self.error_messages["unconfirmed"], code="unconfirmed"
                ) from None
            raise


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label="E-mail address you registered with")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset link through the one e-mail door (a template triplet, queued)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        email_send(
            name="password_reset",
            to=[to_email],
            context={key: context[key] for key in ("user", "uid", "token")},
        )


class CheckedPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the current password checked by password_recheck."""

    def __init__(self, user: User, *args, request: HttpRequest, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    @sensitive_variables("old_password")
    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        password_recheck(request=self.request, user=self.user, password=old_password)
        return old_password


class UserDetailsForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = ["full_name", "time_zone"]
        labels = {"full_name": "Your name"}


class StudentProfileForm(forms.ModelForm):
    linkedin_url = forms.URLField(
        label="LinkedIn profile", required=False, assume_scheme="https", max_length=200
    )
    portfolio_url = forms.URLField(
        label="Portfolio or website", required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = StudentProfile
        fields = [
            "programme",
            "graduation_year",
            "career_interests",
            "linkedin_url",
            "portfolio_url",
        ]
        widgets = {"career_interests": forms.Textarea(attrs={"rows": 3})}

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"]
        if url and "linkedin.com" not in url.lower():
            raise forms.ValidationError("This should be a linkedin.com address, or left empty.")
        return url


class StaffInviteForm(forms.Form):
    full_name = forms.CharField(label="Their name", max_length=150)
    email = forms.EmailField(label="Their e-mail address")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class InvitationAcceptForm(SetPasswordFields):
    full_name = forms.CharField(label="Your name", max_length=150)
    time_zone = TimeZoneField()
    field_order = ["full_name", "password1", "password2", "time_zone"]

    def __init__(self, *args, email="", **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def password_user(self) -> User:
        return User(email=self.email, full_name=self.cleaned_data.get("full_name", ""))


class DeleteAccountForm(forms.Form):
    """Closing an account cannot be undone: the person proves it is them and says so twice."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.CharField(
        label="Type DELETE to confirm",
        max_length=20,
        help_text="Your interviews, plans, notes and reminders are deleted for good.",
    )

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @sensitive_variables("password")
    def clean_password(self):
        password = self.cleaned_data["password"]
        password_recheck(request=self.request, user=self.request.user, password=password)
        return password

    def clean_confirm(self):
        confirm = self.cleaned_data["confirm"].strip()
        if confirm != "DELETE":
            raise forms.ValidationError("Type DELETE in capitals to confirm.")
        return confirm
