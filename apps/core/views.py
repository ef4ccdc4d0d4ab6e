import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from .access import staff_required
from .forms import MailFilterForm
from .middleware import database_is_up
from .models import QueuedEmail
from .pagination import count_up_to_limit, limited_page


def home(request):
    """One home page per role: staff get their tasks, students their dashboard."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "core/home_public.html")
    if user.is_career_staff:
        context = {
            "failed_emails": QueuedEmail.objects.filter(status=QueuedEmail.Status.FAILED).count(),
        }
        return render(request, "core/home_staff.html", context)
    # The student's home is the reminders app's dashboard; named in settings so that core
    # imports no app.
    return import_string(settings.STUDENT_HOME_VIEW)(request)


@login_required
def about(request):
    """What the service is and what it keeps, for anyone signed in. A page of the base template
    and fixed text: the load benchmark's baseline."""
    return render(request, "core/about.html")


def healthz(request):
    # Normally answered by HealthCheckMiddleware; kept as a view so the URL is named and routed.
    if database_is_up():
        return HttpResponse("ok\n", content_type="text/plain")
    return HttpResponse("database unavailable\n", content_type="text/plain", status=503)


# What the Outgoing e-mail page reads of a message: never its body or MIME text, which carry
# the signed links (a professional's answer link, a password reset) that only its recipient
# should hold.
MAIL_LIST_FIELDS = (
    "subject",
    "recipients",
    "status",
    "attempts",
    "last_error",
    "created_at",
    "next_attempt_at",
    "sent_at",
)


@staff_required
def mail_queue(request):
    """Every outgoing e-mail, newest first, a page at a time: to whom, what about, whether it
    has gone and when, and the failures staff can retry. Bodies are never shown."""
    form = MailFilterForm(request.GET or None)
    emails = QueuedEmail.objects.all()
    if form.is_bound and not form.is_valid():
        messages.error(request, "That is not a status e-mail can have; showing all e-mail.")
    elif form.is_bound and form.cleaned_data["status"]:
        emails = emails.filter(status=form.cleaned_data["status"])
    matches = count_up_to_limit(emails)
    # Newest first by key, which follows creation and needs no index of its own.
    shown = emails.only(*MAIL_LIST_FIELDS).order_by("-pk")
    page = limited_page(shown, request.GET.get("page"), per_page=50, matches=matches)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "emails": page.object_list,
        "query": query.urlencode(),
        "failed_count": QueuedEmail.objects.filter(status=QueuedEmail.Status.FAILED).count(),
        "waiting_count": QueuedEmail.objects.filter(status=QueuedEmail.Status.QUEUED).count(),
    }
    return render(request, "core/mail_queue.html", context)


@staff_required
@require_POST
def mail_retry(request, pk):
    email = get_object_or_404(QueuedEmail, pk=pk, status=QueuedEmail.Status.FAILED)
    email.requeue(timezone.now())
    messages.success(request, f"“{email.subject}” is queued again; the worker will try it shortly.")
    return redirect("mail_queue")


def server_error(request):
    """The 500 handler. When the database is out of reach (restarting, failing over) the
    answer is a 503 with Retry-After, so people and load balancers know to try again shortly;
    the next request gets a fresh connection. Renders without the request context, which would
    need the database."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
