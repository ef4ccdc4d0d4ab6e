"""What bench/ab.py and its helpers share: the pages measured, and how a helper process takes
up one tree's Django (its code, its settings, the database named in DATABASE_URL).

The helpers (_abdata.py, _abgrowth.py) run as scripts from this folder but import the code of
the tree named by ``--root``: the current branch or an older main checked out beside it.
"""

import os
import sys
import warnings
from urllib.parse import quote_plus

STUDENT_EMAIL = "amara.osei@example.edu"
STAFF_EMAIL = "careers.staff@example.edu"
PASSWORD = "bench-pass-2026"

# The student searches: a dozen queries of different selectivity over the generated binder
# (see _abwords.py for what the data holds).
SEARCHES = [
    ("city", "london"),
    ("rare surname", "abernethy"),
    ("industry", "healthcare"),
    ("2-letter prefix", "ma"),
    ("3-letter prefix", "eng"),
    ("multi-word", "data analyst manchester"),
    ("job title", "product manager"),
    ("no match", "qzxv"),
    ("first name", "maria"),
    ("description word", "sustainability"),
    ("organisation", "harbour"),
    ("title + city", "nurse leeds"),
]

# (label, who, path): ``{draft}`` and the like are filled from the ids the data builder
# printed for that tree. The baseline is measured before every page, as the same user.
BASELINE = ("baseline /about/", None, "/about/")
PAGES = [
    ("student dashboard", "student", "/"),
    ("student reminders, page 2", "student", "/?page=2"),
    ("student interview list", "student", "/interviews/"),
    ("draft workspace with a plan", "student", "/interviews/{draft}/"),
    ("held interview workspace", "student", "/interviews/{held}/"),
    ("professional profile", "student", "/professionals/{professional}/"),
    ("student binder, no query", "student", "/professionals/"),
    *[
        (f"search: {kind} ({q})", "student", f"/professionals/?q={quote_plus(q)}")
        for kind, q in SEARCHES
    ],
    ("question banks", "student", "/questions/"),
    ("student plans", "student", "/plans/"),
    ("keep-in-touch contacts", "student", "/contacts/"),
    ("staff binder list", "staff", "/binder/"),
    ("staff binder, q=analyst", "staff", "/binder/?q=analyst"),
    ("staff interview list", "staff", "/staff/interviews/"),
    ("staff insight dashboard", "staff", "/staff/insight/"),
]


def use_tree(root: str, settings: str = "config.settings") -> None:
    """Import Django from ``root`` (a project tree) and set it up with its settings."""
    sys.path.insert(0, os.path.abspath(root))
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    # whitenoise notes that collectstatic has not run; nothing here serves static files.
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
