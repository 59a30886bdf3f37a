"""Lists and details read as rows: the same JSON as the serializers, from ``values()`` dicts.

A page of 50 statements through DRF's ``ModelSerializer`` made some 400 model instances
and 10,000 field calls; serialising it took most of the request (issue 15, the 2x floor).
A resource whose output is fixed can instead read its columns with ``values()`` and shape
them here, in plain Python. The output must stay exactly what the serializers give: the
serializers remain the schema and the writes' answers, and each row reader has a test
comparing its output with theirs, byte for byte, in every language.

What lives here is what every row reader needs, whatever the model: translated text with
its fallback (as ``nafta_tracker.content_language`` reads an instance), links (as
``ApiUrlField`` makes them), and dates and times written as DRF writes them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable
from types import SimpleNamespace
from typing import Any, Protocol

from django.db import models, router
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.utils import get_language as translation_language
from modeltranslation.utils import resolution_order

from nafta_tracker.api.serializers import absolute, url_template
from nafta_tracker.compiled_sql import values_by_lookups
from nafta_tracker.content_language import ORIGINAL, content_language, localized_name, translated_fields


class RowReader(Protocol):
    """What a view needs to answer from rows instead of serializers (a list's page, or one object)."""

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        """``queryset`` (filtered and ordered) reading only the columns the rows need, as dicts."""
        ...

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows (a page, or the one object), shaped as the serializer would show them; may run
        a query or two for nested lists, whatever the number of rows."""
        ...


def columns(prefix: str, names: Iterable[str], model: type[models.Model], language: str) -> list[str]:
    """The ``values()`` names for fields ``names`` of ``model`` reached through ``prefix``
    (``speaker__party__``), with the English and ``language`` columns of translated ones."""
    translated = set(translated_fields(model))
    found = []
    for name in names:
        found.append(prefix + name)
        if name in translated:
            found.append(prefix + localized_name(name, ORIGINAL))
            if language != ORIGINAL:
                found.append(prefix + localized_name(name, language))
    return found


class Texts:
    """Translated fields of one model, read from rows in the active language.

    Gives what the model's descriptor gives (the translation, else the English text, else
    the field's default) and which fields fell back to English, as ``fallbacks()`` says
    for an instance: a missing translation is NULL or empty; an empty English text is no fallback.
    """

    def __init__(self, model: type[models.Model], shown: Iterable[tuple[str, str]]) -> None:
        """``shown``: (model field, output name) of each translated field the output holds, in output order."""
        order = translated_fields(model)
        self.shown = [(field, name) for field, name in shown if field in order]
        self.fields = sorted(self.shown, key=lambda pair: order.index(pair[0]))  # fallbacks list model order
        self.defaults = {field: model._meta.get_field(field).get_default() for field, _name in self.fields}
        self.language = content_language()
        # The languages the descriptor tries, in its order: the active one as modeltranslation
        # names it (fr-ca is fr), then English.
        self.order = resolution_order(translation_language(), {"default": (ORIGINAL,)})

    def read(self, row: dict[str, Any], prefix: str, out: dict[str, Any]) -> list[str]:
        """Put each translated field of the row (its columns under ``prefix``) into ``out``, in
        output order; return the fallbacks."""
        for field, name in self.shown:
            out[name] = self.text(row, prefix, field)
        return self.fallbacks(row, prefix)

    def text(self, row: dict[str, Any], prefix: str, field: str) -> Any:
        """What the model's descriptor shows of ``field`` (a translated one) in the active language."""
        return self._shown(row, prefix + field, field)

    def fallbacks(self, row: dict[str, Any], prefix: str) -> list[str]:
        """The output names of the fields shown in English for want of a translation."""
        if self.language == ORIGINAL:
            return []
        return [name for field, name in self.fields if self._fell_back(row, prefix + field)]

    def _shown(self, row: dict[str, Any], key: str, field: str) -> Any:
        for code in self.order:
            value = row.get(localized_name(key, code))
            if value is not None and value != self.defaults[field]:
                return value
        return self.defaults[field]

    def _fell_back(self, row: dict[str, Any], key: str) -> bool:
        if row[localized_name(key, self.language)] not in (None, ""):
            return False
        english = row[localized_name(key, ORIGINAL)]
        if english is None:
            english = row[key]
        return english not in (None, "")


class Links:
    """Absolute URLs of one route for a request, as ``ApiUrlField`` writes them, the route resolved once."""

    def __init__(self, request: Any, view_name: str, url_kwarg: str | None = "slug", fragment: str = "") -> None:
        self.head, self.tail = url_template(view_name, url_kwarg, get_script_prefix(), get_language())
        self.request = request
        self.fragment = fragment

    def __call__(self, argument: Any = "", **obj: Any) -> str:
        """The link with ``argument`` in the route; ``obj``: the object's values its fragment names
        (``pk=`` for ``position-{obj.pk}``)."""
        hash_part = "#" + self.fragment.format(obj=SimpleNamespace(**obj)) if self.fragment else ""
        return absolute(self.request, f"{self.head}{argument}{self.tail}{hash_part}")


def html_links(request: Any, model: type[models.Model]) -> Links:
    """Links to the public page of each object of ``model``, by its ``html_route`` (as ``HtmlUrlField``)."""
    route = model.html_route
    lookup = route.get("lookup_field", "slug")
    return Links(request, route["view_name"], lookup.rsplit(".", 1)[-1] if lookup else None, route.get("fragment", ""))


class SlugSummary:
    """The compact summary of an object named by its slug, as the summary serializers write it:
    slug, the plain fields, the translated ones, url, html_url, fallbacks; None for no object.

    A subclass names the model, its API route and its fields; an instance, made once per
    request, reads rows whose columns ``columns(prefix)`` named under a prefix such as
    ``speaker__party__``.
    """

    model: type[models.Model]
    view_name: str
    plain: tuple[str, ...] = ()
    translated: tuple[str, ...] = ()

    def __init__(self, request: Any) -> None:
        self.texts = Texts(self.model, [(name, name) for name in self.translated])
        self.url = Links(request, self.view_name)
        self.html_url = html_links(request, self.model)
        # An object's summary is made once per request and shared by every row that shows it:
        # a page of 50 issues names the same three parties 150 times.
        self.known: dict[Any, dict[str, Any]] = {}

    @classmethod
    def columns(cls, prefix: str) -> list[str]:
        return columns(prefix, ["id", "slug", *cls.plain, *cls.translated], cls.model, content_language())

    def __call__(self, row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
        pk = row[prefix + "id"]
        if pk is None:  # an empty relation
            return None
        known = self.known.get(pk)
        if known is not None:
            return known
        slug = row[prefix + "slug"]
        out: dict[str, Any] = {"slug": slug}
        for name in self.plain:
            out[name] = row[prefix + name]
        fallbacks = self.texts.read(row, prefix, out)
        out["url"] = self.url(slug)
        out["html_url"] = self.html_url(slug)
        out["fallbacks"] = fallbacks
        self.known[pk] = out
        return out


def date_text(value: datetime.date | None) -> str | None:
    """A date as DRF's ``DateField`` writes it (ISO 8601; text passes as it is, as there)."""
    if not value:
        return None
    return value if isinstance(value, str) else value.isoformat()


def datetime_text(value: datetime.datetime | None, zone: datetime.tzinfo | None = None) -> str | None:
    """A moment as DRF's ``DateTimeField`` writes it: in the current time zone, ISO 8601, UTC as Z.

    DRF makes a naive value aware in the current time zone and moves an aware one into it.
    ``zone``: the current time zone, where the caller read it once for many values (a reader,
    per request): looking it up took longer than the rest of the work, 200 times a page."""
    if not value:
        return None
    if isinstance(value, str):  # SQLite gives Greatest() of datetimes as text, which DRF passes on as it is
        return value
    if zone is None:
        zone = timezone.get_current_timezone()
    text = (timezone.make_aware(value, zone) if timezone.is_naive(value) else value.astimezone(zone)).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def nested_rows(
    shape: Hashable, ids: list[Any], key: models.Field, build: Callable[[list[Any]], models.QuerySet]
) -> Iterable[dict[str, Any]]:
    """The rows of ``build(ids)``, the nested lists of a page of objects whose ``key`` values are ``ids``.

    The query is the same for every page but for its keys, so it is built and compiled once
    per ``shape`` (``nafta_tracker.compiled_sql``) rather than on every request: for one object
    (a detail), and for each power-of-two number of keys (a list page's). Building the
    statements page's two took the ORM about 1 ms a request. ``shape`` must name what else the
    query depends on (the reader, the language), and ``build`` must read the keys only as an
    ``IN`` list, where a repeated key changes nothing (a page's keys are padded with repeats).
    """
    return values_by_lookups((shape, get_language()), key, ids, build, using=router.db_for_read(key.model))


def by_key(rows: Iterable[dict[str, Any]], key: str, shape: Callable[[dict[str, Any]], Any]) -> dict[Any, list]:
    """``shape(row)`` of each row, grouped by ``row[key]`` in the order given (for a page's nested lists)."""
    grouped: dict[Any, list] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(shape(row))
    return grouped
