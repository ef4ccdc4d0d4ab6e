"""Account workflows: registration, address confirmation, staff invitations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from apps.core.mail import email_send

from .models import StaffInvitation, StudentProfile, User, token_digest


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "apps.accounts.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        # Confirming changes email_confirmed_at, so a used link stops working.
        return f"{user.pk}{user.email}{user.email_confirmed_at}{timestamp}"


email_confirmation_token = EmailConfirmationTokenGenerator()


def email_domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in settings.REGISTRATION_EMAIL_DOMAINS


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def confirmation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_confirmation_token.make_token(user)
    return _absolute(reverse("accounts:confirm", args=[uid, token]))


def _account_with(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def student_register(
    *,
    email: str,
    full_name: str,
    password: str,
    time_zone: str,
    programme: str = "",
    graduation_year: int | None = None,
    tell_owner: bool = True,
) -> User | None:
    """Create a student who can sign in once the address is confirmed; queue the link.

    If the address already has an account, create nothing and return None, e-mailing the
    account's owner instead (unless ``tell_owner`` is False: the caller's limit on mail to
    one address is spent). The caller answers both the same way, so the form tells a stranger
    nothing about who has an account; only the address's owner learns of the attempt."""
    email = email.strip().lower()
    if not email_domain_allowed(email):
        raise ValidationError(
            "Registration is open to addresses at "
            + ", ".join(f"@{d}" for d in settings.REGISTRATION_EMAIL_DOMAINS)
            + ". Use your institutional address, or ask the career centre for help."
        )
    with transaction.atomic():
        owner = _account_with(email)
        if owner is None:
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        email=email,
                        password=password,
                        full_name=full_name.strip(),
                        time_zone=time_zone,
                        role=User.Role.STUDENT,
                        is_active=False,
                    )
            except IntegrityError:
                # Another registration for this address committed between the look-up and
                # the insert: the address is known now, and is answered like any other.
                owner = User.objects.get(email=email)
            else:
                StudentProfile.objects.create(
                    user=user, programme=programme.strip(), graduation_year=graduation_year
                )
                confirmation_send(user=user)
                return user
        if tell_owner:
            registration_attempt_tell_owner(owner=owner)
    return None


def registration_attempt_tell_owner(*, owner: User) -> None:
    """Tell the owner of an address that someone tried to register with it: how to sign in
    or reset the password, or, if they never confirmed the address, a fresh link to do so."""
    unconfirmed = owner.email_confirmed_at is None and not owner.is_active
    email_send(
        name="registration_existing",
        to=[owner.email],
        context={
            "user": owner,
            "confirm_link": confirmation_link(owner) if unconfirmed else "",
            "sign_in_link": _absolute(reverse("accounts:login")),
            "reset_link": _absolute(reverse("accounts:password_reset")),
        },
    )


def confirmation_send(*, user: User) -> None:
    email_send(
        name="confirm_email",
        to=[user.email],
        context={"user": user, "link": confirmation_link(user)},
    )


def confirmation_resend(*, email: str) -> None:
    """Queue a fresh link if an unconfirmed account has this address; say nothing otherwise."""
    user = User.objects.filter(
        email=email.strip().lower(), email_confirmed_at__isnull=True, is_active=False
    ).first()
    if user is not None:
        confirmation_send(user=user)


def email_confirm(*, user: User, token: str) -> None:
    if not email_confirmation_token.check_token(user, token):
        raise ValidationError(
            "This confirmation link has expired or was already used. "
            "Ask for a new one below, or sign in if you have confirmed already."
        )
    user.email_confirmed_at = timezone.now()
    user.is_active = True
    user.save(update_fields=["email_confirmed_at", "is_active"])


def staff_invite(*, invited_by: User, email: str, full_name: str) -> StaffInvitation:
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        if User.objects.filter(email=email).exists():
            raise ValidationError("Someone already has an account with this address.")
        if StaffInvitation.objects.open(now).filter(email=email).exists():
            raise ValidationError(
                "An invitation to this address is still open. Revoke it to send a new one."
            )
        token = secrets.token_urlsafe(32)
        invitation = StaffInvitation.objects.create(
            email=email,
            full_name=full_name.strip(),
            invited_by=invited_by,
            token_digest=token_digest(token),
            expires_at=now + timedelta(days=settings.STAFF_INVITATION_DAYS),
        )
        email_send(
            name="staff_invitation",
            to=[email],
            context={
                "invitation": invitation,
                "invited_by": invited_by,
                "link": _absolute(reverse("accounts:invitation_accept", args=[token])),
            },
        )
    return invitation


def invitation_for_token(token: str) -> StaffInvitation | None:
    return (
        StaffInvitation.objects.open(timezone.now())
        .filter(token_digest=token_digest(token))
        .first()
    )


def invitation_revoke(*, invitation: StaffInvitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def invitation_accept(*, token: str, full_name: str, password: str, time_zone: str) -> User:
    with transaction.atomic():
        invitation = (
            StaffInvitation.objects.open(timezone.now())
            .select_for_update()
            .filter(token_digest=token_digest(token))
            .first()
        )
        if invitation is None:
            raise ValidationError(
                "This invitation has expired, was revoked or was already used. "
                "Ask a colleague to invite you again."
            )
        if User.objects.filter(email=invitation.email).exists():
            raise ValidationError("An account with this address already exists. Sign in instead.")
        user = User.objects.create_user(
            email=invitation.email,
            password=password,
            full_name=full_name.strip(),
            time_zone=time_zone,
            role=User.Role.STAFF,
            email_confirmed_at=timezone.now(),
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user
