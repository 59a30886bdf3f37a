"""Settings for nafta-tracker: one module, every knob an environment variable.

The defaults give a local SQLite site for development. Production sets
``DJANGO_DEBUG=0``, ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` and a
``DATABASE_URL``; a missing or malformed value stops the process at start with a
message that names the variable, rather than failing later on a request.
README.md lists every variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean variable; anything but a clear yes/no is a startup error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


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

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "rounds",
    "issues",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "nafta_tracker.urls"

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

WSGI_APPLICATION = "nafta_tracker.wsgi.application"
ASGI_APPLICATION = "nafta_tracker.asgi.application"

# Database: SQLite file beside manage.py unless DATABASE_URL says otherwise.
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the interface speaks the three parties' languages;
# data (quotes) stays in the language it was said in.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))

LOGIN_URL = "admin:login"

# Django REST framework: read for everyone, writes for editors (see issues/api).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "nafta-tracker API",
    "DESCRIPTION": "The 2017–2018 NAFTA renegotiation, round by round: issues, positions, statements, deadlines.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Local demo only: `manage.py demo_editor` refuses to run unless this is on.
DEMO_EDITOR_ENABLED = DEBUG and env_bool("DJANGO_DEMO_EDITOR", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# --------------------------------------------------------------------------- REST API (issue 3)
# Everything the API needs beyond the defaults above; README.md "API" documents it.
API_MAX_PAGE_SIZE = 500


def env_rate(name: str, default: str) -> str:
    """A DRF throttle rate such as ``100/minute``; a malformed one is a startup error."""
    import re

    raw = os.environ.get(name, "").strip() or default
    if not re.fullmatch(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)", raw):
        raise ImproperlyConfigured(f"{name} must look like 100/minute (per second, minute, hour or day); got {raw!r}.")
    return raw


INSTALLED_APPS += ["drf_standardized_errors"]
REST_FRAMEWORK.update(
    {
        # Errors: one JSON shape for every 4xx/5xx ({"type", "errors": [{"code", "detail", "attr"}]}).
        "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
        "DEFAULT_SCHEMA_CLASS": "nafta_tracker.api.schema.AutoSchema",
        "DEFAULT_PAGINATION_CLASS": "nafta_tracker.api.pagination.PageNumberPagination",
        "DEFAULT_CONTENT_NEGOTIATION_CLASS": "nafta_tracker.api.negotiation.ContentNegotiation",
        # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not a bare 403.
        "DEFAULT_AUTHENTICATION_CLASSES": [
            "rest_framework.authentication.TokenAuthentication",
            "rest_framework.authentication.SessionAuthentication",
        ],
        "DEFAULT_THROTTLE_CLASSES": [
            "rest_framework.throttling.AnonRateThrottle",
            "rest_framework.throttling.UserRateThrottle",
        ],
        "DEFAULT_THROTTLE_RATES": {
            "anon": env_rate("DJANGO_API_ANON_RATE", "120/minute"),
            "user": env_rate("DJANGO_API_USER_RATE", "1200/minute"),
        },
    }
)
_API_ENUMS = {
    # drf-standardized-errors' error enums, named once instead of once per endpoint.
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
    "PublicationStateEnum": "issues.models.PublicationState",
    "PositionKindEnum": "issues.models.PositionKind",
    "StatementKindEnum": "issues.models.StatementKind",
    "ToneEnum": "issues.models.Tone",
    "SourceKindEnum": "issues.models.SourceKind",
    "DatePrecisionEnum": "rounds.base.DatePrecision",
    "RoundStatusEnum": "rounds.models.RoundStatus",
    "OfficialRoleEnum": "rounds.models.OfficialRole",
    "MilestoneKindEnum": "rounds.models.MilestoneKind",
    "ErrorCode412Enum": "nafta_tracker.api.schema.ErrorCode412Enum",
}
SPECTACULAR_SETTINGS.update(
    {
        "COMPONENT_SPLIT_REQUEST": True,
        "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
        "ENUM_NAME_OVERRIDES": {
            **{name: f"{path}.choices" for name, path in _API_ENUMS.items()},
            # Issue.Kind is nested in the model: no import path, so its choices are spelled out.
            "IssueKindEnum": [("chapter", "Chapter"), ("annex", "Annex"), ("topic", "Topic")],
        },
        "POSTPROCESSING_HOOKS": ["drf_standardized_errors.openapi_hooks.postprocess_schema_enums"],
    }
)
DRF_STANDARDIZED_ERRORS = {
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "412", "415", "429", "500"],
    "ERROR_SCHEMAS": {"412": "nafta_tracker.api.schema.ErrorResponse412Serializer"},
}
