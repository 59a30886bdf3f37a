"""Settings for nafta-tracker: one module, every knob an environment variable.

The defaults give a local SQLite site for development. Production sets
``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` and a
``DATABASE_URL``; a missing or malformed value stops the process at start with a
message that names the variable, rather than failing later on a request
(the helpers in ``nafta_tracker/env.py``). README.md lists every variable.

Sections, in order: core, apps and middleware, database, internationalisation, static
files, authentication and security, API, cache and sessions, logging.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import os
import select
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from nafta_tracker.env import env_bool, env_choice, env_float, env_int, env_list, env_rate, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

# ----------------------------------------------------------------------------- core

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production, "
            "or set DJANGO_DEBUG=1 for local development (make run does this for you)."
        )
    # Local development only: a fixed key is harmless when debug is on and nothing is public.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

ROOT_URLCONF = "nafta_tracker.site.urls"
WSGI_APPLICATION = "nafta_tracker.wsgi.application"
ASGI_APPLICATION = "nafta_tracker.asgi.application"

# Local demo only: `manage.py demo_editor` refuses to run unless this is on.
DEMO_EDITOR_ENABLED = DEBUG and env_bool("DJANGO_DEMO_EDITOR", True)

# ----------------------------------------------------------------------------- apps and middleware

INSTALLED_APPS = [
    # Content in three languages (nafta_tracker/content_language.py); before the admin, as it asks.
    "modeltranslation",
    "nafta_tracker.site.admin_config.EditorsAdminConfig",  # django.contrib.admin, opening on the editors' home
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "simple_history",
    "import_export",
    "csp",
    "axes",
    "nafta_tracker",
    "rounds",
    "issues",
]

MIDDLEWARE = [
    "nafta_tracker.health.HealthCheckMiddleware",  # /healthz for load balancers, before host checks and redirects
    "nafta_tracker.db_routing.ReplicaRoutingMiddleware",  # decides per request whether reads may use the replica
    # CORS for the API's reads (nafta_tracker/cors.py); high up, so redirects and 304s get the headers too.
    "nafta_tracker.cors.ReadOnlyCorsMiddleware",
    "nafta_tracker.api.throttling.RateLimitHeadersMiddleware",  # RateLimit-* on every /api/ response
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, right after security headers
    # gzip for HTML pages (static files come compressed from whitenoise, above); outside the
    # page cache, which stores pages uncompressed. HTML only: nafta_tracker/compression.py.
    "nafta_tracker.compression.HtmlGZipMiddleware",
    "nafta_tracker.csp.ContentSecurityPolicyMiddleware",  # django-csp, with the admin's documented exceptions
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/ and /admin/ have no language prefix: they follow the language cookie or Accept-Language.
    "nafta_tracker.content_language.UnprefixedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "nafta_tracker.transactions.AtomicWritesMiddleware",  # a write request is one transaction, see transactions.py
    # public, s-maxage for anonymous responses, private for the rest (nafta_tracker/http_cache.py):
    # outside the page cache, so a stored page gets a lifetime computed now.
    "nafta_tracker.http_cache.SharedCacheControlMiddleware",
    "nafta_tracker.response_cache.PublicPageCacheMiddleware",  # innermost: caches what the view made
    # Surrogate-Key: the kinds of record the view read; inside the page cache, which stores it with the page.
    "nafta_tracker.http_cache.SurrogateKeyMiddleware",
    # A NUL in an admin search, filter or autocomplete is a 400 (PostgreSQL errors on it).
    "nafta_tracker.admin_nul.RefuseNulInAdminQueryMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns lockouts into the lockout page
]

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
            ],
        },
    },
]

# ----------------------------------------------------------------------------- database

# SQLite file beside manage.py unless DATABASE_URL says otherwise.
# postgres:// URLs use psycopg 3 (Django picks it when it is installed).
_DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
_database_url = os.environ.get("DATABASE_URL") or _DEFAULT_DATABASE_URL
try:
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url,
            conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Django understands: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A shared SQLite file is one writer at a time; persistent connections buy nothing there.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Take the write lock when a write transaction begins (Django 5.1+). By default a
    # transaction reads first and asks for the lock at its first write, and when another
    # process writes meanwhile SQLite cannot let it wait: it fails at once with "database is
    # locked", a 500 (found by tests/fuzz/run.sh with two gunicorn workers; threaded
    # `make run` is exposed too). PostgreSQL has no such limitation.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # How long a writer waits for that lock before "database is locked": Python's default
    # is 5 s, which six writers and six readers on `make run` outlasted (one 500 in 55
    # writes). 20 s is under gunicorn's 30 s timeout (tests/test_sqlite_busy_timeout.py).
    DATABASES["default"]["OPTIONS"]["timeout"] = 20

# Prepared statements on PostgreSQL: parameters bound by the server (Django's default
# binds them in the client) and psycopg preparing a query once it has run five times (Django
# turns that off by default), so PostgreSQL parses and plans each query a worker repeats
# once per connection. Planning was most of the database time of an API request
# (statement detail: 6.6 ms planning against under 1 ms executing). bench/api.py at
# 100,000 statements, before -> after: statement detail 13.2 -> 8.0 ms, statements list
# 37.4 -> 25.4 ms, a 304 1.2 -> 0.7 ms. DJANGO_DB_PREPARED_STATEMENTS=0 turns it off, for
# a pooler in transaction mode that cannot keep prepared statements.
_PREPARED_STATEMENTS = {"server_side_binding": True, "prepare_threshold": 5}


def _prepare_statements(database: dict) -> None:
    if database["ENGINE"] == "django.db.backends.postgresql" and env_bool("DJANGO_DB_PREPARED_STATEMENTS", True):
        database.setdefault("OPTIONS", {}).update(_PREPARED_STATEMENTS)


# No parallel query plans for the site's own connections: every query a request runs wants its
# first rows soon, and PostgreSQL's parallel plans for a page of 50 (a Gather Merge over a walk
# down the date index) let each worker read far past what the page needs. At 1,000,000 synthetic
# statements, the keys of /api/v1/statements/?issue=…&party=… took 707 ms with two workers and
# 272 ms without; on a two-core machine the extra processes also take CPU from other requests.
# DJANGO_DB_PARALLEL_WORKERS sets PostgreSQL's max_parallel_workers_per_gather (its default is 2)
# as a startup option; -1 sends none (PgBouncer refuses an option it does not track: set it on
# the database role there).
#
# The planner's price of a random page read, for the same reason: PostgreSQL's default of 4
# prices a disk that seeks, and leads it to read a whole small table and hash it where 50
# index lookups would do. Rows read by their keys (a filtered statements page: 50 ids, seven
# joins) hashed all 2,000 sources and 1,000 officials: 0.89 ms, against 0.44 ms with index
# lookups at 1.1, the usual value for SSDs and for data that fits in memory (the generic plan
# PostgreSQL keeps for the prepared statement, 100,000 statements). DJANGO_DB_RANDOM_PAGE_COST
# sets it (1.1 unless told otherwise); -1 sends none, like DJANGO_DB_PARALLEL_WORKERS. Where
# that one is -1 (behind PgBouncer, which refuses startup options) and this one unset, none
# is sent either: a deployment set up before this option existed keeps connecting.
def _session_settings(database: dict) -> None:
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    sent = []
    workers = env_int("DJANGO_DB_PARALLEL_WORKERS", 0, minimum=-1)
    if workers > 1024:  # PostgreSQL's own bound: past it every connection would fail
        raise ImproperlyConfigured(f"DJANGO_DB_PARALLEL_WORKERS must be at most 1024; got {workers}.")
    if workers >= 0:
        sent.append(f"-c max_parallel_workers_per_gather={workers}")
    page_cost = env_float("DJANGO_DB_RANDOM_PAGE_COST", 1.1 if workers >= 0 else -1)
    if page_cost != -1:
        if page_cost < 0:  # PostgreSQL refuses it, and every connection would fail
            raise ImproperlyConfigured(f"DJANGO_DB_RANDOM_PAGE_COST must be 0 or more, or -1; got {page_cost}.")
        sent.append(f"-c random_page_cost={page_cost!r}")
    if sent:
        options = database.setdefault("OPTIONS", {})
        given = options.get("options", "")  # a DATABASE_URL's own ?options= are kept
        options["options"] = " ".join([given, *sent]).strip()


def _check_health_by_socket(database: dict) -> None:
    # PostgreSQL: kept connections are checked on their socket at each request's start, without
    # Django's SELECT 1 round trip before each request's first query (nafta_tracker.psycopg_tuning),
    # and TCP keepalives mark a connection dropped without a word (a NAT forgetting an idle flow)
    # on that socket. libpq options, sent to no server: PgBouncer is fine with them. A
    # DATABASE_URL's own (?keepalives_idle=...) win.
    if database["ENGINE"] != "django.db.backends.postgresql" or not hasattr(select, "poll"):
        return
    database["CONN_HEALTH_CHECKS"] = False
    options = database.setdefault("OPTIONS", {})
    for name, value in (
        ("keepalives", 1),
        ("keepalives_idle", 30),
        ("keepalives_interval", 10),
        ("keepalives_count", 3),
    ):
        options.setdefault(name, value)


_prepare_statements(DATABASES["default"])
_session_settings(DATABASES["default"])
_check_health_by_socket(DATABASES["default"])

# Optional read replica. Public GET requests read rounds/issues data from it; writes,
# the admin, every non-GET request, accounts and sessions, and any read after a write in
# the same request go to the primary (nafta_tracker/db_routing.py).
_replica_url = env_url("DATABASE_REPLICA_URL", ("postgres", "postgresql", "sqlite"))
if _replica_url:
    try:
        DATABASES["replica"] = dj_database_url.parse(
            _replica_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is not a database URL Django understands: {exc}") from None
    _prepare_statements(DATABASES["replica"])
    _session_settings(DATABASES["replica"])
    _check_health_by_socket(DATABASES["replica"])
    # Reads only; the test run uses the primary for it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["nafta_tracker.db_routing.PrimaryReplicaRouter"]
# Paths whose requests always read from the primary, replica or not.
REPLICA_EXCLUDED_PATHS = ["/admin/"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ----------------------------------------------------------------------------- internationalisation

# The interface speaks the three parties' languages; data (quotes) stays in the language
# it was said in.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
# Content (issue titles, notes, names) is written in English; French and Spanish are translations,
# each falling back to English where none was entered (nafta_tracker/content_language.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# ----------------------------------------------------------------------------- static files

# whitenoise serves them from every app server. With debug off they are compressed and
# named by content hash (collectstatic builds them; make serve runs it). Tests and
# `make run` set DJANGO_STATIC_MANIFEST=0 and are served straight from the apps' static
# folders without collectstatic.
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST

# ----------------------------------------------------------------------------- authentication and security

# Secure by default once debug is off: `manage.py check --deploy --fail-level WARNING` is
# clean with nothing but DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS set. Each default has
# its variable for deployments that need another value. docs/deploy.md explains them all.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# HTTPS. Behind a TLS-terminating proxy or load balancer, set DJANGO_BEHIND_PROXY=1 so that
# Django trusts its X-Forwarded-Proto header; never set it when clients can reach Django
# directly, or they could claim to be on HTTPS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The client's address, for the API throttle and for login lockouts: each of the N proxies
# appends the address it was called from to X-Forwarded-For, so the client is the N-th entry
# from the right; whatever the client wrote to the left of it is ignored. Not behind a proxy,
# X-Forwarded-For is ignored altogether (anyone can send one) and REMOTE_ADDR is the client.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1, minimum=1) if BEHIND_PROXY else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env_choice(
    "DJANGO_REFERRER_POLICY",
    "same-origin",
    [
        "no-referrer",
        "no-referrer-when-downgrade",
        "origin",
        "origin-when-cross-origin",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    ],
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Failed admin logins (django-axes): after DJANGO_AXES_FAILURE_LIMIT wrong passwords for
# one username from one IP address, that pair is locked out for DJANGO_AXES_COOLOFF_MINUTES.
# Tests log in with client.force_login(user); client.login() needs a request with axes:
# client.login(request=HttpRequest(), username=…, password=…).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nafta_tracker.lockout.locked_out"  # renders templates/axes/lockout.html
AXES_VERBOSE = False
# The address of a login attempt is found as the API throttle finds it (PROXY_COUNT above).
AXES_CLIENT_IP_CALLABLE = "nafta_tracker.lockout.client_ip_address"


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    return f"'sha256-{digest}'"


# Content-Security-Policy (django-csp 4). No inline script or style anywhere on the public
# site or the API docs; data: images because Swagger UI's stylesheet draws its icons with
# them. The admin's exceptions are in CSP_PATH_UPDATES below and nafta_tracker/csp.py.
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
# Added to the policy for every path under a prefix. Scripts stay 'self'-only in the admin too.
CSP_PATH_UPDATES = {
    "/admin/": {
        # django-simple-history's history page and django-import-export's export form put
        # style="…" attributes in their templates; inline style attributes cannot run code.
        "style-src-attr": [UNSAFE_INLINE],
        # django-import-export's export form: onchange="onSelectToggleChange(event)", allowed
        # by the hash of exactly that handler and nothing else.
        "script-src-attr": [UNSAFE_HASHES, csp_hash("onSelectToggleChange(event)")],
    },
}

# ----------------------------------------------------------------------------- API

# Django REST framework: read for everyone, writes for editors (see issues/api).
# README.md "API" documents it.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "nafta_tracker.api.schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "nafta_tracker.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # DRF's JSON renderer with orjson underneath: same bytes, faster (nafta_tracker/api/json.py).
    "DEFAULT_RENDERER_CLASSES": [
        "nafta_tracker.api.json.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "nafta_tracker.api.negotiation.ContentNegotiation",
    # An oversized body is a 413 naming the limit and JSON nested too deep a 400, both in the
    # API's error shape, never a 500 (nafta_tracker/api/bodies.py, body_errors.py).
    "DEFAULT_PARSER_CLASSES": [
        "nafta_tracker.api.bodies.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not a bare 403.
    # "Bearer <token>" or "Token <token>"; any other Authorization header is a 401, never anonymous.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "nafta_tracker.api.authentication.BearerOrTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["nafta_tracker.api.permissions.ModelPermissionsOrReadOnly"],
    # DRF's throttles, noting the budget for the RateLimit-* headers (nafta_tracker/api/throttling.py).
    "DEFAULT_THROTTLE_CLASSES": [
        "nafta_tracker.api.throttling.AnonRateThrottle",
        "nafta_tracker.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("DJANGO_API_ANON_RATE", "120/minute"),
        "user": env_rate("DJANGO_API_USER_RATE", "1200/minute"),
    },
    # Throttle by the client's address as PROXY_COUNT says (0: REMOTE_ADDR only). Left unset,
    # DRF keys on the whole X-Forwarded-For, which a client can change on every request.
    "NUM_PROXIES": PROXY_COUNT,
    # Errors: one JSON shape for every 4xx/5xx, RFC 9457 problem details with today's errors list
    # ({"type", "title", "status", "detail", "errors": [{"code", "detail", "attr"}]}).
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
}
API_MAX_PAGE_SIZE = 500
# The change feed (?ordering=updated_at) serves changes older than this, so that none is skipped
# by a cursor that passed its time before its transaction committed (nafta_tracker/api/feed.py).
# gunicorn's timeout (30 s) bounds a write request's transaction; add the replica's lag.
API_FEED_SETTLE_SECONDS = env_int("DJANGO_API_FEED_SETTLE_SECONDS", 30, minimum=0)

# CORS (django-cors-headers, restricted to reads by nafta_tracker.cors): any origin may read
# /api/ from a browser, without credentials; writes stay same-origin or token-only.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# A token may accompany a read (an editor's dashboard sees drafts); the validators make polling cheap.
CORS_ALLOW_HEADERS = ["accept", "accept-language", "authorization", "if-none-match", "if-modified-since"]
# What a script may read beyond the safelisted headers: validators, pagination, rate limits.
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Link",
    "X-Total-Count",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Retry-After",
    "Content-Disposition",
]

DRF_STANDARDIZED_ERRORS = {
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "412", "415", "428", "429", "500"],
    "ERROR_SCHEMAS": {
        "412": "nafta_tracker.api.schema.ErrorResponse412Serializer",
        "428": "nafta_tracker.api.schema.ErrorResponse428Serializer",
    },
    "EXCEPTION_HANDLER_CLASS": "nafta_tracker.api.body_errors.APIExceptionHandler",
    # RFC 9457's title, status and detail beside type and errors (nafta_tracker/api/problem.py).
    "EXCEPTION_FORMATTER_CLASS": "nafta_tracker.api.problem.ProblemFormatter",
}

# OpenAPI schema (drf-spectacular): enums named once, instead of once per endpoint.
_API_ENUMS = {
    # drf-standardized-errors' error enums.
    **{
        name: f"drf_standardized_errors.openapi_serializers.{name}"
        for name in (
            "ValidationErrorEnum",
            "ClientErrorEnum",
            "ServerErrorEnum",
            "ErrorCode401Enum",
            "ErrorCode403Enum",
            "ErrorCode404Enum",
            "ErrorCode405Enum",
            "ErrorCode406Enum",
            "ErrorCode415Enum",
            "ErrorCode429Enum",
            "ErrorCode500Enum",
        )
    },
    # Our vocabularies: several models share field names (status, kind), so each enum gets its own name.
    "IssueStatusEnum": "issues.models.IssueStatus",
    "PublicationStateEnum": "rounds.publishing.PublicationState",
    "PositionKindEnum": "issues.models.PositionKind",
    "StatementKindEnum": "issues.models.StatementKind",
    "ToneEnum": "issues.models.Tone",
    "SourceKindEnum": "rounds.models.SourceKind",
    "DatePrecisionEnum": "rounds.base.DatePrecision",
    "RoundStatusEnum": "rounds.models.RoundStatus",
    "MeetingKindEnum": "rounds.models.MeetingKind",
    "OfficialRoleEnum": "rounds.models.OfficialRole",
    "MilestoneKindEnum": "rounds.models.MilestoneKind",
    "ErrorCode412Enum": "nafta_tracker.api.schema.ErrorCode412Enum",
    "ErrorCode428Enum": "nafta_tracker.api.schema.ErrorCode428Enum",
}
_API_CHOICES = {"TombstoneReasonEnum": "issues.api.serializers.TOMBSTONE_REASONS"}
SPECTACULAR_SETTINGS = {
    "TITLE": "nafta-tracker API",
    "DESCRIPTION": "The 2017–2018 NAFTA renegotiation, round by round: issues, positions, statements, deadlines.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    # Request bodies are documented as JSON only: form encodings cannot say null or an empty
    # list, so the schema would promise what they cannot carry. (The browsable API's forms
    # still work.)
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
    "ENUM_NAME_OVERRIDES": {
        **{name: f"{path}.choices" for name, path in _API_ENUMS.items()},
        **_API_CHOICES,
        # Issue.Kind is nested in the model: no import path, so its choices are spelled out.
        "IssueKindEnum": [("chapter", "Chapter"), ("annex", "Annex"), ("topic", "Topic")],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
        # One Problem error type, validators and page headers, CSV as text (nafta_tracker/api/schema_hooks.py).
        "nafta_tracker.api.schema_hooks.postprocess",
    ],
    # Relative: the API is served from the same host as the schema, whichever host that is.
    "SERVERS": [{"url": "/"}],
}

# ----------------------------------------------------------------------------- cache and sessions

# Redis when REDIS_URL is set (shared by every app server), otherwise this process's
# memory. Short socket timeouts keep a stalled Redis from stalling requests.
REDIS_URL = env_url("REDIS_URL", ("redis", "rediss", "unix"))
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, with one client object per server instead of one per call.
            "BACKEND": "nafta_tracker.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "nafta"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # Sessions live in the database (the record) and are read through Redis.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # django-import-export keeps an uploaded file between "preview" and "confirm", which
    # may land on different app servers: keep it in the shared cache, not on local disk.
    IMPORT_EXPORT_TMP_STORAGE_CLASS = "nafta_tracker.import_uploads.ExpiringCacheStorage"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nafta"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    IMPORT_EXPORT_TMP_STORAGE_CLASS = "nafta_tracker.import_uploads.ExpiringTempFolderStorage"

# Imports (admin, django-import-export). A 2,000-row preview outlasted gunicorn's 30 s timeout
# and a 61 MB upload grew a worker to 533 MB: files and rows are capped, with a message on the
# import form. An upload waits for "Confirm import" IMPORT_UPLOAD_SECONDS at most, then expires.
IMPORT_MAX_BYTES = env_int("DJANGO_IMPORT_MAX_BYTES", 5 * 1024 * 1024, minimum=1)
IMPORT_MAX_ROWS = env_int("DJANGO_IMPORT_MAX_ROWS", 2_000, minimum=1)  # about 23 s of preview at 100,000 statements
IMPORT_UPLOAD_SECONDS = env_int("DJANGO_IMPORT_UPLOAD_SECONDS", 3_600, minimum=60)

# Seconds a public page (and an API list, through nafta_tracker.response_cache.cache_api_data) is
# kept. Publishing invalidates at once (keys hold the public state, freshness.public_state), so
# this only bounds how long a replica's lag can linger. Off without Redis by default: a cache
# in each process's memory would be correct but hold one copy per process.
RESPONSE_CACHE_SECONDS = env_int("DJANGO_RESPONSE_CACHE_SECONDS", 600 if REDIS_URL else 0, minimum=0)
# Never cached, whoever asks (prefixes of the request path).
# /bench/: the load test's ceiling measures the framework, not a cache lookup (BENCH_VIEWS below).
RESPONSE_CACHE_EXCLUDED_PATHS = ["/admin/", "/api/", "/i18n/", "/healthz", "/bench/"]

# The shared HTTP cache in front (Varnish, a CDN; nafta_tracker/http_cache.py, deploy/varnish/).
# Anonymous GETs of pages and the API say "public, s-maxage=N": N is HTTP_CACHE_SECONDS when
# publishing purges the cache (DJANGO_HTTP_CACHE_PURGE_URLS: comma-separated URLs that take a
# PURGE with a Surrogate-Key header, e.g. http://127.0.0.1:6081/), else the short
# HTTP_CACHE_SECONDS_WITHOUT_PURGE (0: no shared caching at all). Never past midnight.
HTTP_CACHE_PURGE_URLS = env_list("DJANGO_HTTP_CACHE_PURGE_URLS", [])
if any(not url.startswith(("http://", "https://")) for url in HTTP_CACHE_PURGE_URLS):
    raise ImproperlyConfigured(f"DJANGO_HTTP_CACHE_PURGE_URLS takes http(s):// URLs; got {HTTP_CACHE_PURGE_URLS!r}.")
HTTP_CACHE_SECONDS = env_int("DJANGO_HTTP_CACHE_SECONDS", 3600, minimum=0)
HTTP_CACHE_SECONDS_WITHOUT_PURGE = env_int("DJANGO_HTTP_CACHE_SECONDS_WITHOUT_PURGE", 60, minimum=0)
HTTP_CACHE_STALE_SECONDS = env_int("DJANGO_HTTP_CACHE_STALE_SECONDS", 30, minimum=0)  # stale-while-revalidate
HTTP_CACHE_PURGE_TIMEOUT = env_int("DJANGO_HTTP_CACHE_PURGE_TIMEOUT", 2, minimum=1)  # seconds per cache
# Never shared, whoever asks (prefixes of the request path); the API is, for anonymous clients.
HTTP_CACHE_EXCLUDED_PATHS = ["/admin/", "/i18n/", "/healthz"]

# bench/load.sh's ceiling: a trivial view at /bench/trivial/ through every middleware. Off by default.
BENCH_VIEWS = env_bool("DJANGO_BENCH_VIEWS", False)

# ----------------------------------------------------------------------------- logging

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
