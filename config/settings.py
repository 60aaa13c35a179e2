"""Staffetta settings: one module, driven by environment variables.

With nothing set, Staffetta runs for development on SQLite with a Celery broker on the
local filesystem (no server to install). `STAFFETTA_ENV=production` turns on the
production checks: a real SECRET_KEY, ALLOWED_HOSTS and an SMTP server are required,
and `manage.py check --deploy` must be clean.
"""

import os
import zoneinfo
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
# Runtime state of an installation (SQLite file, broker folders, beat schedule, demo mail).
VAR_DIR = Path(env_str("STAFFETTA_VAR_DIR", str(BASE_DIR / "var"))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

ENVIRONMENT = env_choice("STAFFETTA_ENV", "development", {"development", "production"})
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when STAFFETTA_ENV=production.")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when STAFFETTA_ENV=production.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when STAFFETTA_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Absolute address used in links sent by email (invitations, password reset from jobs).
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "SITE_URL must be set to the https:// address of Staffetta when STAFFETTA_ENV=production."
    )
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL={SITE_URL!r} must start with http:// or https://.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "engagements",
    "engagements.plan",
    "engagements.budgets",
    "engagements.schedule",
    "engagements.readiness",
    "engagements.handover",
    "engagements.reviews",
    "contentdesk",
    "inbox",
    "inbox.chat",
    "inbox.mentions",
    "training",
    "reports",
    "bench",
    "digests",
    "activity",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The request's client address for the activity log written by services (activity.log).
    "activity.middleware.CurrentRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's OTPMiddleware, trusting the session's verified device (no query per request).
    "engagements.twofactor.SessionOTPMiddleware",
    "engagements.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends a session idle for SESSION_IDLE_MINUTES (needs the user and the messages).
    "engagements.sessions.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # No page but the public ones before the second factor (engagements/twofactor.py).
    "engagements.twofactor.TwoFactorMiddleware",
    "engagements.tenancy.CompanyMiddleware",
    # Last, so that a lockout answers before any view runs (django-axes' documentation).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "engagements.context_processors.navigation",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:pass@host:5432/name), SQLite by default.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'staffetta.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=True,
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # The web server and the Celery worker write to the same file: WAL lets readers
        # go on while one writes, IMMEDIATE avoids "database is locked" on upgrade.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that a Celery worker started by a test sees the test data; one
    # per test run, so that two runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-staffetta-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: the Celery broker and the cache. Without it, a filesystem broker and cache.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "staffetta",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": "staffetta",
        }
    }

# Celery (https://docs.celeryq.dev/en/stable/userguide/configuration.html), read by
# config/celery.py with namespace="CELERY".
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": 3600}
    if REDIS_URL
    else {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        # Exchange tables; kombu's default is "control" in the current directory.
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
HEARTBEAT_SECONDS = env_int("HEARTBEAT_SECONDS", 60, minimum=1)
# Every periodic job of the product, in one place.
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "engagements.tasks.heartbeat", "schedule": HEARTBEAT_SECONDS},
    # Drafts last month's review of every open engagement (idempotent: one per month).
    "draft-monthly-reviews": {"task": "engagements.reviews.tasks.draft_monthly_reviews", "schedule": 3600},
    # Enquiries stored while the broker was down, or whose follow-up failed: finish them.
    "sweep-unprocessed-intake": {"task": "inbox.intake.tasks.sweep_unprocessed", "schedule": 120},
    # Unanswered enquiries at risk or past due, urgent ones while the trainee is away.
    "inbox-sla-alerts": {"task": "inbox.mail.tasks.sla_alerts", "schedule": 900},
    # What is said about each company online: its RSS/Atom feeds (a feed is due after 25 min).
    # IMAP mailboxes: new mail since each mailbox's UID cursor (a failing one backs off).
    "fetch-mailboxes": {"task": "inbox.email_in.tasks.mailboxes_fetch", "schedule": 60},
    # A chat answer the visitor has not read within minutes is emailed, if they left an address.
    "chat-email-unread-replies": {"task": "inbox.chat.tasks.email_unread_replies", "schedule": 60},
    # Last month's result report of every company, once the month has ended in its time zone
    # (hourly: only what is missing is made, so a missed run is caught up by the next).
    "monthly-reports-generate": {"task": "reports.tasks.monthly_reports_generate", "schedule": 3600},
    # Newsletters whose time has come: start the send; resume sends left half-way.
    "newsletter-sweep": {"task": "contentdesk.newsletter.tasks.newsletter_sweep", "schedule": 60},
    # Double opt-in: confirmation emails whose queueing failed; requests never confirmed.
    "newsletter-confirmations-sweep": {"task": "contentdesk.newsletter.tasks.sweep_confirmations", "schedule": 300},
    "newsletter-purge-stale-requests": {"task": "contentdesk.newsletter.tasks.purge_stale_requests", "schedule": 86400},
    "mention-feeds-poll": {"task": "inbox.mentions.tasks.mention_feeds_poll", "schedule": 1800},
    # Each digital manager's morning digest, once a day from 07:00 in the company's time zone.
    "digests-morning": {"task": "digests.tasks.morning_digests", "schedule": 900},
    # Late content items (to their author, once a day) and overdue milestones (once a week).
    "digests-overdue-reminders": {"task": "digests.tasks.overdue_reminders", "schedule": 900},
    # Each consultant's weekly portfolio digest, on Monday from 07:00 in their time zone.
    "digests-portfolio-weekly": {"task": "digests.tasks.portfolio_digests", "schedule": 900},
    # GDPR: enquiries older than each company's retention setting are anonymised (figures kept).
    "enquiries-retention-purge": {"task": "digests.tasks.enquiries_retention_purge", "schedule": 3600},
    # The audit baseline of every engagement whose audit phase has ended in its time zone (once).
    "audit-baselines-freeze": {"task": "reports.tasks.audit_baselines_freeze", "schedule": 3600},
}
# Feeds are read only from public addresses (no server-side request forgery into the
# company network); list CIDRs here to allow an internal feed server.
# Newsletter emails per minute and per company (keep under the SMTP provider's limits).
NEWSLETTER_RATE_PER_MINUTE = env_int("NEWSLETTER_RATE_PER_MINUTE", 120, minimum=1, maximum=6000)
MENTIONS_ALLOWED_PRIVATE_NETWORKS = env_list("MENTIONS_ALLOWED_PRIVATE_NETWORKS", [])

