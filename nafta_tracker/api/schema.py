"""OpenAPI generation: drf-standardized-errors' schema class, plus the 412 of stale updates."""

from __future__ import annotations

from django.db import models
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from rest_framework import serializers


class ErrorCode412Enum(models.TextChoices):
    PRECONDITION_FAILED = "precondition_failed"


class Error412Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode412Enum.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse412Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error412Serializer(many=True)


class AutoSchema(StandardizedErrorsAutoSchema):
    """Documents every error an endpoint can answer; 412 only where ``If-Match`` is honoured."""

    def _should_add_error_response(self, responses: dict, status_code: str) -> bool:
        if status_code == "412":
            return self.method in ("PUT", "PATCH") and status_code not in responses
        return super()._should_add_error_response(responses, status_code)
