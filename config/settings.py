"""One settings module, read from the environment.

Local runs get safe defaults (an SQLite file in the project, e-mail printed to the console).
Production (``DJANGO_ENV=production``) refuses to start without the variables it cannot guess,
naming the missing one.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}."
    )
PRODUCTION = DJANGO_ENV == "production"

# A local .env (written by scripts/dev.py) fills in what the shell did not set. Production reads
# only its real environment, so a stray file can never supply a secret there.
if not PRODUCTION:
    env.read_env(BASE_DIR / ".env", overwrite=False)


def _required(name: str) -> str:
    value = env.str(name, default="").strip()
    if not value:
        where = "the environment" if PRODUCTION else ".env (python3 scripts/dev.py writes one)"
        raise ImproperlyConfigured(f"{name} must be set in {where}.")
    return value


SECRET_KEY = _required("SECRET_KEY")
# Production refuses the keys Django's deploy check only warns about (security.W009): short,
# few different characters, or the "django-insecure-" kind startproject writes. Refused here,
# not in a system check, because gunicorn starts without running the checks.
if PRODUCTION and (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak for production: it needs at least {SECRET_KEY_MIN_LENGTH} "
        f"characters, at least {SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, and not "
        f"Django's {SECRET_KEY_INSECURE_PREFIX!r} prefix. Make one with: "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
DEBUG = env.bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")

if PRODUCTION:
    ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
else:
    ALLOWED_HOSTS = env.list(
        "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"]
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "axes",
    "csp",
    "apps.core",
    "apps.accounts",
    "apps.contacts",
    "apps.questions",
    "apps.interviews",
    "apps.reminders",
    "apps.practice",
    "apps.network",
    "apps.insight",
]

MIDDLEWARE = [
    # Answers /healthz before host checks and the HTTPS redirect, so a container probe works.
    "apps.core.middleware.HealthCheckMiddleware",
    # Before anything reads the body: an oversized one is refused unread.
    "apps.core.uploads.RequestSizeMiddleware",
    # Outside SecurityMiddleware, so its stricter Referrer-Policy on link pages wins.
    "apps.core.middleware.LinkPrivacyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view: a NUL in an address would otherwise reach the database.
    "apps.core.middleware.UnusableCharactersMiddleware",
    # Cache-Control: private, no-store on every response to a signed-in person.
    "apps.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "apps.core.middleware.TimezoneMiddleware",
    # Last, as django-axes asks, so it sees the outcome of every sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "apps.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
if PRODUCTION:
    _db_url = _required("DATABASE_URL")
    if not _db_url.startswith(("postgres://", "postgresql://", "pgsql://")):
        raise ImproperlyConfigured(
            "DATABASE_URL must point at PostgreSQL in production (postgres://user@host:5432/name)."
        )
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at the start of each transaction, so SQLite's single writer
    # queues concurrent writers instead of failing them half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # WAL lets readers work beside the writer; a larger page cache, memory-mapped reads and
        # in-memory temporary tables keep the aggregate pages (staff insight) fast. SQLite's
        # own "optimize" at connect refreshes the planner's statistics where they are stale
        # (what SQLite advises for connections that come and go).
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
            "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY; PRAGMA optimize=0x10002;"
        ),
    }
else:
    if env.bool("DATABASE_POOL", default=False):
        # Django's psycopg pool, one per process, for threaded gunicorn workers or many
        # processes sharing few connections (README, "Scaling"). Django refuses a pool
        # together with persistent connections, so CONN_MAX_AGE is 0 here.
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "pool": {
                "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
                "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
            },
        }
    # Behind PgBouncer in transaction mode a cursor cannot outlive its transaction.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(
        "DISABLE_SERVER_SIDE_CURSORS", default=False
    )
# Each server process keeps its connection between requests: no reconnecting on every page,
# and on SQLite a page cache that stays warm (the load benchmark found the staff binder list
# three times slower with a fresh connection, and so a cold cache, per request).
DATABASES["default"]["CONN_MAX_AGE"] = (
    0 if "pool" in DATABASES["default"].get("OPTIONS", {}) else env.int("CONN_MAX_AGE", default=60)
)
# With the pool, this makes it check a connection before handing it out.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Students may register themselves only with an address at one of these domains.
REGISTRATION_EMAIL_DOMAINS = [
    d.strip().lower().lstrip("@")
    for d in env.list("REGISTRATION_EMAIL_DOMAINS", default=["example.edu"])
]
STAFF_INVITATION_DAYS = env.int("STAFF_INVITATION_DAYS", default=7)

# Brute-force protection: lock an account after repeated failures from anywhere, and an address
# after repeated failures against any account; both lift after the cool-off.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "apps.accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# django-axes keeps the POST data of each failure; "password" is always masked. Password
# re-entry forms count there too (apps.accounts.forms.password_recheck), so their fields are.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "old_password",
    "new_password1",
    "new_password2",
]
# The same notion of "the visitor's address" as the rate limiter, proxy-aware.
AXES_CLIENT_IP_CALLABLE = "apps.core.ratelimit.client_address"

# --- Internationalisation and time ------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Locally whitenoise serves straight from the apps' and packages' static folders.
WHITENOISE_USE_FINDERS = not PRODUCTION

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail -----------------------------------------------------------------------------------
# Every message is written to the database queue (apps.core.mail); the worker hands it to the
# backend that EMAIL_URL names.
_email = env.email_url("EMAIL_URL", default="consolemail://")
# MAIL_DELIVERY_BACKEND (a dotted path) overrides the backend EMAIL_URL implies.
_implied_backend = _email.pop("EMAIL_BACKEND")
if _implied_backend == "django.core.mail.backends.console.EmailBackend":
    # consolemail:// prints one line per e-mail (recipient, subject, links), not whole messages.
    _implied_backend = "apps.core.console_mail.SummaryConsoleBackend"
MAIL_DELIVERY_BACKEND = env.str("MAIL_DELIVERY_BACKEND", default=_implied_backend)
_email.pop("EMAIL_BACKEND", None)
vars().update(_email)
EMAIL_BACKEND = "apps.core.mail.QueuedEmailBackend"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Career Centre <careers@example.edu>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=5)
MAIL_RETRY_SECONDS = env.int("MAIL_RETRY_SECONDS", default=60)
MAIL_KEEP_DAYS = env.int("MAIL_KEEP_DAYS", default=30)
# A worker claims this many due e-mails at a time, for this long: if it dies, what it claimed
# and did not send comes due again when the claim runs out.
MAIL_CLAIM_BATCH = env.int("MAIL_CLAIM_BATCH", default=50)
MAIL_CLAIM_SECONDS = env.int("MAIL_CLAIM_SECONDS", default=300)
WORKER_IDLE_SECONDS = env.float("WORKER_IDLE_SECONDS", default=5.0)
# A student's private notes are cleared this many days after they leave the centre.
STUDENT_NOTES_RETENTION_DAYS = env.int("STUDENT_NOTES_RETENTION_DAYS", default=365)
# An offer through the volunteer form whose address is never confirmed is deleted this many
# days after it was made (never sooner than its confirmation link's seven days).
VOLUNTEER_UNCONFIRMED_DAYS = env.int("VOLUNTEER_UNCONFIRMED_DAYS", default=14)

# The signed-in student's home page (the reminders dashboard).
STUDENT_HOME_VIEW = "apps.reminders.views.dashboard"
PRODUCT_NAME = env.str("PRODUCT_NAME", default="Career Centre Conversations")
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")

# --- Security ---------------------------------------------------------------------------------
# The most a request body may hold, uploads included (a spreadsheet is at most 5 MB): a bigger
# one is refused before it is read, and an upload without a declared size stops at this many
# bytes. Non-file fields stay within Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=6 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "apps.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 24 * 14)
_https = env.bool("HTTPS", default=PRODUCTION)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_https)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_https)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_https)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The reverse proxies whose forwarding headers are believed (addresses or networks; "*" for
# any). gunicorn reads this same variable itself and takes X-Forwarded-Proto: https from these
# peers only, setting the request's scheme, so Django needs no SECURE_PROXY_SSL_HEADER (which
# would believe the header from anyone who reaches the server). The rate limits and sign-in
# lockout read X-Forwarded-For from these peers only (apps.core.ratelimit). The default is
# gunicorn's: a proxy on this machine.
FORWARDED_ALLOW_IPS = env.list("FORWARDED_ALLOW_IPS", default=["127.0.0.1", "::1"])

# Only the site's own scripts and styles; an inline script needs the per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Link secrets in request paths are redacted before any record is written (apps/core/logs.py):
# on the loggers that print paths, and again on the handler for anything else.
_REDACTED = {"filters": ["redact_secrets"]}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_secrets": {"()": "apps.core.logs.RedactSecrets"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.request": _REDACTED,
        "django.server": _REDACTED,
        "django.security.csrf": _REDACTED,
    },
}

# --- Interviews: the rules that protect professionals' time (see apps/interviews/rules.py) ---
INTERVIEW_MAX_OPEN_REQUESTS = env.int("INTERVIEW_MAX_OPEN_REQUESTS", default=3)
INTERVIEW_FOLLOW_UP_AFTER_DAYS = env.int("INTERVIEW_FOLLOW_UP_AFTER_DAYS", default=7)
INTERVIEW_REQUEST_EXPIRES_DAYS = env.int("INTERVIEW_REQUEST_EXPIRES_DAYS", default=14)
INTERVIEW_DECLINE_COOLDOWN_DAYS = env.int("INTERVIEW_DECLINE_COOLDOWN_DAYS", default=180)
# An unanswered request that expires counts like a decline: wait this long before asking again.
INTERVIEW_EXPIRED_WAIT_DAYS = env.int("INTERVIEW_EXPIRED_WAIT_DAYS", default=90)
# One student asks one professional at most this many times in the window, whatever happened.
INTERVIEW_MAX_ASKS_PER_PAIR = env.int("INTERVIEW_MAX_ASKS_PER_PAIR", default=2)
INTERVIEW_ASKS_WINDOW_DAYS = env.int("INTERVIEW_ASKS_WINDOW_DAYS", default=180)
# New-request e-mails one professional receives in seven days from all students together;
# further requests wait in line and go out as the week allows.
INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS = env.int(
    "INTERVIEW_PROFESSIONAL_WEEKLY_REQUESTS", default=3
)
INTERVIEW_MAX_PROPOSED_TIMES = 5

# --- Reminders (apps/reminders) ---------------------------------------------------------------
REMINDER_PREPARE_DAYS_BEFORE = env.int("REMINDER_PREPARE_DAYS_BEFORE", default=3)
REMINDER_THANK_YOU_HOURS_AFTER = env.int("REMINDER_THANK_YOU_HOURS_AFTER", default=24)
REMINDER_KEEP_IN_TOUCH_DAYS = env.int("REMINDER_KEEP_IN_TOUCH_DAYS", default=91)
REMINDER_MENTOR_DAYS = env.int("REMINDER_MENTOR_DAYS", default=30)
REMINDER_MAX_MENTORS = 4
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=500)

# --- Staff insight (apps/insight) -------------------------------------------------------------
# Each server process keeps a period's rendered figures this long (0: work them out every time).
INSIGHT_CACHE_SECONDS = env.int("INSIGHT_CACHE_SECONDS", default=300)
# One cache for every app server: CACHE_URL=redis://host:6379/0 in production, so kept figures
# and lists are shared and a change made through one server clears them for all. The default
# is each process's own memory, with nothing to run.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