# Email: SMTP when EMAIL_HOST is set; in development without it, mail is written to files
# under var/mail so that invitations and password resets of the demo can be read.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
# Port 587 is the submission port, which expects STARTTLS.
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
# Replies to our emails go to reply+<token>@INBOUND_EMAIL_DOMAIN, so they thread back.
INBOUND_EMAIL_DOMAIN = env_str("INBOUND_EMAIL_DOMAIN", "reply.staffetta.example")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Staffetta <noreply@staffetta.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif PRODUCTION:
    raise ImproperlyConfigured("EMAIL_HOST must be set when STAFFETTA_ENV=production.")
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")

# Accounts
AUTH_USER_MODEL = "engagements.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "engagements.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT_HOURS", 24, minimum=1) * 3600
INVITATION_MAX_AGE = timedelta(days=env_int("INVITATION_MAX_AGE_DAYS", 7, minimum=1, maximum=60))

# How many reverse proxies stand in front of the app and append to X-Forwarded-For; rate limits
# and login throttling count the address the nearest of them saw (engagements/net.py).
BEHIND_TLS_PROXY = PRODUCTION and env_bool("BEHIND_TLS_PROXY", default=True)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if BEHIND_TLS_PROXY else 0, minimum=0, maximum=5)

# Two-factor sign-in (django-otp): the name the authenticator apps show.
OTP_TOTP_ISSUER = "Staffetta"

# Login throttling (https://django-axes.readthedocs.io/en/latest/4_configuration.html)
AXES_CLIENT_IP_CALLABLE = "engagements.net.axes_client_ip"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "engagements.auth.axes_username"
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False

# Sessions and cookies
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE_HOURS", 12, minimum=1) * 3600
SESSION_COOKIE_HTTPONLY = True
# A session ends after this many minutes without a request (engagements/sessions.py).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 60, minimum=1)
# Sensitive actions ask for the password again after this many minutes (engagements/reauth.py).
REAUTH_MINUTES = env_int("REAUTH_MINUTES", 10, minimum=1)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): no inline script or style outside a per-response nonce
# (templates use request.csp_nonce). frame-ancestors 'none' matches X_FRAME_OPTIONS = "DENY":
# the form and chat reach customers' sites as scripts (embed.js, widget.js), never in frames.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": ["/csp-report/"],
    },
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    if BEHIND_TLS_PROXY:
        # The reverse proxy in front of gunicorn terminates TLS and says so in this header;
        # gunicorn itself must not be reachable from outside (docker-compose.yml binds it to
        # 127.0.0.1). Set BEHIND_TLS_PROXY=0 when Staffetta terminates TLS itself.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Internationalisation: Italian first, English second.
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
LANGUAGE_CODE = env_choice("LANGUAGE_CODE", "it", {code for code, _name in LANGUAGES})
TIME_ZONE = env_str("TIME_ZONE", "Europe/Rome")
if TIME_ZONE not in zoneinfo.available_timezones():
    raise ImproperlyConfigured(f"TIME_ZONE={TIME_ZONE!r} is not a known time zone (e.g. Europe/Rome).")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files (whitenoise serves them in production too)
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
# Uploaded files live outside the web root and are served only through views that check
# the company and role.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# The largest file accepted by each upload (attachments of enquiries and replies, training
# evidence), in MB; images for content and newsletters have their own (contentdesk.images).
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 10, minimum=1, maximum=100)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})},
    # WeasyPrint logs every rendering step at INFO.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
