"""Django's XML serialiser and deserialiser, made to give back text byte for byte.

Two changes, both needed for text typed in a textarea (browsers submit "\\r\\n"):

- An XML parser turns every "\\r\\n" and lone "\\r" in character data into "\\n" (XML 1.0,
  section 2.11); a character reference is not normalised. The serialiser writes each
  carriage return as ``&#13;``.
- Django's deserialiser strips every field's text (it allows for indented files), so
  leading and trailing spaces and line breaks were lost. Ours takes text fields as
  written; backups are never indented.

``loaddata`` picks its deserialiser by the file's ``.xml`` name, so ``as_xml_format()``
stands this module in for "xml" while a backup is written or restored. Files written
by Django's own serialiser (older backups) read the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers import xml_serializer
from django.db import models
from django.utils.xmlutils import SimplerXMLGenerator

DJANGO_XML = "django.core.serializers.xml_serializer"


class _Generator(SimplerXMLGenerator):
    def characters(self, content: str) -> None:
        parts = content.split("\r") if content else [content]
        for index, part in enumerate(parts):
            if index:
                self.ignorableWhitespace("&#13;")  # written as is, unlike characters(), which escapes "&"
            super().characters(part)


class Serializer(xml_serializer.Serializer):
    def start_serialization(self) -> None:
        # As Django's (5.2), with the generator above.
        self.xml = _Generator(self.stream, self.options.get("encoding", settings.DEFAULT_CHARSET))
        self.xml.startDocument()
        self.xml.startElement("django-objects", {"version": "1.0"})


class Deserializer(xml_serializer.Deserializer):
    def _handle_object(self, node: Any) -> Any:
        deserialized = super()._handle_object(node)
        instance = deserialized.object
        for field_node in node.getElementsByTagName("field"):
            try:
                field = instance._meta.get_field(field_node.getAttribute("name"))
            except FieldDoesNotExist:
                continue
            if field.is_relation or not isinstance(field, models.CharField | models.TextField):
                continue
            if field_node.getElementsByTagName("None"):
                continue
            setattr(instance, field.attname, field.to_python(xml_serializer.getInnerText(field_node)))
        return deserialized


@contextmanager
def as_xml_format() -> Iterator[None]:
    """While inside, the "xml" format (dumpdata, loaddata) is this module's."""
    serializers.register_serializer("xml", __name__)
    try:
        yield
    finally:
        serializers.register_serializer("xml", DJANGO_XML)
