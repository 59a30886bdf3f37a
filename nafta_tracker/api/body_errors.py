"""A request body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is a 413 naming the limit (see ``bodies``).

Django raises ``RequestDataTooBig`` when DRF first reads the body, outside any parser;
drf-standardized-errors turned it into a 500. This handler converts it first.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from drf_standardized_errors.handler import ExceptionHandler
from rest_framework import exceptions, status


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def request_too_large() -> RequestTooLarge:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return RequestTooLarge(
        _("The request body is larger than the API accepts: at most %(bytes)s bytes (%(mb)s MB).")
        % {"bytes": f"{limit:,}", "mb": f"{limit / 1024 / 1024:g}"}
    )


class APIExceptionHandler(ExceptionHandler):
    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, RequestDataTooBig):
            return request_too_large()
        return super().convert_known_exceptions(exc)
