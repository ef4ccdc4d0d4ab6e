"""The student's dashboard, reminder actions, keep-in-touch contacts, the thank-you note,
and e-mail preferences (including one-click unsubscribe from the e-mail itself)."""

from datetime import datetime, timedelta
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from apps.accounts.models import User
from apps.core.access import student_required
from apps.core.text import posted_text, whole_number
from apps.interviews.approach import mailto
from apps.interviews.models import Interview

from . import services
from .models import Contact, EmailOptOut, Reminder

# "What to do now" shows the most pressing few; the rest are a page away, not a long scroll
# (and not a page that grows with every reminder a student lets pile up).
DUE_PAGE_SIZE = 10
DASHBOARD_DUE = [
    "pk",
    "kind",
    "due_at",
    "interview_id",
    "interview__starts_at",
    "interview__where",
    "counterpart_name",
    "promise__text",
]
DASHBOARD_SOON = ["kind", "due_at", "counterpart_name"]
# Whom a reminder is about: a binder entry or one of the student's own people.
COUNTERPART_NAME = Coalesce("professional__full_name", "person__full_name")
THANKS_SUBJECT = "Thank you for your time"
# The buttons on each due card: (action in the URL, button style, label).
CARD_ACTIONS = [
    ("done", "btn-success", "Done"),
    ("snooze-day", "btn-light border", "Tomorrow"),
    ("snooze-week", "btn-light border", "Next week"),
    ("dismiss", "btn-outline-secondary", "Dismiss"),
]


# Each of the dashboard's interview lists shows this many; the one query that reads them stops
# after OPEN_READ rows, ordered so that a cut can only fall among rows no list would show.
OPEN_SHOWN = 10
OPEN_READ = 100


def _open_interviews(user, now) -> dict:
    """The student's upcoming, waiting and in-preparation interviews, in one query.

    Three small queries cost three times the ORM's work per page for a handful of rows; this
    reads the three kinds together (upcoming first, then waiting, then drafts, newest first)
    and sorts each list here."""
    rank = Case(
        When(status=Interview.Status.CONFIRMED, then=Value(0)),
        When(status=Interview.Status.REQUESTED, then=Value(1)),
        default=Value(2),
    )
    rows = list(
        Interview.objects.filter(student=user)
        .filter(
            Q(status=Interview.Status.CONFIRMED, starts_at__gte=now)
            | Q(status__in=[Interview.Status.REQUESTED, Interview.Status.DRAFT])
        )
        .select_related("professional", "person")
        .only(
            "status",
            "starts_at",
            "requested_at",
            "updated_at",
            "professional__full_name",
            "person__full_name",
        )
        .order_by(rank, "-updated_at", "-pk")[:OPEN_READ]
    )
    kinds: dict[str, list[Interview]] = {status: [] for status in Interview.Status.values}
    for interview in rows:
        kinds[interview.status].append(interview)
    # The upcoming ones were read by their start (starts_at__gte=now), so each has one.
    upcoming = sorted(kinds["confirmed"], key=lambda i: cast(datetime, i.starts_at))
    return {
        "upcoming": upcoming[:OPEN_SHOWN],
        "waiting": sorted(kinds["requested"], key=lambda i: i.requested_at or now)[:OPEN_SHOWN],
        "drafts": kinds["draft"][:OPEN_SHOWN],
    }


def _urgency(now):
    """What to do first: a conversation within the next day, then the thank-yous and promises
    whose moment is passing, then everything else (each group oldest first)."""
    Kind = Reminder.Kind
    return Case(
        When(
            kind__in=[Kind.PREPARE, Kind.DAY_BEFORE],
            interview__starts_at__gt=now,
            interview__starts_at__lte=now + timedelta(days=1),
            then=Value(0),
        ),
        When(kind__in=[Kind.THANK_YOU, Kind.PROMISE], then=Value(1)),
        default=Value(2),
    )


@student_required
def dashboard(request):
    now = timezone.now()
    user = request.user
    # Named rows, not models: only what the cards show, and no four model instances per card.
    reminders = (
        Reminder.objects.due(now)
        .filter(student=user)
        .annotate(counterpart_name=COUNTERPART_NAME, urgency=_urgency(now))
        .order_by("urgency", "due_at", "pk")
        .values_list(*DASHBOARD_DUE, named=True)
    )
    soon = (
        Reminder.objects.pending()
        .filter(student=user, due_at__gt=now, due_at__lte=now + timedelta(days=7))
        .annotate(counterpart_name=COUNTERPART_NAME)
        .order_by("due_at")
        .values_list(*DASHBOARD_SOON, named=True)[:10]
    )
    contacts = list(
        Contact.objects.filter(student=user, stopped=False)
        .select_related("professional", "person")
        .only(
            "is_mentor",
            "cadence_days",
            "last_contact_at",
            "professional__full_name",
            "person__full_name",
        )
    )
    for contact in contacts:
        contact.drifting = contact.last_contact_at + timedelta(days=contact.cadence_days) < now
    page = Paginator(reminders, DUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "actions": CARD_ACTIONS,
        "soon": soon,
        **_open_interviews(user, now),
        "mentors": [c for c in contacts if c.is_mentor],
        "drifting": [c for c in contacts if c.drifting and not c.is_mentor],
    }
    return render(request, "reminders/dashboard.html", context)


