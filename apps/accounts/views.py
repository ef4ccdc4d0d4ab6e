from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_POST

from apps.core.access import staff_required, student_required
from apps.core.ratelimit import client_address, over_limit

from . import privacy, services
from .forms import (
    CheckedPasswordChangeForm,
    DeleteAccountForm,
    InvitationAcceptForm,
    QueuedPasswordResetForm,
    RegistrationForm,
    ResendConfirmationForm,
    SignInForm,
    StaffInviteForm,
    StudentProfileForm,
    UserDetailsForm,
)
from .models import StaffInvitation, StudentProfile, User

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _mail_allowed(request, action: str, email: str) -> bool:
    """At most a few e-mails an hour per address and per visitor: the page answers the same
    either way, so a stranger cannot flood someone's inbox through it."""
    to_address = over_limit(request, group=f"{action}:to", key=email.lower(), rate="3/h")
    from_visitor = over_limit(
        request, group=f"{action}:from", key=str(client_address(request)), rate="10/h"
    )
    return not (to_address or from_visitor)


class RateLimitedPasswordResetForm(QueuedPasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if request is None or _mail_allowed(request, "reset", self.cleaned_data["email"]):
            super().save(*args, request=request, **kwargs)


def locked_out(request, credentials=None, *args, **kwargs):
    """What django-axes shows after too many wrong passwords, at sign-in or when a signed-in
    person types theirs again (forms.password_recheck): a page, not an error."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """Sign-out is a POST (Django refuses GET); the session is flushed."""


def register(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # A known address gets the same answer as a new one (the owner is e-mailed
            # instead of a confirmation), so a stranger cannot learn who has an account here.
            services.student_register(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password1"],
                time_zone=data["time_zone"],
                programme=data["programme"],
                graduation_year=data["graduation_year"],
                tell_owner=_mail_allowed(request, "register", data["email"]),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            request.session["registered_email"] = data["email"]
            return redirect("accounts:register_done")
    domains = ", ".join(f"@{d}" for d in settings.REGISTRATION_EMAIL_DOMAINS)
    return render(request, "accounts/register.html", {"form": form, "domains": domains})


def register_done(request):
    return render(
        request, "accounts/register_done.html", {"email": request.session.get("registered_email")}
    )


def _user_from_uid(uidb64: str) -> User | None:
    try:
        return User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None


def confirm(request, uidb64, token):
    """GET shows a button; only the POST confirms, so link scanners change nothing."""
    user = _user_from_uid(uidb64)
    valid = user is not None and services.email_confirmation_token.check_token(user, token)
    if request.method == "POST" and user is not None:
        try:
            services.email_confirm(user=user, token=token)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("accounts:confirm_resend")
        login(request, user, backend=MODEL_BACKEND)
        messages.success(
            request, "Your address is confirmed. Welcome! Tell us a little about yourself."
        )
        return redirect("accounts:profile")
    status = 200 if valid else 400
    return render(request, "accounts/confirm.html", {"valid": valid}, status=status)


def confirm_resend(request):
    form = ResendConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _mail_allowed(request, "confirm", form.cleaned_data["email"]):
            services.confirmation_resend(email=form.cleaned_data["email"])
        messages.info(
            request,
            "If an unconfirmed account uses that address, a new link is on its way. "
            "It can take a few minutes; check your spam folder too.",
        )
        return redirect("accounts:login")
    return render(request, "accounts/confirm_resend.html", {"form": form})


@login_required
def profile(request):
    user = request.user
    student_profile = None
    if user.is_student:
        student_profile, _ = StudentProfile.objects.get_or_create(user=user)
    details_form = UserDetailsForm(request.POST or None, instance=user, prefix="details")
    profile_form = (
        StudentProfileForm(request.POST or None, instance=student_profile, prefix="profile")
        if student_profile is not None
        else None
    )
    if request.method == "POST":
        forms_ok = details_form.is_valid() and (profile_form is None or profile_form.is_valid())
        if forms_ok:
            with transaction.atomic():
                details_form.save()
                if profile_form is not None:
                    profile_form.save()
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:profile")
        messages.error(request, "Some answers need another look; see the notes beside them.")
    return render(
        request,
        "accounts/profile.html",
        {"details_form": details_form, "profile_form": profile_form},
    )


@staff_required
def invite(request):
    form = StaffInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.staff_invite(
                invited_by=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("accounts:invite")
    invitations = StaffInvitation.objects.open(timezone.now()).select_related("invited_by")
    return render(request, "accounts/invite.html", {"form": form, "invitations": invitations})


@staff_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(StaffInvitation.objects.open(timezone.now()), pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect("accounts:invite")


def invitation_accept(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, "Welcome to the career-centre team.")
            return redirect("home")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = CheckedPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


password_change = PasswordChangeView.as_view()
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    form_class=RateLimitedPasswordResetForm,
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@student_required
def my_data(request):
    """Everything the product holds about the signed-in student, as a zip of JSON and CSV."""
    response = HttpResponse(privacy.my_data_zip(request.user), content_type="application/zip")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.zip"'
    response["Cache-Control"] = "no-store, private"
    return response


@student_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy.account_delete(user)
        return redirect("accounts:deleted")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/delete_account.html", {"form": form}, status=status)


def deleted(request):
    return render(request, "accounts/deleted.html")
