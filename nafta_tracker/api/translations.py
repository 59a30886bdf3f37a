"""The API's translated texts: which of an object's fields fell back to English.

A client asks for a language with Accept-Language (LocaleMiddleware activates it and answers
with Content-Language and ``Vary: Accept-Language``). Translated fields
(``nafta_tracker.content_language``) then hold that language's text, or English where none
was entered; ``fallbacks`` names the latter, so a client can mark them ``lang="en"``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from nafta_tracker.content_language import ORIGINAL, content_language, fallbacks, translated_fields


class TranslatedModelSerializer(serializers.ModelSerializer):
    """A model serializer with ``fallbacks``: list it in ``Meta.fields`` of a translated model's serializer."""

    fallbacks = serializers.SerializerMethodField(
        help_text=_(
            "The fields of this object shown in English because no translation into the requested "
            "language (Accept-Language; see Content-Language) was entered. Empty in English."
        )
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_fallbacks(self, obj: models.Model) -> list[str]:
        if content_language() == ORIGINAL:
            return []  # English is the record: nothing in it falls back
        by_source = self._names_by_source
        names = [source for source in translated_fields(obj) if source in by_source]
        return [by_source[source] for source in fallbacks(obj, names)]

    @cached_property
    def _names_by_source(self) -> dict[str, str]:
        """Each plain field's output name by the model field it shows; worked out once per
        serializer, which a list shares between all its objects (it was once per object)."""
        by_source: dict[str, str] = {}
        for name, field in self.fields.items():
            if name != "fallbacks" and not isinstance(field, serializers.BaseSerializer):
                by_source.setdefault(field.source, name)
        return by_source


def with_fallbacks(fields: list[str]) -> list[str]:
    return [*fields, "fallbacks"]


__all__: Any = ["TranslatedModelSerializer", "with_fallbacks"]