@student_required
@require_POST
def act(request, pk, action):
    reminder = get_object_or_404(Reminder.objects.filter(student=request.user), pk=pk)
    try:
        if action == "done":
            services.reminder_done(reminder=reminder)
        elif action == "snooze-day":
            services.reminder_snooze(reminder=reminder, days=1)
        elif action == "snooze-week":
            services.reminder_snooze(reminder=reminder, days=7)
        elif action == "dismiss":
            services.reminder_dismiss(reminder=reminder)
        else:
            raise ValidationError("Choose done, snooze or dismiss.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("home")


@student_required
def thank_you(request, interview_pk):
    interview = get_object_or_404(
        Interview.objects.filter(student=request.user).select_related("professional", "person"),
        pk=interview_pk,
    )
    if interview.status != Interview.Status.COMPLETED:
        messages.error(
            request, "Record the interview as held first; the note is drafted from your record."
        )
        return redirect("interviews:detail", pk=interview_pk)
    note = services.thank_you_for(interview)
    if request.method == "POST":
        text = posted_text(request, "text", max_length=5000)
        if "send" in request.POST or "sent" in request.POST:
            send = (
                services.thank_you_send if "send" in request.POST else services.thank_you_mark_sent
            )
            try:
                send(interview=interview, text=text)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                note.text = text
                return render(
                    request, "reminders/thank_you.html", _thanks(interview, note), status=400
                )
            messages.success(
                request,
                "Noted as sent from your own e-mail."
                if interview.own_network
                else "Sent. They can reply straight to your address.",
            )
            return redirect("home")
        if not text.strip():
            messages.error(request, "The note is empty; write a few lines first.")
            return render(request, "reminders/thank_you.html", _thanks(interview, note), status=400)
        note.text = text.strip()
        note.save(update_fields=["text"])
        messages.success(
            request, "Draft saved. Copy it into your own e-mail, or send it from here."
        )
        return redirect("reminders:thank_you", interview_pk=interview_pk)
    return render(request, "reminders/thank_you.html", _thanks(interview, note))


def _thanks(interview: Interview, note) -> dict:
    """The note's page; for someone the student knows, the note opens in their own e-mail."""
    person = interview.person
    return {
        "interview": interview,
        "note": note,
        "mailto": mailto(person.email, THANKS_SUBJECT, note.text)
        if person and person.email
        else "",
    }


@student_required
def contacts(request):
    items = Contact.objects.filter(student=request.user).select_related("professional", "person")
    return render(
        request,
        "reminders/contacts.html",
        {"contacts": items, "max_mentors": settings.REMINDER_MAX_MENTORS},
    )


@student_required
@require_POST
def contact_update(request, pk):
    contact = get_object_or_404(Contact.objects.filter(student=request.user), pk=pk)
    cadence = request.POST.get("cadence_days", "").strip()
    cadence_days = whole_number(cadence)
    if cadence and cadence_days is None:
        messages.error(
            request,
            "How often to keep in touch is a whole number of days, such as 90; nothing was "
            "changed.",
        )
        return redirect("reminders:contacts")
    try:
        services.contact_set(
            contact=contact,
            is_mentor=request.POST.get("is_mentor") == "on",
            cadence_days=cadence_days,
            stopped=request.POST.get("stopped") == "on",
            reason=posted_text(request, "mentor_reason", max_length=200),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Saved for {contact.counterpart.full_name}.")
    return redirect("reminders:contacts")


@student_required
@require_POST
def contact_log(request, pk):
    contact = get_object_or_404(Contact.objects.filter(student=request.user), pk=pk)
    note = posted_text(request, "note", max_length=300) or "We were in touch"
    services.contact_touch(student=request.user, counterpart=contact.counterpart, note=note)
    messages.success(
        request, f"Noted. We will remind you about {contact.counterpart.full_name} again later."
    )
    return redirect("reminders:contacts")


@student_required
def preferences(request):
    kinds = Reminder.Kind.choices
    if request.method == "POST":
        wanted = set(request.POST.getlist("email"))
        EmailOptOut.objects.filter(student=request.user).delete()
        EmailOptOut.objects.bulk_create(
            EmailOptOut(student=request.user, kind=kind) for kind, _ in kinds if kind not in wanted
        )
        messages.success(request, "Saved. Every reminder still shows on your dashboard.")
        return redirect("reminders:preferences")
    off = set(EmailOptOut.objects.filter(student=request.user).values_list("kind", flat=True))
    return render(
        request,
        "reminders/preferences.html",
        {"kinds": [(k, label, k not in off) for k, label in kinds]},
    )


@csrf_exempt  # one-click unsubscribe (RFC 8058) comes from the mail program: the signed token is the proof
def unsubscribe(request, token):
    data = services.unsubscribe_from_token(token)
    if data is None:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=404)
    label = Reminder.Kind(data["k"]).label
    if not User.objects.filter(pk=data["s"]).exists():
        # The account was closed after the e-mail went: it gets no more mail of any kind.
        return render(request, "reminders/unsubscribe.html", {"closed": True, "label": label})
    if request.method == "POST":
        services.email_opt_out(student_pk=data["s"], kind=data["k"])
        return render(request, "reminders/unsubscribe.html", {"done": True, "label": label})
    return render(request, "reminders/unsubscribe.html", {"label": label, "token": token})
