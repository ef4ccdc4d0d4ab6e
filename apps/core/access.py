"""The base of every access check: who may call a view.

Objects are fetched through helpers scoped to the user in each app (``<thing>_for_user``); the
wrong user gets 404. These decorators decide by role, and refuse with 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404


def _role_required(test, view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not test(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def staff_required(view):
    """Career-centre staff (superusers included) only."""
    return _role_required(lambda user: user.is_career_staff, view)


def student_required(view):
    """Students only."""
    return _role_required(lambda user: user.is_student, view)


def private_to_students(view):
    """A student's private pages (rehearsals, their recorded words): anyone else, staff
    included, gets 404, as for another student's object."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_student:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
