"""Error bodies as RFC 9457 problem details, without breaking the shape clients already read.

Every 4xx/5xx of the API has carried ``{"type", "errors": [{"code", "detail", "attr"}]}``
(drf-standardized-errors) since the first release, and scripts read ``type`` and
``errors``. RFC 9457 adds ``title``, ``status`` and ``detail``; they are added here,
and ``errors`` stays as the RFC's extension member. ``type`` keeps its three values
(``validation_error``, ``client_error``, ``server_error``): relative URI references,
which the RFC allows, and what existing clients compare against.

The body stays ``application/json``, not ``application/problem+json``: clients that
send ``Accept: application/json`` (the generated ones, ``requests``' ``.json()`` users
who check the content type, our own tests) would otherwise meet a media type they
never asked for, and the schema would list two bodies per error for nothing. The
schema's ``Problem`` component says the body is a problem document.
"""

from __future__ import annotations

from dataclasses import asdict
from http import HTTPStatus
from typing import Any

from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.types import ErrorResponse


def title_of(status: int) -> str:
    """The HTTP reason phrase: the same for every problem of that status, as RFC 9457 asks of ``title``."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def detail_of(errors: list[dict]) -> str:
    """One sentence per error, named by its field when it has one: ``errors`` says the same, for programs."""
    return " ".join(f"{e['attr']}: {e['detail']}" if e.get("attr") else e["detail"] for e in errors)


class ProblemFormatter(ExceptionFormatter):
    def format_error_response(self, error_response: ErrorResponse) -> Any:
        body = asdict(error_response)
        status = self.exc.status_code
        errors = body["errors"]
        return {
            "type": body["type"],
            "title": title_of(status),
            "status": status,
            "detail": detail_of(errors),
            "errors": errors,
        }
