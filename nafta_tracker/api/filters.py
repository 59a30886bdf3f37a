"""Filters every resource's query parameters are built from: slugs, search words, true/false.

A malformed value is a 400 naming the parameter (django-filter's form validation),
never a 500 and never a silent miss.
"""

from __future__ import annotations

import django_filters as filters
from django.core.exceptions import ValidationError
from django_filters.fields import ModelChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .serializers import is_slug

# Longest search query accepted (?q=): a sentence is plenty, and a page-long query is a 400, not work.
SEARCH_MAX_LENGTH = 200


class SlugChoiceField(ModelChoiceField):
    """Refuses a value that cannot be a slug before looking it up (PostgreSQL errors on a NUL character)."""

    def to_python(self, value):
        if value not in self.empty_values and not is_slug(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


@extend_schema_field(OpenApiTypes.STR)
class SlugFilter(filters.ModelChoiceFilter):
    """An object named by its slug; an unknown slug is a 400 naming the parameter."""

    field_class = SlugChoiceField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


def search_filter(**kwargs) -> filters.CharFilter:
    return filters.CharFilter(method="filter_q", max_length=SEARCH_MAX_LENGTH, **kwargs)


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class TrueFalseFilter(filters.TypedChoiceFilter):
    """true or false, and a 400 for anything else (BooleanFilter silently ignores ?upcoming=perhaps)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs)
