"""One settings module for every deployment; each value that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for a local development run."
        )
    SECRET_KEY = "insecure-development-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",
    "portal.admin_input.PortalAdminConfig",  # django.contrib.admin, query strings checked
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_filters",
    "ninja",  # the read API's docs page, served from its own static files
    "corsheaders",
    "django_tasks",
    "portal.apps.BackgroundTasksConfig",  # django_tasks_db, with a translated heading
    "reversion",
    "portal.apps.LoginAttemptsConfig",  # axes, with a translated heading
    # The project's apps, lowest layer first (pyproject.toml's import-linter contract).
    "core",
    "taxonomy",
    "editorial",
    "articles",
    "organizations",
    "events",
    "registrations",
    "alerts",
    "extraction",
    "portal",
]

MIDDLEWARE = [
    "portal.ops_middleware.RequestIdMiddleware",
    "portal.ops_middleware.ReplicaRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a body (CSRF reads the form): oversized ones get a 413 unread.
    "portal.ops_middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.ops_middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.context_processors.language_alternates",
            ],
        },
    },
]

# The embedded SQLite database lives under var/ so a local run needs no server.
VAR_DIR = BASE_DIR / "var"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Read replicas (comma-separated URLs) serve the public read-only pages: portal/routers.py.
# In tests each one mirrors the default database.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASE_REPLICAS.append(f"replica{_number}")
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["portal.routers.ReplicaRouter"]
# After a write, the client reads from the primary for this long (replication lag).
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "15"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# With Redis (django-redis), cache and sessions are shared by every app server. A Redis outage
# degrades to no caching (IGNORE_EXCEPTIONS: a failed read is a miss, a failed write is
# skipped, each logged on "portal.cache"), every call giving up after REDIS_TIMEOUT seconds;
# sessions, kept in the database behind the cache ("cached_db"), survive it.
def redis_cache(url: str, key_prefix: str) -> dict:
    timeout = float(os.environ.get("REDIS_TIMEOUT", "0.25"))
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "IGNORE_EXCEPTIONS": True,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, "portal")}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Each worker keeps the public pages it served this many seconds without asking the shared
# cache (core.pagecache): how long a publish may take to show on other workers. Off without
# Redis, where the cache is each worker's own already.
PAGE_CACHE_LOCAL_SECONDS = int(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "2")) if REDIS_URL else 0
CACHES["pages-local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages-local",
    "OPTIONS": {"MAX_ENTRIES": 500},
}
# Rate-limit counters (registration) have a cache of their own, so a flood of cached pages can
# never evict them: on a Redis that evicts (the cache's allkeys-lru), a separate database
# number would not help, since eviction is per server. RATELIMIT_REDIS_URL names a second Redis
# that does not evict (maxmemory-policy noeviction; docker-compose's `counters` service).
# Without it the counters are kept in each worker's memory: every worker counts on its own, so
# N workers let N times the limit through. Production (debug off) therefore refuses to start
# with the registration rate limit on and no RATELIMIT_REDIS_URL, unless
# REGISTRATION_RATE_LIMIT_LOCAL=1 says per-worker counters are accepted (one worker).
RATELIMIT_REDIS_URL = os.environ.get("RATELIMIT_REDIS_URL", "")
if RATELIMIT_REDIS_URL:
    CACHES["ratelimit"] = redis_cache(RATELIMIT_REDIS_URL, "portal-ratelimit")
else:
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }

# Only the admin leaves messages, and its users always have a session: keeping messages there
# spares every public request the signed-cookie storage's setup (a tenth of a bare request).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Arabic date formats, day first (Django's Arabic locale sets none): portal/formats/ar.
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "fr", "en")
# A record's text missing in the page's language is shown in the first of these it has: a
# draft from a French article has its French name until an editor adds the Arabic one.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar", "fr", "en")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / os.environ.get("DJANGO_STATIC_ROOT", "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# With debug off a real backend must be named: the console backend would write whole messages,
# personal links included, to the logs. DJANGO_EMAIL_ALLOW_CONSOLE=1 accepts the console or
# dummy backend deliberately (a demo that sends nothing).
EMAIL_BACKEND = (
    os.environ.get("DJANGO_EMAIL_BACKEND") or "django.core.mail.backends.console.EmailBackend"
)
_UNSENT_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
if (
    not DEBUG
    and (not os.environ.get("DJANGO_EMAIL_BACKEND") or EMAIL_BACKEND in _UNSENT_EMAIL_BACKENDS)
    and not env_bool("DJANGO_EMAIL_ALLOW_CONSOLE")
):
    raise ImproperlyConfigured(
        "No mail backend: with DJANGO_DEBUG=0 set DJANGO_EMAIL_BACKEND (e.g. "
        "django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST...). The console backend "
        "would write every message, personal links included, to the logs; set "
        "DJANGO_EMAIL_ALLOW_CONSOLE=1 only to accept that deliberately."
    )
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before a silent mail server counts as failed; Django waits forever by default.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Industry Portal <no-reply@localhost>")

LOGIN_URL = "admin:login"

# --- Production hardening (README "Production"): `check --deploy` is clean with debug off. ---
# HTTPS is assumed whenever debug is off; DJANGO_HTTPS=0 serves plain HTTP (tests, a local
# docker-compose). Behind a TLS-terminating proxy, DJANGO_SECURE_PROXY_SSL_HEADER names the
# header it sets, e.g. "X-Forwarded-Proto=https"; never set it without such a proxy.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
_proxy_ssl_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "")
if _proxy_ssl_header:
    _header, _, _value = _proxy_ssl_header.partition("=")
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _header.strip().upper().replace("-", "_"),
        _value.strip() or "https",
    )
# Proxies in front of the app that append to X-Forwarded-For (login lockout counts by client).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
# Staff sessions last a working day, not Django's two weeks.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(8 * 3600)))

# Content-Security-Policy (django-csp): scripts only from this site or with the request's
# nonce (nonce="{{ request.csp_nonce }}"); no inline styles, no framing, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
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

# The public read API (/api/v1/, portal/api.py): requests per client address and period
# (s, min, hour, day), counted in CACHES["ratelimit"]; how long any cache may keep a response.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/min")
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
# Any site may read the API from a browser (django-cors-headers), without credentials; the
# pages and the admin send no CORS headers.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Login brute force (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_TIME hours; each failure and lockout is
# logged and listed in the admin.
AUTHENTICATION_BACKENDS = [
    "portal.auth_backends.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_RESET_ON_SUCCESS = True

# Uploads: article .txt files are at most 1 MB (core.validators.validate_text_upload);
# larger request bodies never reach memory.
TEXT_UPLOAD_MAX_BYTES = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = TEXT_UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Bodies over these sizes are refused from their Content-Length before a byte is read (413,
# portal.ops_middleware.RequestBodyLimitMiddleware), so nothing is spooled to disk or memory:
# the admin's forms carry at most an article's text and its .txt upload; public forms
# (registration, cancellation, language switch) a few short fields.
REQUEST_BODY_MAX_BYTES = int(os.environ.get("REQUEST_BODY_MAX_BYTES", str(64 * 1024)))
REQUEST_BODY_MAX_BYTES_ADMIN = DATA_UPLOAD_MAX_MEMORY_SIZE + TEXT_UPLOAD_MAX_BYTES + 64 * 1024

# Logs: JSON lines when LOG_FORMAT=json; every record has request_id and, for staff, user_id.
LOGGING = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "plain"), level=os.environ.get("LOG_LEVEL", "INFO")
)

# Where the five seed articles and their gold facts are kept for the demo data.
DEMO_DIR = BASE_DIR / "extraction" / "demo"

# Registration (events/services.py). Personal data of registrations to events that ended more
# than this many days ago is anonymised by `purge_registrations` (counts are kept).
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "365"))
# Sign-up attempts allowed per client IP and per e-mail address in each window (seconds),
# counted in CACHES["ratelimit"] (shared by every app server when RATELIMIT_REDIS_URL is set;
# production refuses to start without it, see below). Set
# REGISTRATION_RATE_LIMIT_ENABLED=0 only for load tests. Behind proxies the client's address
# is read as for the login lockout (DJANGO_PROXY_COUNT).
REGISTRATION_RATE_LIMIT_ENABLED = env_bool("REGISTRATION_RATE_LIMIT_ENABLED", True)
REGISTRATION_RATE_LIMIT_PER_IP = int(os.environ.get("REGISTRATION_RATE_LIMIT_PER_IP", "20"))
REGISTRATION_RATE_LIMIT_PER_EMAIL = int(os.environ.get("REGISTRATION_RATE_LIMIT_PER_EMAIL", "5"))
REGISTRATION_RATE_LIMIT_WINDOW = int(os.environ.get("REGISTRATION_RATE_LIMIT_WINDOW", "3600"))
# E-mail alerts (alerts/): a confirmation link works this many days; unconfirmed subscriptions
# older than that are deleted by `send_alert_digests`. Sign-ups are rate-limited like
# registrations, in the same counters, and by default switched off with them (load tests).
ALERTS_CONFIRM_DAYS = int(os.environ.get("ALERTS_CONFIRM_DAYS", "7"))
ALERTS_RATE_LIMIT_ENABLED = env_bool("ALERTS_RATE_LIMIT_ENABLED", REGISTRATION_RATE_LIMIT_ENABLED)
ALERTS_RATE_LIMIT_PER_IP = int(os.environ.get("ALERTS_RATE_LIMIT_PER_IP", "20"))
ALERTS_RATE_LIMIT_PER_EMAIL = int(os.environ.get("ALERTS_RATE_LIMIT_PER_EMAIL", "5"))
ALERTS_RATE_LIMIT_WINDOW = int(os.environ.get("ALERTS_RATE_LIMIT_WINDOW", "3600"))
# The public address (e.g. https://industry.example.ma), for links written outside a request
# (the alert digests).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

# Background tasks (django-tasks, the backport of Django 6's django.tasks): the registration
# e-mails and the alert e-mails. By default they are rows in this database, run by
# `manage.py db_worker` (`make run` starts it beside gunicorn; the `worker` service of
# docker-compose.yml), so no mail is sent inside a request. TASKS_BACKEND picks another
# backend without a code change, e.g. django_tasks.backends.immediate.ImmediateBackend (run
# in the request, after the commit: the test suite) or an RQ/Celery backend for a larger
# site (see README "Background tasks").
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Counters kept per worker would let each worker take the whole limit (see CACHES above).
if (
    not DEBUG
    and (REGISTRATION_RATE_LIMIT_ENABLED or ALERTS_RATE_LIMIT_ENABLED)
    and not RATELIMIT_REDIS_URL
    and not env_bool("REGISTRATION_RATE_LIMIT_LOCAL")
):
    raise ImproperlyConfigured(
        "The sign-up rate limits (registrations, alerts) have no shared counters: with "
        "DJANGO_DEBUG=0 set RATELIMIT_REDIS_URL to a Redis that does not evict "
        "(maxmemory-policy noeviction), "
        "separate from REDIS_URL's cache. REGISTRATION_RATE_LIMIT_LOCAL=1 accepts counters kept "
        "per worker (each worker lets the whole limit through)."
    )
