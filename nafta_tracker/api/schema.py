"""OpenAPI generation: drf-standardized-errors' schema class, plus what it cannot see by itself.

The schema is a contract that ``make fuzz`` (schemathesis) holds the live server to: every
status code, content type and error ``attr``/``code`` an endpoint can answer must be in it.
Beyond the library's introspection that takes: the 412 of stale updates and the 428 of
updates without If-Match, the anonymous
reads that the permission class allows, the 400s of the pagination parameters, and the
codes of the model's own validation (``full_clean()`` in the services), which the request
serializers do not know about.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from rest_framework import permissions, serializers


class ErrorCode412Enum(models.TextChoices):
    PRECONDITION_FAILED = "precondition_failed"


class ErrorCode428Enum(models.TextChoices):
    PRECONDITION_REQUIRED = "precondition_required"


class Error428Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode428Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse428Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error428Serializer(many=True)


class Error412Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode412Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse412Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error412Serializer(many=True)


class ApiUrlFieldExtension(OpenApiSerializerFieldExtension):
    """An object's own URL (``source="*"``) is always there; a related object's may be null."""

    target_class = "nafta_tracker.api.serializers.ApiUrlField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction) -> dict:
        schema = {"type": "string", "format": "uri"}
        if self.target.source != "*":
            schema["nullable"] = True
        return schema


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _("Requests allowed per window (the throttle rate of this client)."),
    "RateLimit-Remaining": _("Requests the window still allows now; 0 on a 429."),
    "RateLimit-Reset": _("Seconds until the window ends and the whole budget is available again."),
}


class AutoSchema(StandardizedErrorsAutoSchema):
    """Documents every error an endpoint can answer; 412 and 428 only where ``If-Match`` is
    required (the viewset's ``if_match_actions``)."""

    def _should_add_error_response(self, responses: dict, status_code: str) -> bool:
        if status_code in ("412", "428"):  # If-Match: stale (412) or missing (428)
            action = getattr(self.view, "action", None)
            return action in getattr(self.view, "if_match_actions", ()) and status_code not in responses
        return super()._should_add_error_response(responses, status_code)

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "response":
            # A serializer writes every field it has, blank or not (null where the field allows it):
            # in an answer every property is present, which a generated client may rely on. Optional
            # (required=False) describes what a request body may leave out, not an answer.
            schema["required"] = sorted(schema.get("properties", {}))
            if not schema["required"]:
                del schema["required"]
        return schema

    def _get_response_headers_for_code(self, status_code, direction="response") -> dict:
        headers = super()._get_response_headers_for_code(status_code, direction)
        # nafta_tracker.api.throttling.RateLimitHeadersMiddleware: every answer under /api/.
        for name, description in RATE_LIMIT_HEADERS.items():
            headers.setdefault(name, {"schema": {"type": "integer", "minimum": 0}, "description": description})
        if str(status_code) == "429":
            headers.setdefault(
                "Retry-After",
                {
                    "schema": {"type": "integer", "minimum": 0},
                    "description": _("Seconds to wait before the next request is allowed."),
                },
            )
        if str(status_code) == "201":
            # EditableViewSet._respond_with: the new object's URL and validators, as a GET of it gives.
            headers.setdefault(
                "Location",
                {"schema": {"type": "string", "format": "uri"}, "description": _("The new object's URL.")},
            )
            headers.setdefault(
                "ETag",
                {
                    "schema": {"type": "string"},
                    "description": _("The new object's ETag: send it as If-Match to update the object."),
                },
            )
        return headers

    def get_auth(self) -> list[dict]:
        """Reads need no credentials: say so (``{}``), as drf-spectacular does for AllowAny."""
        auths = super().get_auth()
        anonymous_reads = any(
            isinstance(permission, permissions.DjangoModelPermissionsOrAnonReadOnly)
            for permission in self.view.get_permissions()
        )
        if anonymous_reads and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_filter_parameters(self) -> list[dict]:
        # django-filter ignores a single-valued filter given empty (?kind=&party= lists everything),
        # as HTML forms send them; say so. A repeated parameter (?status=) is a list whose item "" is
        # not a valid value: that one stays a 400.
        parameters = super()._get_filter_parameters()
        for parameter in parameters:
            single = parameter.get("schema", {}).get("type") != "array"
            # ?ordering= is ignored too (OrderingFilter keeps the default order), list or not.
            if parameter.get("in") == "query" and (single or parameter.get("name") == "ordering"):
                parameter["allowEmptyValue"] = True
        return parameters

    def _process_override_parameters(self, direction="request"):
        parameters = super()._process_override_parameters(direction)
        # Query parameters read by a serializer (the tombstones'): DRF takes an empty optional one
        # (?updated_since=) as absent, as django-filter does; say so. A repeated one stays a list.
        query_serializer = getattr(self.view, "query_serializer_class", None)
        if query_serializer is not None:
            names = set(query_serializer().fields)
            for (name, location), parameter in parameters.items():
                single = (parameter or {}).get("schema", {}).get("type") != "array"
                if location == "query" and name in names and single and parameter is not None:
                    parameter["allowEmptyValue"] = True
        return parameters

    def _get_format_parameters(self) -> list[dict]:
        parameters = super()._get_format_parameters()
        for parameter in parameters:
            parameter["allowEmptyValue"] = True  # ?format= is the default format (DRF ignores it)
        return parameters

    def _get_extra_validation_errors(self) -> dict[str, set[str]]:
        codes = {name: set(found) for name, found in super()._get_extra_validation_errors().items()}
        paginator = self._get_paginator()
        if self.method == "GET" and paginator is not None and getattr(self.view, "action", None) == "list":
            # nafta_tracker.api.pagination refuses a malformed page or page_size with a 400 naming it.
            # ... and a cursor no list gave (nafta_tracker.api.feed): each parameter the paginator has.
            for parameter in paginator.get_schema_operation_parameters(self.view):
                codes.setdefault(parameter["name"], set()).add("invalid")
        query_serializer = getattr(self.view, "query_serializer_class", None)
        if self.method == "GET" and query_serializer is not None:
            # Query parameters read by a serializer (the tombstones'): every code its fields can raise.
            for name, field in query_serializer().fields.items():
                codes.setdefault(name, set()).update(field.error_messages, {"invalid"})
        domain_codes = getattr(self.view, "domain_error_codes", None)
        if self.method in ("POST", "PUT", "PATCH") and domain_codes is not None:
            for name, found in domain_codes().items():
                codes.setdefault(name, set()).update(found)
        return codes
