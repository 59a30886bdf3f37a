"""Links and compact nested representations shared by the resources of both apps.

Every object the API shows carries ``url`` (its API address) and ``html_url`` (the
page a person would open). The compact "summary" serializers are what one resource
shows of another (a statement's speaker, round, issues, source); they live here so
that ``rounds.api`` and ``issues.api`` can both use them without importing each other.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.urls import get_script_prefix, reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from issues.models import Issue, Source
from rounds.models import Official, Party, Round

_PLACEHOLDER = "98765432123456789"  # matches both the slug and the digits-only lookup patterns


@cache
def _url_template(view_name: str, lookup_kwarg: str, script_prefix: str) -> tuple[str, str]:
    path = reverse(view_name, kwargs={lookup_kwarg: _PLACEHOLDER})
    head, tail = path.split(_PLACEHOLDER)
    return head, tail


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class ApiUrlField(serializers.Field):
    """Absolute API URL of an object (``source`` may point at a related one, which may be empty).

    Resolves the route once per view name instead of calling ``reverse()`` for every row:
    on a page of 500 statements, each with five linked objects, that is 2,500 fewer reversals.
    """

    def __init__(self, view_name: str, lookup_field: str = "slug", **kwargs: Any) -> None:
        self.view_name = view_name
        self.lookup_field = lookup_field
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        # None for an empty relation, instead of DRF skipping or failing on it.
        return instance if self.source == "*" else getattr(instance, self.source, None)

    def to_representation(self, value: Any) -> str | None:
        if value is None:
            return None
        head, tail = _url_template(self.view_name, self.lookup_field, get_script_prefix())
        return self.context["request"].build_absolute_uri(f"{head}{getattr(value, self.lookup_field)}{tail}")


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class HtmlUrlField(ApiUrlField):
    """Absolute URL of the object's public page (its ``get_absolute_url()``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(view_name="", **kwargs)

    def to_representation(self, value: Any) -> str | None:
        if value is None:
            return None
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class PartySummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:party-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Party
        fields = ["slug", "name", "short_name", "url", "html_url"]


class OfficialSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:official-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Official
        fields = ["slug", "name", "title", "url", "html_url"]


class RoundSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:round-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Round
        fields = ["slug", "number", "city", "url", "html_url"]


class IssueSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:issue-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Issue
        fields = ["slug", "title", "url", "html_url"]


class SourceSummarySerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:source-detail", lookup_field="pk")
    html_url = HtmlUrlField()
    link = serializers.CharField(source="url", help_text="Where to read the source itself (empty if unknown).")

    class Meta:
        model = Source
        fields = ["id", "kind", "outlet", "title", "description", "link", "published_on", "url", "html_url"]
