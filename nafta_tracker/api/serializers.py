"""Links and compact nested representations shared by the resources of both apps.

Every object the API shows carries ``url`` (its API address) and ``html_url`` (the
page a person would open). The compact "summary" serializers are what one resource
shows of another (a statement's speaker, round, issues, source); they live here so
that ``rounds.api`` and ``issues.api`` can both use them (issues' summaries are in ``issues.api``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# What a slug may hold (Django's SlugField without allow_unicode). Anything else names no object,
# so it is refused before it reaches the database: PostgreSQL rejects some strings outright
# (a NUL character is an error there, not a miss), and a lookup cannot find what cannot exist.
SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(value: Any) -> bool:
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None


# --------------------------------------------------------------------------- request bodies
# JSON types exactly as the schema states them. DRF takes 12 for "12" and "12" for 12; a client
# relying on that would break the day it met a stricter reader, and the schema would not be the
# contract (`make fuzz` sends numbers where strings belong to check that they are refused).


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        # The schema's maxLength counts what was sent; DRF would count it after trimming
        # whitespace (which includes control characters such as \x1c), and accept more.
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class StrictSlugField(StrictCharField, serializers.SlugField):
    pass


class StrictURLField(StrictCharField, serializers.URLField):
    pass


class NoBlankReference:
    """DRF reads "" as null for a related object; in JSON null says that, so "" is refused."""

    default_error_messages = {"blank": _("This field may not be blank.")}

    def run_validation(self, data: Any = serializers.empty) -> Any:
        if data == "":
            self.fail("blank")
        return super().run_validation(data)


class StrictPrimaryKeyRelatedField(NoBlankReference, serializers.PrimaryKeyRelatedField):
    """An object named by its integer id (a JSON number, not a string of digits)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class SlugReferenceField(NoBlankReference, serializers.SlugRelatedField):
    """An object named by its slug in a request body; a string that cannot be a slug names none."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid")
        if not is_slug(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


class InputSerializer(serializers.ModelSerializer):
    """A request body, read with strict JSON types: text is a string, an id a number, a reference a slug string."""

    # That docstring is for API clients: drf-spectacular shows it with every request body built on this class.

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
    }
    serializer_related_field = StrictPrimaryKeyRelatedField


_PLACEHOLDER = "98765432123456789"  # matches both the slug and the digits-only lookup patterns


@cache
def url_template(view_name: str, lookup_kwarg: str | None, script_prefix: str, language: str | None) -> tuple[str, str]:
    """The route's path split around its one argument, resolved once per process, script
    prefix and language: public pages carry the language in their path (/fr/issues/...)."""
    if lookup_kwarg is None:
        return reverse(view_name), ""
    head, tail = reverse(view_name, kwargs={lookup_kwarg: _PLACEHOLDER}).split(_PLACEHOLDER)
    return head, tail


def absolute(request, path: str) -> str:
    """``request.build_absolute_uri(path)`` for our own ASCII paths, with the host part computed once per request."""
    prefix = request.__dict__.get("_absolute_prefix")
    if prefix is None:
        prefix = request.__dict__["_absolute_prefix"] = request.build_absolute_uri("/")[:-1]
    return prefix + path


def _lookup(instance: Any, path: str) -> Any:
    for name in path.split("."):
        instance = getattr(instance, name)
    return instance


class ApiUrlField(serializers.Field):
    """Absolute URL of an object (``source`` may name a related one, which may be empty: then null).

    Resolves the route once per view name instead of calling ``reverse()`` for every
    object: an issue page shows some 1,200 links, and reversing each one cost more
    than all the SQL of the request.

    Its schema (``nafta_tracker.api.schema.ApiUrlFieldExtension``) is nullable only when
    it names a related object: an object's own URL is never null.
    """

    def __init__(
        self,
        view_name: str,
        lookup_field: str | None = "slug",
        *,
        url_kwarg: str | None = None,
        fragment: str = "",
        **kwargs: Any,
    ) -> None:
        self.view_name = view_name
        self.lookup_field = lookup_field
        self.url_kwarg = url_kwarg or (lookup_field.rsplit(".", 1)[-1] if lookup_field else None)
        self.fragment = fragment
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return instance if self.source == "*" else getattr(instance, self.source, None)

    def to_representation(self, value: Any) -> str | None:
        if value is None:
            return None
        head, tail = url_template(self.view_name, self.url_kwarg, get_script_prefix(), get_language())
        argument = _lookup(value, self.lookup_field) if self.lookup_field else ""
        fragment = "#" + self.fragment.format(obj=value) if self.fragment else ""
        return absolute(self.context["request"], f"{head}{argument}{tail}{fragment}")


class HtmlUrlField(ApiUrlField):
    """Absolute URL of the object's public page: what its ``get_absolute_url()`` returns.

    The route is declared once on the model (``html_route``, which its
    ``get_absolute_url()`` follows too) rather than calling ``get_absolute_url()`` per
    object, for the same reason as above; tests/api/test_links.py checks both agree.
    """

    def __init__(self, model: type[models.Model], **kwargs: Any) -> None:
        super().__init__(**model.html_route, **kwargs)
