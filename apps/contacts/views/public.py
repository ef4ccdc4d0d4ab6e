"""Pages for professionals, who have no account: volunteering, and managing their listing
through a signed, expiring link. Nothing changes on GET."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from apps.core.ratelimit import client_address, over_limit

from .. import services
from ..forms import EmailOnlyForm, ListingForm, SpamTrapForm, VolunteerForm
from ..models import Professional

SUBMISSIONS_PER_HOUR = 5


def _rate_limited(request, action: str) -> bool:
    return over_limit(
        request, group=action, key=str(client_address(request)), rate=f"{SUBMISSIONS_PER_HOUR}/h"
    )


def volunteer(request, token=None):
    """The public offer form; with ``token``, the same form reached through the one invitation
    a student's suggestion sent, filled in with the name and address it was written to."""
    invited = None
    if token is not None:
        try:
            invited = services.suggestion_for_token(token)
        except ValidationError as error:
            return render(
                request, "contacts/link_invalid.html", {"reason": error.messages[0]}, status=400
            )
        if invited.suggestion.answered_at is not None:
            return render(request, "contacts/volunteer_joined.html")
    initial = {"full_name": invited.full_name, "email": invited.email} if invited else None
    form = VolunteerForm(request.POST or None, initial=initial)
    trap = SpamTrapForm(request.POST or None)
    context = {"form": form, "trap": trap, "invited": invited}
    if request.method == "POST":
        if trap.caught():
            # The honeypot was filled in: a robot. Look successful, keep nothing.
            return redirect("contacts:volunteer_thanks")
        if form.is_valid():
            if _rate_limited(request, "volunteer"):
                messages.error(
                    request,
                    "We have had several offers from your network in the last hour. "
                    "Please try again later, or e-mail the career centre.",
                )
                return render(request, "contacts/volunteer.html", context, status=429)
            services.volunteer_submit(
                professional=form.save(commit=False),
                organisation_name=form.cleaned_data["organisation_name"],
                invited=invited,
            )
            if invited is not None:
                return redirect("contacts:volunteer_join", token=token)
            return redirect("contacts:volunteer_thanks")
    return render(request, "contacts/volunteer.html", context)


def volunteer_thanks(request):
    return render(request, "contacts/volunteer_thanks.html")


def volunteer_confirm(request, token):
    """GET shows a button (mail scanners open links); only the POST confirms. A link that is
    broken, expired or already handled is explained either way."""
    try:
        if request.method == "POST":
            services.volunteer_confirm(token=token)
            return render(request, "contacts/volunteer_confirmed.html")
        services.volunteer_for_token(token)
    except ValidationError as error:
        return render(
            request, "contacts/link_invalid.html", {"reason": error.messages[0]}, status=400
        )
    return render(request, "contacts/volunteer_confirm.html")


def listing_request(request):
    form = EmailOnlyForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            if _rate_limited(request, "listing-link"):
                messages.error(
                    request, "Too many requests from your network; please try again in an hour."
                )
                return render(request, "contacts/listing_request.html", {"form": form}, status=429)
            services.manage_link_request(email=form.cleaned_data["email"])
            messages.info(
                request,
                "If that address is in our binder, a link to manage your listing is on its way. "
                "It works for 30 days.",
            )
            return redirect("contacts:listing_request")
    return render(request, "contacts/listing_request.html", {"form": form})


def _invalid_link(request):
    reason = (
        "This link has expired, was replaced by a newer one, or is not complete. "
        "Ask for a fresh link below."
    )
    return render(
        request, "contacts/link_invalid.html", {"reason": reason, "ask_again": True}, status=404
    )


def listing(request, token):
    professional = services.professional_for_token(token)
    if professional is None:
        return _invalid_link(request)
    form = ListingForm(request.POST or None, instance=professional)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Thank you: your listing is up to date.")
        return redirect("contacts:listing", token=token)
    context = {"professional": professional, "form": form, "token": token}
    return render(request, "contacts/listing.html", context)


LISTING_ACTIONS = {
    "pause": "Your listing is paused: students will not be offered you until you resume.",
    "resume": "Welcome back: students can find you again.",
    "consent": "Thank you for confirming: students can find you, and we will ask again in a year.",
    "leave": "You have left the binder. We will not contact you again about interviews.",
    "never": "Understood: nobody from the career centre will contact you again.",
    "erase": "Your personal details are erased from the binder.",
}


# These cannot be taken back by a click: each first shows a page that says what will happen.
ASK_FIRST = {"leave", "never", "erase"}


def _confirmed(request) -> bool:
    """Only the confirmation page's own form carries this: an old form, a crafted post or a
    mail scanner that posts gets the confirmation page and changes nothing."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


@require_http_methods(["GET", "POST"])
def listing_action(request, token, action):
    if action not in LISTING_ACTIONS:
        return _invalid_link(request)
    if action in ASK_FIRST and not _confirmed(request):
        professional = services.professional_for_token(token)
        if professional is None:
            return _invalid_link(request)
        context = {"professional": professional, "token": token, "action": action}
        return render(request, "contacts/listing_confirm.html", context)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    with transaction.atomic():
        professional = services.professional_for_token(token, for_update=True)
        if professional is None:
            return _invalid_link(request)
        try:
            if action in services.LISTING_TRANSITIONS:
                services.listing_change(professional=professional, action=action)
            elif action == "consent":
                services.consent_confirm_by_link(professional=professional)
            elif action == "never":
                services.professional_set_status(
                    professional=professional, status=Professional.Status.DO_NOT_CONTACT
                )
            else:
                services.professional_erase(professional=professional)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("contacts:listing", token=token)
    if action == "erase":
        return render(request, "contacts/listing_erased.html")
    messages.success(request, LISTING_ACTIONS[action])
    return redirect("contacts:listing", token=token)
