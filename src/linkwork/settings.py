"""Linkwork settings: one module, read from the environment (see README "Configuration")."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from linkwork.config import env_bool, env_int, env_list, local_secret_key, production_problems

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

LINKWORK_ENV = os.environ.get("LINKWORK_ENV", "local").strip().lower()
if LINKWORK_ENV not in {"local", "production"}:
    raise ImproperlyConfigured(
        f"LINKWORK_ENV={LINKWORK_ENV!r} is not known: use 'local' (default) or 'production'."
    )
IS_PRODUCTION = LINKWORK_ENV == "production"

VAR_DIR = Path(os.environ.get("LINKWORK_VAR_DIR", PROJECT_DIR / "var")).resolve()
if not IS_PRODUCTION:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = VAR_DIR / "uploads"
MEDIA_URL = "/uploads/"

DEBUG = env_bool("DEBUG", False)
_database_url = os.environ.get("DATABASE_URL")
_secret = os.environ.get("SECRET_KEY")
_email_url = os.environ.get("EMAIL_URL")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if IS_PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"]
)

if IS_PRODUCTION:
    _problems = production_problems(
        secret_key=_secret,
        debug=DEBUG,
        allowed_hosts=ALLOWED_HOSTS,
        database_url=_database_url,
        email_url=_email_url,
    )
    if _problems:
        raise ImproperlyConfigured(
            "Linkwork will not start in production with an insecure configuration:\n- "
            + "\n- ".join(_problems)
        )
    SECRET_KEY = str(_secret)
else:
    SECRET_KEY = _secret or local_secret_key(VAR_DIR)

DATABASES = {
    "default": dj_database_url.parse(
        _database_url or f"sqlite:///{VAR_DIR / 'linkwork.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside a writer; IMMEDIATE avoids "database is locked" upgrades.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "linkwork.core",
    "linkwork.places",
    "linkwork.directory",
    "linkwork.search",
    "linkwork.casework",
    "linkwork.outcomes",
    "linkwork.insight",
    "linkwork.engagement",
    "linkwork.network",
    "linkwork.governance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "linkwork.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "linkwork.core.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "linkwork.core.middleware.SessionLimitsMiddleware",
    "linkwork.core.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "linkwork.core.middleware.NoStoreForPersonalDataMiddleware",
    "linkwork.core.rate_limits.AnonymousFormRateLimitMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "linkwork.core.middleware.CurrentUserMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "linkwork.urls"
WSGI_APPLICATION = "linkwork.wsgi.application"

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
                "linkwork.core.context_processors.navigation",
            ],
        },
    }
]

AUTH_USER_MODEL = "core.User"
# django-axes first: it refuses a locked-out user or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# "default" stays in each process (rebuildable results such as insight's fitted models);
# "shared" is a table in the database, so counts every process must agree on (rate limits)
# are one count across gunicorn workers and servers (docs/decisions/0013; `migrate` makes it).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "linkwork_shared_cache",
        "TIMEOUT": 3600,
        # One key per address, form and window: room for many addresses before culling.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}

LANGUAGE_CODE = "en-gb"
# Only languages whose public-page catalogues are complete (tests/i18n checks): a language
# offered over untranslated text tells screen readers the wrong language. Each language is
# named in itself, so a person who cannot read the current one still finds their own
# (docs/decisions/0011-languages-by-cookie.md). LocaleMiddleware picks from Accept-Language.
LANGUAGES = [
    ("en-gb", "English"),
    ("gd", "Gàidhlig"),
    ("pl", "Polski"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
# Production serves collected files compressed (gzip, and Brotli when installed), with content
# hashes in their names so browsers cache them for a year. Locally the files are served from
# the app folders as they are (nothing to collect first).
STATIC_STORAGE = (
    "linkwork.core.static_storage.StaticStorage"
    if IS_PRODUCTION
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": os.environ.get("LINKWORK_STATIC_STORAGE", STATIC_STORAGE)},
}
WHITENOISE_AUTOREFRESH = not IS_PRODUCTION

EMAIL_URL = _email_url or "console://"  # production refuses console (see production_problems)
if EMAIL_URL.startswith("console"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_URL.startswith("smtp"):
    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = EMAIL_URL.startswith("smtp+tls")
else:
    raise ImproperlyConfigured(f"EMAIL_URL {EMAIL_URL!r}: use console:// or smtp[+tls]://...")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "linkwork@localhost")
# The address people reach Linkwork at, for links in emails (e.g. a discharge letter is ready).
LINKWORK_SITE_URL = os.environ.get("LINKWORK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

_tasks_backend = os.environ.get("TASKS_BACKEND", "database" if IS_PRODUCTION else "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }.get(_tasks_backend, _tasks_backend)
    }
}

MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors")

# Outcomes: the local safety procedure shown when PHQ-9 item 9 raises a risk flag, and the
# licensed EQ-5D-5L value set file (profile,index CSV) an organisation holds.
LINKWORK_SAFETY_PROCEDURE = os.environ.get("LINKWORK_SAFETY_PROCEDURE", "")
LINKWORK_EQ5D5L_VALUE_SET = os.environ.get("LINKWORK_EQ5D5L_VALUE_SET", "")

# Search: words held by more than this share of services are left out of full-text queries
# (speed against ranking quality; measured in docs/performance.md). 1 keeps every word.
try:
    SEARCH_COMMON_WORD_SHARE = float(os.environ.get("SEARCH_COMMON_WORD_SHARE", "0.04"))
except ValueError:
    SEARCH_COMMON_WORD_SHARE = -1.0
if not 0 < SEARCH_COMMON_WORD_SHARE <= 1:
    raise ImproperlyConfigured("SEARCH_COMMON_WORD_SHARE must be a number above 0, at most 1.")

# Casework: when an unanswered supported referral counts as stalled, when an untriaged
# referral is overdue, and the dotted path of the appointment reminder backend (console if empty).
CASEWORK_STALLED_AFTER_DAYS = int(os.environ.get("CASEWORK_STALLED_AFTER_DAYS", "10"))
CASEWORK_TRIAGE_DUE_DAYS = int(os.environ.get("CASEWORK_TRIAGE_DUE_DAYS", "5"))
CASEWORK_REMINDER_BACKEND = os.environ.get("CASEWORK_REMINDER_BACKEND", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# Staff are signed out after this many idle minutes; SESSION_COOKIE_AGE stays the absolute limit.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)

# Sign-in throttling (django-axes): lock a username, and separately an address, after this many
# failures; the lock lifts after the cool-off or when an administrator removes it (admin,
# `linkwork axes_reset_username NAME`).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "linkwork.core.account_views.locked_out"
AXES_VERBOSE = False
# How many reverse proxies in front of Linkwork append to X-Forwarded-For (0: trust none).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "linkwork.core.signals.client_address"

# Two factors (django-otp TOTP, with static recovery codes) for every role that sees personal data.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Linkwork")
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)

# Anonymous forms (self-referral, problem reports, My list PDF): at most this many per address
# per window, counted in the Django cache.
RATE_LIMIT_ANONYMOUS_FORMS = env_int("RATE_LIMIT_ANONYMOUS_FORMS", 10)
RATE_LIMIT_WINDOW_SECONDS = env_int("RATE_LIMIT_WINDOW_SECONDS", 600)

# Content-Security-Policy (django-csp): no inline scripts or styles anywhere; only the embeddable
# widget may be framed by other sites (its view widens frame-ancestors for itself).
_tile_origin = "{0.scheme}://{0.netloc}".format(urlparse(MAP_TILE_URL)) if MAP_TILE_URL else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports every step of every PDF at INFO; only its problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
