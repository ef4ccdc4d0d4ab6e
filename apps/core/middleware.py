import re

from django.core.exceptions import BadRequest
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .timezones import zone_named


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


class HealthCheckMiddleware:
    """Answers ``/healthz`` first, on any host and over plain HTTP, for load balancers and
    container probes that know neither the public host name nor HTTPS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            if database_is_up():
                return HttpResponse("ok\n", content_type="text/plain")
            return HttpResponse("database unavailable\n", content_type="text/plain", status=503)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Nothing shown to a signed-in person is kept by a browser's or a proxy's cache: a page
    with their notes must not come back from a shared computer's history or a proxy after they
    sign out. Sits inside whitenoise, so static files keep their long caching; pages for
    visitors who are not signed in are left as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class TimezoneMiddleware:
    """Shows times in the signed-in person's own zone; others see the site's zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone_name = getattr(getattr(request, "user", None), "time_zone", "")
        timezone.activate(zone_named(zone_name))
        return self.get_response(request)


# URL keyword arguments that carry a secret: the view is reached by a link from an e-mail.
LINK_SECRETS = {"token", "uidb64"}


class LinkPrivacyMiddleware:
    """Pages opened from an e-mailed link carry its secret in their address: every Referer they
    send (even to this site's own static files) names the site's origin only, and they are
    never cached.

    ``strict-origin``, not ``no-referrer``: under ``no-referrer`` a browser sends
    ``Origin: null`` with the page's own form posts, which Django's CSRF check rightly refuses,
    so a professional could not accept a time (found by the browser journeys)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "reached_by_link", False):
            response["Referrer-Policy"] = "strict-origin"
            response["Cache-Control"] = "no-store, private"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if LINK_SECRETS & view_kwargs.keys():
            request.reached_by_link = True


# NUL cannot be stored (PostgreSQL refuses it in text), and no link or search of this site
# holds it or another C0 control character except tab and line breaks.
_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class UnusableCharactersMiddleware:
    """Answers 400 for an address or query with a control character in it, before any view
    looks anything up with it. Form fields refuse them in POSTed text (Django's CharField
    refuses NUL; ``posted_text`` strips the rest)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _UNUSABLE.search(request.path) or any(
            _UNUSABLE.search(key) or any(_UNUSABLE.search(value) for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A control character in the address or its query.")
        return self.get_response(request)
